import { TRANSITIONS } from '@lava/workflow';
import type { MessageTranslation } from './message-translation';

/** Messages of the shared request handling: the error filter, validation, pagination, ids. */
export const COMMON_MESSAGES: readonly MessageTranslation[] = [
  {
    en: 'Please check the request.',
    fi: 'Tarkista pyyntö.',
    sv: 'Kontrollera begäran.',
  },

  // --- The error filter ---
  {
    en: 'A value has the wrong format (for example an id that is not a UUID).',
    fi: 'Jokin arvo on väärässä muodossa (esimerkiksi tunniste, joka ei ole UUID).',
    sv: 'Ett värde har fel format (till exempel ett id som inte är ett UUID).',
  },
  {
    en: 'A date or time has the wrong format.',
    fi: 'Päivämäärä tai kellonaika on väärässä muodossa.',
    sv: 'Ett datum eller en tid har fel format.',
  },
  {
    en: 'A date or time is out of range.',
    fi: 'Päivämäärä tai kellonaika on sallitun alueen ulkopuolella.',
    sv: 'Ett datum eller en tid ligger utanför det tillåtna intervallet.',
  },
  { en: 'A text value is too long.', fi: 'Jokin teksti on liian pitkä.', sv: 'Ett textvärde är för långt.' },
  { en: 'A required value is missing.', fi: 'Pakollinen arvo puuttuu.', sv: 'Ett obligatoriskt värde saknas.' },
  {
    en: 'The request refers to something that does not exist.',
    fi: 'Pyyntö viittaa johonkin, jota ei ole olemassa.',
    sv: 'Begäran hänvisar till något som inte finns.',
  },
  { en: 'This already exists.', fi: 'Tämä on jo olemassa.', sv: 'Det här finns redan.' },
  { en: 'A value is not allowed here.', fi: 'Jokin arvo ei ole tässä sallittu.', sv: 'Ett värde är inte tillåtet här.' },
  {
    en: 'Someone else changed this at the same time. Reload and try again.',
    fi: 'Joku muu muutti tätä samaan aikaan. Lataa sivu uudelleen ja yritä uudestaan.',
    sv: 'Någon annan ändrade det här samtidigt. Ladda om sidan och försök igen.',
  },
  {
    en: 'Someone else saved a newer version. Reload to see their changes.',
    fi: 'Joku muu tallensi uudemman version. Lataa sivu uudelleen, niin näet muutokset.',
    sv: 'Någon annan har sparat en nyare version. Ladda om sidan för att se ändringarna.',
  },
  { en: 'Not found.', fi: 'Ei löytynyt.', sv: 'Hittades inte.' },
  {
    en: 'The request is too large (at most 100 KB).',
    fi: 'Pyyntö on liian suuri (enintään 100 kt).',
    sv: 'Begäran är för stor (högst 100 kB).',
  },
  {
    en: 'The request body has an encoding this API does not take (send UTF-8 JSON).',
    fi: 'Pyynnön sisällön merkistöä ei tueta (lähetä UTF-8-muotoista JSONia).',
    sv: 'Begärans innehåll har en teckenkodning som inte stöds (skicka JSON i UTF-8).',
  },
  {
    en: 'The request body is not valid JSON.',
    fi: 'Pyynnön sisältö ei ole kelvollista JSONia.',
    sv: 'Begärans innehåll är inte giltig JSON.',
  },
  {
    en: 'Something went wrong on our side. Please try again.',
    fi: 'Jokin meni vikaan meidän päässämme. Yritä uudelleen.',
    sv: 'Något gick fel hos oss. Försök igen.',
  },
  // NestJS's own answers (an unknown address, a guard saying no).
  { en: 'Cannot {method} {path}', fi: 'Osoitetta {path} ei ole ({method}).', sv: 'Adressen {path} finns inte ({method}).' },
  { en: 'Forbidden resource', fi: 'Sinulla ei ole oikeutta tähän.', sv: 'Du har inte behörighet till det här.' },
  { en: 'Unauthorized', fi: 'Kirjaudu sisään.', sv: 'Logga in.' },

  // --- Ids, pages, cursors ---
  { en: 'The assessment id must be a UUID.', fi: 'Arvioinnin tunnisteen pitää olla UUID.', sv: 'Bedömningens id måste vara ett UUID.' },
  { en: 'The comment id must be a UUID.', fi: 'Kommentin tunnisteen pitää olla UUID.', sv: 'Kommentarens id måste vara ett UUID.' },
  { en: 'The consultation id must be a UUID.', fi: 'Lausuntopyynnön tunnisteen pitää olla UUID.', sv: 'Remissens id måste vara ett UUID.' },
  { en: 'The notification id must be a UUID.', fi: 'Ilmoituksen tunnisteen pitää olla UUID.', sv: 'Aviseringens id måste vara ett UUID.' },
  {
    en: 'The organization id must be a UUID.',
    fi: 'Organisaation tunnisteen pitää olla UUID.',
    sv: 'Organisationens id måste vara ett UUID.',
  },
  { en: 'The point id must be a UUID.', fi: 'Kohdan tunnisteen pitää olla UUID.', sv: 'Punktens id måste vara ett UUID.' },
  { en: 'The reviewer id must be a UUID.', fi: 'Tarkastajan tunnisteen pitää olla UUID.', sv: 'Granskarens id måste vara ett UUID.' },
  { en: 'The thread id must be a UUID.', fi: 'Keskustelun tunnisteen pitää olla UUID.', sv: 'Diskussionens id måste vara ett UUID.' },
  { en: 'The user id must be a UUID.', fi: 'Käyttäjän tunnisteen pitää olla UUID.', sv: 'Användarens id måste vara ett UUID.' },
  {
    en: 'The list position (cursor) is not valid. Start again from the first page.',
    fi: 'Listan kohta (cursor) ei kelpaa. Aloita uudelleen ensimmäiseltä sivulta.',
    sv: 'Positionen i listan (cursor) är inte giltig. Börja om från första sidan.',
  },
  {
    en: 'is not a cursor this API gave out',
    fi: 'ei ole tämän rajapinnan antama kohta',
    sv: 'är inte en position som det här API:t har gett',
  },
  { en: 'must be a whole number', fi: 'pitää olla kokonaisluku', sv: 'måste vara ett heltal' },
  { en: 'must be at least {min}', fi: 'pitää olla vähintään {min}', sv: 'måste vara minst {min}' },
  { en: 'must be at most {max}', fi: 'saa olla enintään {max}', sv: 'får vara högst {max}' },

  // --- Field problems many request bodies share ---
  { en: 'must be text', fi: 'pitää olla tekstiä', sv: 'måste vara text' },
  { en: 'must be one of {values}', fi: 'pitää olla jokin näistä: {values}', sv: 'måste vara något av följande: {values}' },
  {
    en: 'must be among {values}',
    fi: 'jokaisen arvon pitää olla jokin näistä: {values}',
    sv: 'varje värde måste vara något av följande: {values}',
  },
  { en: 'must be {min}–{max} characters long', fi: 'pituuden pitää olla {min}–{max} merkkiä', sv: 'måste vara {min}–{max} tecken lång' },
  { en: 'must be 1–{max} characters long', fi: 'pituuden pitää olla 1–{max} merkkiä', sv: 'måste vara 1–{max} tecken lång' },
  { en: 'must be at most {max} characters long', fi: 'saa olla enintään {max} merkkiä pitkä', sv: 'får vara högst {max} tecken lång' },
  { en: 'must be a date like 2027-02-15', fi: 'pitää olla päivämäärä muodossa 2027-02-15', sv: 'måste vara ett datum i formen 2027-02-15' },
  { en: 'must be the version number you loaded', fi: 'pitää olla lataamasi versionumero', sv: 'måste vara det versionsnummer du läste in' },
  { en: 'must be an e-mail address', fi: 'pitää olla sähköpostiosoite', sv: 'måste vara en e-postadress' },

  // --- Input no request may carry (common/input-safety.ts) ---
  {
    en: 'must not contain the NUL character (U+0000)',
    fi: 'ei saa sisältää NUL-merkkiä (U+0000)',
    sv: 'får inte innehålla NUL-tecknet (U+0000)',
  },
  {
    en: 'contains a broken character (a lone UTF-16 surrogate)',
    fi: 'sisältää rikkinäisen merkin (yksinäinen UTF-16-korvausmerkki)',
    sv: 'innehåller ett trasigt tecken (ett ensamt UTF-16-surrogat)',
  },
  { en: 'is not allowed as a field name', fi: 'ei kelpaa kentän nimeksi', sv: 'är inte tillåtet som fältnamn' },
  {
    en: 'is nested too deeply (at most {max} levels)',
    fi: 'on sisäkkäin liian monta tasoa (enintään {max})',
    sv: 'är nästlat i för många nivåer (högst {max})',
  },
  { en: 'must be a number', fi: 'pitää olla luku', sv: 'måste vara ett tal' },
  {
    en: 'The address contains characters that are not allowed.',
    fi: 'Osoitteessa on merkkejä, jotka eivät ole sallittuja.',
    sv: 'Adressen innehåller tecken som inte är tillåtna.',
  },
  { en: 'must be the id of a person', fi: 'pitää olla henkilön tunniste', sv: 'måste vara ett id för en person' },

  // --- class-validator's own messages (decorators without a message of ours, and unknown fields) ---
  { en: 'property {property} should not exist', fi: 'kenttää {property} ei tunneta', sv: 'fältet {property} är okänt' },
  {
    en: 'an unknown value was passed to the validate function',
    fi: 'pyynnössä on tuntematon arvo',
    sv: 'begäran innehåller ett okänt värde',
  },
  { en: '{property} must be a string', fi: 'kentän {property} pitää olla tekstiä', sv: 'fältet {property} måste vara text' },
  {
    en: 'each value in {property} must be a string',
    fi: 'jokaisen kentän {property} arvon pitää olla tekstiä',
    sv: 'varje värde i fältet {property} måste vara text',
  },
  { en: '{property} must be a UUID', fi: 'kentän {property} pitää olla UUID', sv: 'fältet {property} måste vara ett UUID' },
  {
    en: 'each value in {property} must be a UUID',
    fi: 'jokaisen kentän {property} arvon pitää olla UUID',
    sv: 'varje värde i fältet {property} måste vara ett UUID',
  },
  {
    en: '{property} must be an integer number',
    fi: 'kentän {property} pitää olla kokonaisluku',
    sv: 'fältet {property} måste vara ett heltal',
  },
  {
    en: 'each value in {property} must be an integer number',
    fi: 'jokaisen kentän {property} arvon pitää olla kokonaisluku',
    sv: 'varje värde i fältet {property} måste vara ett heltal',
  },
  {
    en: '{property} must be a number conforming to the specified constraints',
    fi: 'kentän {property} pitää olla luku',
    sv: 'fältet {property} måste vara ett tal',
  },
  {
    en: '{property} must be a boolean value',
    fi: 'kentän {property} pitää olla true tai false',
    sv: 'fältet {property} måste vara true eller false',
  },
  {
    en: '{property} must be a valid ISO 8601 date string',
    fi: 'kentän {property} pitää olla päivämäärä ISO 8601 -muodossa, esimerkiksi 2027-02-15',
    sv: 'fältet {property} måste vara ett datum i ISO 8601-format, till exempel 2027-02-15',
  },
  {
    en: '{property} must be one of the following values: {values}',
    fi: 'kentän {property} pitää olla jokin näistä: {values}',
    sv: 'fältet {property} måste vara något av följande: {values}',
  },
  {
    en: 'each value in {property} must be one of the following values: {values}',
    fi: 'jokaisen kentän {property} arvon pitää olla jokin näistä: {values}',
    sv: 'varje värde i fältet {property} måste vara något av följande: {values}',
  },
  { en: '{property} must be an array', fi: 'kentän {property} pitää olla luettelo', sv: 'fältet {property} måste vara en lista' },
  { en: '{property} must be an object', fi: 'kentän {property} pitää olla objekti', sv: 'fältet {property} måste vara ett objekt' },
  {
    en: 'nested property {property} must be either object or array',
    fi: 'kentän {property} pitää olla objekti tai luettelo',
    sv: 'fältet {property} måste vara ett objekt eller en lista',
  },
  {
    en: 'each value in nested property {property} must be either object or array',
    fi: 'jokaisen kentän {property} arvon pitää olla objekti tai luettelo',
    sv: 'varje värde i fältet {property} måste vara ett objekt eller en lista',
  },
  // Fields named like a stage: the field name stays as it is (the stage words would translate it).
  {
    en: 'nested property screening must be either object or array',
    fi: 'kentän screening pitää olla objekti tai luettelo',
    sv: 'fältet screening måste vara ett objekt eller en lista',
  },
  {
    en: 'nested property decision must be either object or array',
    fi: 'kentän decision pitää olla objekti tai luettelo',
    sv: 'fältet decision måste vara ett objekt eller en lista',
  },
  {
    en: '{property} must contain no more than {max} elements',
    fi: 'kentässä {property} saa olla enintään {max} kohtaa',
    sv: 'fältet {property} får innehålla högst {max} element',
  },
  {
    en: '{property} must contain at least {min} elements',
    fi: 'kentässä {property} pitää olla vähintään {min} kohtaa',
    sv: 'fältet {property} måste innehålla minst {min} element',
  },
  {
    en: "All {property}'s elements must be unique",
    fi: 'kentän {property} arvot eivät saa toistua',
    sv: 'värdena i fältet {property} får inte upprepas',
  },
  {
    en: '{property} must be shorter than or equal to {max} characters',
    fi: 'kenttä {property} saa olla enintään {max} merkkiä pitkä',
    sv: 'fältet {property} får vara högst {max} tecken långt',
  },
  {
    en: '{property} must be longer than or equal to {min} characters',
    fi: 'kentän {property} pitää olla vähintään {min} merkkiä pitkä',
    sv: 'fältet {property} måste vara minst {min} tecken långt',
  },
  {
    en: '{property} must be longer than or equal to {min} and shorter than or equal to {max} characters',
    fi: 'kentän {property} pituuden pitää olla {min}–{max} merkkiä',
    sv: 'fältet {property} måste vara {min}–{max} tecken långt',
  },
  {
    en: '{property} must not be less than {min}',
    fi: 'kentän {property} pitää olla vähintään {min}',
    sv: 'fältet {property} måste vara minst {min}',
  },
  {
    en: '{property} must not be greater than {max}',
    fi: 'kenttä {property} saa olla enintään {max}',
    sv: 'fältet {property} får vara högst {max}',
  },
  { en: '{property} should not be empty', fi: 'kenttä {property} ei saa olla tyhjä', sv: 'fältet {property} får inte vara tomt' },
  {
    en: '{property} should not be null or undefined',
    fi: 'kenttä {property} puuttuu',
    sv: 'fältet {property} saknas',
  },
  {
    en: '{property} must be an email',
    fi: 'kentän {property} pitää olla sähköpostiosoite',
    sv: 'fältet {property} måste vara en e-postadress',
  },
];

