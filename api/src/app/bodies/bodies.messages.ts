import type { MessageTranslation } from '../common/messages/message-translation';

/** Heard bodies, their e-mail-only contacts and the one-time statement links: API messages in Finnish and Swedish. */
export const BODIES_MESSAGES: readonly MessageTranslation[] = [
  // The contact's, through the link
  {
    en: 'This link is not valid. Use the newest link you got by e-mail, or ask the official for a new one.',
    fi: 'Linkki ei ole voimassa. Käytä uusinta sähköpostissa saamaasi linkkiä tai pyydä valmistelijalta uusi.',
    sv: 'Länken är inte giltig. Använd den senaste länken du fått per e-post eller be beredaren om en ny.',
  },
  {
    en: 'This link has been used: the statement was already sent.',
    fi: 'Linkki on jo käytetty: lausunto on lähetetty.',
    sv: 'Länken har redan använts: utlåtandet har skickats.',
  },
  {
    en: 'The official withdrew this request, so it no longer takes a statement.',
    fi: 'Valmistelija perui lausuntopyynnön, joten siihen ei voi enää vastata.',
    sv: 'Beredaren har återkallat begäran, så den tar inte längre emot ett utlåtande.',
  },
  {
    en: 'The consultation has closed, so the statement can no longer be sent.',
    fi: 'Lausuntokierros on päättynyt, joten lausuntoa ei voi enää lähettää.',
    sv: 'Remissrundan har avslutats, så utlåtandet kan inte längre skickas.',
  },
  {
    en: 'The draft was saved in another window or tab after this one opened it. Choose which text to keep.',
    fi: 'Luonnos tallennettiin toisessa ikkunassa tai välilehdessä sen jälkeen, kun tämä avattiin. Valitse, kumpi teksti jää.',
    sv: 'Utkastet sparades i ett annat fönster eller en annan flik efter att det här öppnades. Välj vilken text som ska gälla.',
  },
  {
    en: 'This link expired with the deadline of the request. Ask the official to extend the deadline.',
    fi: 'Linkki vanheni lausuntopyynnön määräajan päättyessä. Pyydä valmistelijaa jatkamaan määräaikaa.',
    sv: 'Länken gick ut när tidsfristen för begäran löpte ut. Be beredaren att förlänga tidsfristen.',
  },
  {
    en: 'Write at least one point before you send the statement.',
    fi: 'Kirjoita vähintään yksi kohta ennen kuin lähetät lausunnon.',
    sv: 'Skriv minst en punkt innan du skickar utlåtandet.',
  },
  {
    en: 'A statement has at most {max} points.',
    fi: 'Lausunnossa voi olla enintään {max} kohtaa.',
    sv: 'Ett utlåtande kan ha högst {max} punkter.',
  },
  { en: 'must be the token from the link', fi: 'pitää olla linkin tunniste', sv: 'måste vara länkens kod' },
  { en: 'must be a list of points', fi: 'pitää olla luettelo kohdista', sv: 'måste vara en lista med punkter' },
  { en: 'must have at most {max} points', fi: 'saa sisältää enintään {max} kohtaa', sv: 'får innehålla högst {max} punkter' },
  { en: 'each point must be text', fi: 'jokaisen kohdan pitää olla tekstiä', sv: 'varje punkt måste vara text' },
  {
    en: 'each point must be at most {max} characters long',
    fi: 'kukin kohta saa olla enintään {max} merkkiä pitkä',
    sv: 'varje punkt får vara högst {max} tecken lång',
  },

  // The admin's
  {
    en: 'A heard body needs its type (pupil council, NGO, …); other kinds of organization have none.',
    fi: 'Kuultavalle taholle pitää valita tyyppi (oppilaskunta, järjestö, …); muilla organisaatioilla tyyppiä ei ole.',
    sv: 'Ett hört organ behöver en typ (elevkår, organisation, …); andra slags organisationer har ingen.',
  },
  { en: 'is required for a heard body', fi: 'on pakollinen kuultavalle taholle', sv: 'krävs för ett hört organ' },
  { en: 'is only for a heard body', fi: 'koskee vain kuultavaa tahoa', sv: 'gäller bara ett hört organ' },
  {
    en: 'This body already has a contact with this e-mail address.',
    fi: 'Taholla on jo yhteyshenkilö tällä sähköpostiosoitteella.',
    sv: 'Organet har redan en kontaktperson med den här e-postadressen.',
  },
  {
    en: 'Only a heard body (not a youth council) has e-mail-only contacts.',
    fi: 'Vain kuultavalla taholla (ei nuorisovaltuustolla) on pelkän sähköpostin varassa vastaavia yhteyshenkilöitä.',
    sv: 'Bara ett hört organ (inte ett ungdomsfullmäktige) har kontaktpersoner som svarar via e-post.',
  },
  {
    en: 'The contact id must be a UUID.',
    fi: 'Yhteyshenkilön tunnisteen pitää olla UUID.',
    sv: 'Kontaktpersonens id måste vara ett UUID.',
  },
  { en: 'No such contact.', fi: 'Yhteyshenkilöä ei löytynyt.', sv: 'Kontaktpersonen hittades inte.' },
  {
    en: 'Only a municipality or a wellbeing services county has languages; its committees and youth council use the same.',
    fi: 'Kielet asetetaan vain kunnalle tai hyvinvointialueelle; sen lautakunnat ja nuorisovaltuusto käyttävät samoja.',
    sv: 'Endast en kommun eller ett välfärdsområde har språk; dess nämnder och ungdomsfullmäktige använder samma.',
  },
];
