import type { MessageTranslation } from '../common/messages/message-translation';

/** The surveys feature's API messages in Finnish and Swedish; the child's ones in plain language. */
export const SURVEYS_MESSAGES: readonly MessageTranslation[] = [
  // The child's
  {
    en: 'An answer is for a question this survey does not have. Load the survey again.',
    fi: 'Vastaus on kysymykseen, jota tässä kyselyssä ei ole. Lataa kysely uudelleen.',
    sv: 'Ett svar gäller en fråga som inte finns i enkäten. Ladda enkäten på nytt.',
  },
  { en: 'No such survey. Check the link.', fi: 'Kyselyä ei löytynyt. Tarkista linkki.', sv: 'Enkäten hittades inte. Kontrollera länken.' },
  {
    en: 'The class code is not right. Check it with your teacher.',
    fi: 'Luokan koodi ei ole oikein. Tarkista se opettajaltasi.',
    sv: 'Klassens kod är inte rätt. Kontrollera den med din lärare.',
  },
  {
    en: 'This survey has closed. Thank you for your interest!',
    fi: 'Kysely on sulkeutunut. Kiitos kiinnostuksestasi!',
    sv: 'Enkäten har stängts. Tack för ditt intresse!',
  },
  { en: 'This survey has not opened yet.', fi: 'Kysely ei ole vielä auki.', sv: 'Enkäten har inte öppnat ännu.' },
  {
    en: 'Write the class code your teacher gave you.',
    fi: 'Kirjoita luokan koodi, jonka sait opettajalta.',
    sv: 'Skriv klassens kod som du fick av din lärare.',
  },
  {
    en: 'Many answers came from your network just now. Wait {seconds} seconds and send again.',
    fi: 'Verkostasi tuli juuri nyt paljon vastauksia. Odota {seconds} sekuntia ja lähetä uudelleen.',
    sv: 'Många svar kom från ditt nätverk just nu. Vänta {seconds} sekunder och skicka igen.',
  },
  {
    en: 'Your answer to question {number} is not one of its choices.',
    fi: 'Vastauksesi kysymykseen {number} ei ole mikään sen vaihtoehdoista.',
    sv: 'Ditt svar på fråga {number} är inte ett av dess alternativ.',
  },
  {
    en: 'Your answer to question {number} is too long: at most {max} characters.',
    fi: 'Vastauksesi kysymykseen {number} on liian pitkä: enintään {max} merkkiä.',
    sv: 'Ditt svar på fråga {number} är för långt: högst {max} tecken.',
  },
  // The official's
  {
    en: 'Children have already answered: the questions and their options can no longer change (texts and dates can).',
    fi: 'Lapset ovat jo vastanneet: kysymyksiä ja niiden vaihtoehtoja ei voi enää muuttaa (tekstejä ja päivämääriä voi).',
    sv: 'Barn har redan svarat: frågorna och deras alternativ kan inte längre ändras (texter och datum kan).',
  },
  { en: 'No such answer text.', fi: 'Vastaustekstiä ei löytynyt.', sv: 'Svarstexten hittades inte.' },
  { en: 'No such survey.', fi: 'Kyselyä ei löytynyt.', sv: 'Enkäten hittades inte.' },
  {
    en: 'Only the officials of the municipality make and run surveys of its assessments.',
    fi: 'Vain kunnan valmistelijat laativat ja hoitavat sen arviointien kyselyt.',
    sv: 'Bara kommunens beredare gör och sköter enkäterna för dess bedömningar.',
  },
  {
    en: 'The answer text id must be a UUID.',
    fi: 'Vastaustekstin tunnisteen pitää olla UUID.',
    sv: 'Svarstextens id måste vara ett UUID.',
  },
  { en: 'The survey id must be a UUID.', fi: 'Kyselyn tunnisteen pitää olla UUID.', sv: 'Enkätens id måste vara ett UUID.' },
  {
    en: 'Someone changed the survey meanwhile (version {current}, you had {yours}). Reload it.',
    fi: 'Joku muutti kyselyä sillä välin (versio {current}, sinulla oli {yours}). Lataa se uudelleen.',
    sv: 'Någon ändrade enkäten under tiden (version {current}, du hade {yours}). Ladda den på nytt.',
  },
  {
    en: 'The results are shown from {min} answers on; {count} so far.',
    fi: 'Tulokset näytetään, kun vastauksia on vähintään {min}; nyt niitä on {count}.',
    sv: 'Resultaten visas från {min} svar; hittills {count}.',
  },
  // Field problems
  {
    en: 'must be 1–40 letters, digits, - or _',
    fi: 'pitää olla 1–40 kirjainta, numeroa, - tai _',
    sv: 'måste vara 1–40 bokstäver, siffror, - eller _',
  },
  {
    en: 'must be 2–20 letters A–Z, digits or -',
    fi: 'pitää olla 2–20 kirjainta A–Z, numeroa tai -',
    sv: 'måste vara 2–20 bokstäver A–Z, siffror eller -',
  },
  { en: 'must be 3 or 5', fi: 'pitää olla 3 tai 5', sv: 'måste vara 3 eller 5' },
  { en: 'must be a UUID', fi: 'pitää olla UUID', sv: 'måste vara ett UUID' },
  { en: 'must be a date and time', fi: 'pitää olla päivämäärä ja kellonaika', sv: 'måste vara datum och klockslag' },
  { en: 'must be fi, sv or en', fi: 'pitää olla fi, sv tai en', sv: 'måste vara fi, sv eller en' },
  { en: 'must be an object', fi: 'pitää olla olio', sv: 'måste vara ett objekt' },
  { en: 'must be kept or hidden', fi: 'pitää olla kept tai hidden', sv: 'måste vara kept eller hidden' },
  { en: 'must have at least one question', fi: 'pitää sisältää vähintään yksi kysymys', sv: 'måste ha minst en fråga' },
  { en: 'must name at most 3 languages', fi: 'saa nimetä enintään 3 kieltä', sv: 'får ange högst 3 språk' },
  { en: 'must have at most {count} codes', fi: 'saa sisältää enintään {count} koodia', sv: 'får ha högst {count} koder' },
  { en: 'must have at most {count} options', fi: 'saa sisältää enintään {count} vaihtoehtoa', sv: 'får ha högst {count} alternativ' },
  { en: 'must have at most {count} questions', fi: 'saa sisältää enintään {count} kysymystä', sv: 'får ha högst {count} frågor' },
  {
    en: 'is required in each language of the survey',
    fi: 'on pakollinen jokaisella kyselyn kielellä',
    sv: 'är obligatoriskt på varje språk i enkäten',
  },
  { en: 'may ask the age band only once', fi: 'voi kysyä ikäryhmää vain kerran', sv: 'får fråga efter åldersgruppen bara en gång' },
  { en: 'must be after the opening', fi: 'pitää olla avaamisen jälkeen', sv: 'måste vara efter öppnandet' },
  { en: 'must have at least 2 options', fi: 'pitää sisältää vähintään 2 vaihtoehtoa', sv: 'måste ha minst 2 alternativ' },
  { en: 'names a code twice', fi: 'sisältää saman koodin kahdesti', sv: 'anger samma kod två gånger' },
  { en: 'names a language twice', fi: 'sisältää saman kielen kahdesti', sv: 'anger samma språk två gånger' },
  { en: 'repeats the id of another option', fi: 'toistaa toisen vaihtoehdon tunnisteen', sv: 'upprepar id:t för ett annat alternativ' },
  { en: 'repeats the id of another question', fi: 'toistaa toisen kysymyksen tunnisteen', sv: 'upprepar id:t för en annan fråga' },
];