/** The stages as refusals and other messages write them (`follow_up` reads "follow-up"). */
const STAGE_WORDS: readonly MessageTranslation[] = [
  { en: 'screening', fi: 'esiarviointi', sv: 'förhandsbedömning' },
  { en: 'draft', fi: 'luonnos', sv: 'utkast' },
  { en: 'consultation', fi: 'lausuntokierros', sv: 'remiss' },
  { en: 'review', fi: 'tarkastus', sv: 'granskning' },
  { en: 'decision', fi: 'päätöksenteko', sv: 'beslutsfattande' },
  { en: 'decided', fi: 'päätetty', sv: 'beslutad' },
  { en: 'follow-up', fi: 'seuranta', sv: 'uppföljning' },
  { en: 'closed', fi: 'suljettu', sv: 'avslutad' },
];

/** The roles as workflow refusals name them ("Only {roles} may do this."), by role code. */
const ROLE_PHRASES = {
  official: { en: 'the preparing official', fi: 'valmistelija', sv: 'beredaren' },
  reviewer: { en: 'a reviewer', fi: 'tarkastaja', sv: 'en granskare' },
  committee_chair: { en: 'the committee chair', fi: 'lautakunnan puheenjohtaja', sv: 'nämndens ordförande' },
  youth_council_member: { en: 'a youth council member', fi: 'nuorisovaltuutettu', sv: 'en ledamot i ungdomsfullmäktige' },
  admin: { en: 'an administrator', fi: 'pääkäyttäjä', sv: 'en administratör' },
  regional_coordinator: { en: 'the regional coordinator', fi: 'LAPE-koordinaattori', sv: 'LAPE-koordinatorn' },
} as const satisfies Record<string, MessageTranslation>;

