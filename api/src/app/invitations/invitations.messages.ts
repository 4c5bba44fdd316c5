import type { MessageTranslation } from '../common/messages/message-translation';

/** The invitations feature's API messages in Finnish and Swedish (see app/api-messages.ts). */
export const INVITATIONS_MESSAGES: readonly MessageTranslation[] = [
  { en: 'must give at least one role', fi: 'pitää antaa vähintään yksi rooli', sv: 'minst en roll måste anges' },
  {
    en: 'This person’s account is deactivated. Reactivate it on the list of people first.',
    fi: 'Tämän henkilön tili on poistettu käytöstä. Ota se ensin uudelleen käyttöön henkilöluettelossa.',
    sv: 'Den här personens konto är inaktiverat. Aktivera det först på nytt i listan över personer.',
  },
  { en: 'This account is no longer in use.', fi: 'Tämä tili ei ole enää käytössä.', sv: 'Det här kontot används inte längre.' },
  {
    en: 'This invitation link does not work. Check that you copied the whole link, or ask for a new invitation.',
    fi: 'Kutsulinkki ei toimi. Tarkista, että kopioit koko linkin, tai pyydä uusi kutsu.',
    sv: 'Inbjudningslänken fungerar inte. Kontrollera att du kopierade hela länken, eller be om en ny inbjudan.',
  },
  {
    en: 'This invitation has already been used. Sign in with your e-mail address and password.',
    fi: 'Tämä kutsu on jo käytetty. Kirjaudu sisään sähköpostiosoitteellasi ja salasanallasi.',
    sv: 'Inbjudan har redan använts. Logga in med din e-postadress och ditt lösenord.',
  },
  {
    en: 'This invitation was replaced by a newer one. Use the link in the newest e-mail.',
    fi: 'Tämän kutsun tilalle on lähetetty uudempi. Käytä uusimman sähköpostin linkkiä.',
    sv: 'Inbjudan har ersatts av en nyare. Använd länken i det senaste e-postmeddelandet.',
  },
  {
    en: 'This invitation has expired. Ask the person who invited you to send a new one.',
    fi: 'Kutsu on vanhentunut. Pyydä kutsujaa lähettämään uusi.',
    sv: 'Inbjudan har gått ut. Be den som bjöd in dig att skicka en ny.',
  },
];
