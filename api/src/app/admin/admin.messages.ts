import type { MessageTranslation } from '../common/messages/message-translation';

/** The admin feature's API messages in Finnish and Swedish (see app/api-messages.ts). */
export const ADMIN_MESSAGES: readonly MessageTranslation[] = [
  { en: 'This is for administrators.', fi: 'Tämä on vain pääkäyttäjille.', sv: 'Det här är endast för administratörer.' },

  // --- Organizations ---
  {
    en: 'This municipality already has its youth council.',
    fi: 'Tällä kunnalla on jo nuorisovaltuusto.',
    sv: 'Den här kommunen har redan ett ungdomsfullmäktige.',
  },
  { en: 'No such organization.', fi: 'Organisaatiota ei löytynyt.', sv: 'Organisationen hittades inte.' },
  {
    en: 'No such organization among yours.',
    fi: 'Organisaatiota ei löytynyt organisaatioistasi.',
    sv: 'Organisationen finns inte bland dina organisationer.',
  },
  {
    // The kinds are words of the vocabulary (COMMON_WORDS).
    en: 'A {kind} cannot be added under a {parent}.',
    fi: 'Organisaatiota, jonka tyyppi on {kind}, ei voi lisätä sellaisen organisaation alle, jonka tyyppi on {parent}.',
    sv: 'En organisation av typen {kind} kan inte läggas till under en organisation av typen {parent}.',
  },
  { en: 'must be one of {kinds} here', fi: 'pitää tässä olla jokin näistä: {kinds}', sv: 'måste här vara något av följande: {kinds}' },
  {
    en: 'must be the id of one of your organizations',
    fi: 'pitää olla jonkin organisaatiosi tunniste',
    sv: 'måste vara id:t för en av dina organisationer',
  },

  { en: 'must be a municipality', fi: 'pitää olla kunta', sv: 'måste vara en kommun' },
  { en: 'must be a list of languages', fi: 'pitää olla luettelo kielistä', sv: 'måste vara en lista med språk' },
  { en: 'must name at least one language', fi: 'pitää sisältää vähintään yksi kieli', sv: 'måste ange minst ett språk' },
  { en: 'must name each language once', fi: 'kukin kieli saa olla mukana vain kerran', sv: 'måste ange varje språk bara en gång' },

  // --- People and their roles ---
  { en: 'No such user.', fi: 'Käyttäjää ei löytynyt.', sv: 'Användaren hittades inte.' },
  {
    en: 'You cannot deactivate your own account.',
    fi: 'Et voi poistaa omaa tiliäsi käytöstä.',
    sv: 'Du kan inte inaktivera ditt eget konto.',
  },
  {
    en: 'You cannot remove your own admin role; ask another admin.',
    fi: 'Et voi poistaa omaa pääkäyttäjän rooliasi; pyydä sitä toiselta pääkäyttäjältä.',
    sv: 'Du kan inte ta bort din egen administratörsroll; be en annan administratör.',
  },
  {
    en: 'This person also has roles in organizations you do not administer. An administrator of those organizations can reactivate them.',
    fi: 'Henkilöllä on rooleja myös organisaatioissa, joiden pääkäyttäjä et ole. Niiden pääkäyttäjä voi ottaa tilin uudelleen käyttöön.',
    sv: 'Personen har roller också i organisationer som du inte administrerar. En administratör för dem kan återaktivera kontot.',
  },
  { en: 'must be the id of an organization', fi: 'pitää olla organisaation tunniste', sv: 'måste vara ett id för en organisation' },
  {
    en: 'must be one of {offices}, or null for a plain member',
    fi: 'pitää olla jokin näistä: {offices}, tai null, jos henkilö on tavallinen jäsen',
    sv: 'måste vara något av följande: {offices}, eller null för en vanlig ledamot',
  },
  // The summary stays as it is: it is made of the field problems below (see the report on "Please check the roles.").
  { en: 'Please check the roles. {summary}', fi: 'Tarkista roolit. {summary}', sv: 'Kontrollera rollerna. {summary}' },
  { en: 'is not one of your organizations', fi: 'ei kuulu organisaatioihisi', sv: 'hör inte till dina organisationer' },
  {
    // The role code and the kind are words of the vocabulary (COMMON_WORDS).
    en: '{role} is not a role in a {kind}',
    fi: 'roolia {role} ei ole organisaatiossa, jonka tyyppi on {kind}',
    sv: 'rollen {role} finns inte i en organisation av typen {kind}',
  },
  {
    en: 'only a youth council member can be the council’s chair or secretary',
    fi: 'vain nuorisovaltuutettu voi olla valtuuston puheenjohtaja tai sihteeri',
    sv: 'endast en ledamot i ungdomsfullmäktige kan vara dess ordförande eller sekreterare',
  },
  // Sign-in domains (admin-organizations.controller.ts).
  {
    en: 'Youth council members never sign in through the organization’s identity provider: a youth council has no sign-in domains.',
    fi: 'Nuorisovaltuutetut eivät kirjaudu organisaation tunnistuspalvelun kautta, joten nuorisovaltuustolla ei ole kirjautumisen verkkotunnuksia.',
    sv: 'Ungdomsfullmäktiges ledamöter loggar aldrig in via organisationens identitetstjänst, så ett ungdomsfullmäktige har inga inloggningsdomäner.',
  },
  { en: 'cannot be set for a youth council', fi: 'ei voi asettaa nuorisovaltuustolle', sv: 'kan inte anges för ett ungdomsfullmäktige' },
  { en: 'must be a list of domain names', fi: 'pitää olla luettelo verkkotunnuksista', sv: 'måste vara en lista med domännamn' },
  { en: 'must name at most {n} domains', fi: 'saa sisältää enintään {n} verkkotunnusta', sv: 'får innehålla högst {n} domäner' },
  {
    en: 'must hold only domain names such as kotka.fi (no @, spaces or addresses)',
    fi: 'saa sisältää vain verkkotunnuksia, kuten kotka.fi (ei @-merkkiä, välilyöntejä tai osoitteita)',
    sv: 'får bara innehålla domännamn som kotka.fi (inga @, mellanslag eller adresser)',
  },
  // --- Wellbeing indicator set ---
  {
    // The kind is a word of the vocabulary (COMMON_WORDS).
    en: 'Only a municipality or a wellbeing services county chooses a wellbeing indicator set, not a {kind}.',
    fi: 'Hyvinvoinnin indikaattorit valitsee vain kunta tai hyvinvointialue, ei organisaatio, jonka tyyppi on {kind}.',
    sv: 'Endast en kommun eller ett välfärdsområde väljer välfärdsindikatorer, inte en organisation av typen {kind}.',
  },
  { en: 'must be a list of names', fi: 'pitää olla luettelo nimistä', sv: 'måste vara en lista med namn' },
  {
    en: 'each name must be 1–200 characters long',
    fi: 'jokaisen nimen pitää olla 1–200 merkkiä pitkä',
    sv: 'varje namn måste vara 1–200 tecken långt',
  },
  {
    en: 'An own indicator set needs at least one indicator.',
    fi: 'Omassa indikaattoriluettelossa pitää olla vähintään yksi indikaattori.',
    sv: 'En egen indikatorlista behöver minst en indikator.',
  },
  {
    en: 'An indicator is named twice: {names}.',
    fi: 'Sama indikaattori on luettelossa kahdesti: {names}.',
    sv: 'Samma indikator finns två gånger i listan: {names}.',
  },
];