/**
 * Several roles are joined with "or" into one phrase. Every combination a transition allows is a
 * word of its own, so a transition allowing two roles reads as well as one allowing one.
 */
const ROLE_COMBINATIONS: readonly MessageTranslation[] = [
  ...new Map(
    TRANSITIONS.filter((t) => t.roles.length > 1).map((t) => {
      const phrases = t.roles.map((role) => ROLE_PHRASES[role]);
      const join = (language: keyof MessageTranslation, or: string) => phrases.map((p) => p[language]).join(or);
      return [t.roles.join(), { en: join('en', ' or '), fi: join('fi', ' tai '), sv: join('sv', ' eller ') }] as const;
    }),
  ).values(),
];

/** Role codes where a message names a role by its code (admin's role checks). */
const ROLE_CODE_WORDS: readonly MessageTranslation[] = [
  { en: 'official', fi: 'valmistelija', sv: 'beredare' },
  { en: 'reviewer', fi: 'tarkastaja', sv: 'granskare' },
  { en: 'committee_chair', fi: 'lautakunnan puheenjohtaja', sv: 'nämndens ordförande' },
  { en: 'youth_council_member', fi: 'nuorisovaltuutettu', sv: 'ledamot i ungdomsfullmäktige' },
  { en: 'admin', fi: 'pääkäyttäjä', sv: 'administratör' },
  { en: 'regional_coordinator', fi: 'LAPE-koordinaattori', sv: 'LAPE-koordinator' },
];

