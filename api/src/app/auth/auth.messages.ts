import type { MessageTranslation } from '../common/messages/message-translation';

/** The auth feature's API messages in Finnish and Swedish (see app/api-messages.ts). */
export const AUTH_MESSAGES: readonly MessageTranslation[] = [
  { en: 'Please sign in again.', fi: 'Kirjaudu uudelleen sisään.', sv: 'Logga in igen.' },
  {
    en: 'The e-mail address or password is wrong.',
    fi: 'Sähköpostiosoite tai salasana on väärin.',
    sv: 'E-postadressen eller lösenordet är fel.',
  },
  {
    en: 'Please give your e-mail address and password.',
    fi: 'Anna sähköpostiosoitteesi ja salasanasi.',
    sv: 'Ange din e-postadress och ditt lösenord.',
  },
  { en: 'is required', fi: 'on pakollinen', sv: 'är obligatoriskt' },
  {
    en: 'Too many sign-in attempts. Try again in 1 minute.',
    fi: 'Liian monta kirjautumisyritystä. Yritä uudelleen minuutin kuluttua.',
    sv: 'För många inloggningsförsök. Försök igen om en minut.',
  },
  {
    en: 'Too many sign-in attempts. Try again in {minutes} minutes.',
    fi: 'Liian monta kirjautumisyritystä. Yritä uudelleen {minutes} minuutin kuluttua.',
    sv: 'För många inloggningsförsök. Försök igen om {minutes} minuter.',
  },
  {
    en: 'Organization sign-in is not configured.',
    fi: 'Organisaation kirjautumista ei ole otettu käyttöön.',
    sv: 'Inloggning via organisationen har inte konfigurerats.',
  },

  // --- Password reset ---
  {
    en: 'If this address has an account in Lava, we sent a link to it. The link works for {minutes} minutes.',
    fi: 'Jos tällä osoitteella on tili Lavassa, lähetimme siihen linkin. Linkki toimii {minutes} minuuttia.',
    sv: 'Om den här adressen har ett konto i Lava har vi skickat en länk till den. Länken fungerar i {minutes} minuter.',
  },
  {
    en: 'This link does not work. Check that you copied the whole link, or ask for a new one.',
    fi: 'Linkki ei toimi. Tarkista, että kopioit koko linkin, tai pyydä uusi linkki.',
    sv: 'Länken fungerar inte. Kontrollera att du kopierade hela länken, eller be om en ny.',
  },
  {
    en: 'This link has already been used. Ask for a new one if you need to.',
    fi: 'Tätä linkkiä on jo käytetty. Pyydä tarvittaessa uusi linkki.',
    sv: 'Länken har redan använts. Be om en ny vid behov.',
  },
  {
    en: 'This link has expired. Ask for a new one.',
    fi: 'Linkki on vanhentunut. Pyydä uusi linkki.',
    sv: 'Länken har gått ut. Be om en ny.',
  },
  {
    en: 'The password must be at least {min} characters long.',
    fi: 'Salasanan pitää olla vähintään {min} merkkiä pitkä.',
    sv: 'Lösenordet måste vara minst {min} tecken långt.',
  },
  {
    en: 'The password must not be your e-mail address.',
    fi: 'Salasana ei saa olla sähköpostiosoitteesi.',
    sv: 'Lösenordet får inte vara din e-postadress.',
  },
  {
    en: 'This request came from another website and was refused. Open Lava itself and try again.',
    fi: 'Pyyntö tuli toiselta verkkosivustolta, ja se hylättiin. Avaa Lava itse ja yritä uudelleen.',
    sv: 'Begäran kom från en annan webbplats och avvisades. Öppna Lava direkt och försök igen.',
  },
];