/** Kinds of organization as messages write them (`youth_council` reads "youth council"). */
const ORGANIZATION_KIND_WORDS: readonly MessageTranslation[] = [
  { en: 'region', fi: 'maakunta', sv: 'landskap' },
  { en: 'municipality', fi: 'kunta', sv: 'kommun' },
  { en: 'wellbeing county', fi: 'hyvinvointialue', sv: 'välfärdsområde' },
  { en: 'wellbeing services county', fi: 'hyvinvointialue', sv: 'välfärdsområde' },
  { en: 'committee', fi: 'lautakunta', sv: 'nämnd' },
  { en: 'youth council', fi: 'nuorisovaltuusto', sv: 'ungdomsfullmäktige' },
  { en: 'heard body', fi: 'kuultava taho', sv: 'hört organ' },
  { en: '(none)', fi: '(ei mitään)', sv: '(inget)' },
];

/**
 * Words the code puts into sentences (stage and role names and the like), translated when they
 * fill a `{placeholder}` of a catalogued message.
 */
export const COMMON_WORDS: readonly MessageTranslation[] = [
  ...STAGE_WORDS,
  ...Object.values(ROLE_PHRASES),
  ...ROLE_COMBINATIONS,
  ...ROLE_CODE_WORDS,
  ...ORGANIZATION_KIND_WORDS,
  // The languages of a plain-language summary ("Write the plain-language summary in {languages} too").
  { en: 'Finnish', fi: 'suomeksi', sv: 'finska' },
  { en: 'Swedish', fi: 'ruotsiksi', sv: 'svenska' },
  { en: 'Finnish and Swedish', fi: 'suomeksi ja ruotsiksi', sv: 'finska och svenska' },
  // "Someone saved a newer version" when the names of those who did are not known.
  { en: 'Someone', fi: 'Joku', sv: 'Någon' },
];
