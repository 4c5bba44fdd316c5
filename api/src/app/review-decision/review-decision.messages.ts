import type { MessageTranslation } from '../common/messages/message-translation';

/** The review and decision features' API messages in Finnish and Swedish (see app/api-messages.ts). */
export const REVIEW_DECISION_MESSAGES: readonly MessageTranslation[] = [
  // --- Review ---
  {
    en: 'The review is internal to the municipality: only its officials, reviewers, the committee chair and admins see it.',
    fi: 'Tarkastus on kunnan sisäinen: sen näkevät vain kunnan valmistelijat, tarkastajat, lautakunnan puheenjohtaja ja pääkäyttäjät.',
    sv: 'Granskningen är intern för kommunen: bara dess beredare, granskare, nämndens ordförande och administratörer ser den.',
  },
  {
    en: 'userId: you prepared this assessment, so someone else must review it.',
    fi: 'userId: olet valmistellut tämän arvioinnin, joten jonkun muun on tarkastettava se.',
    sv: 'userId: du har berett den här bedömningen, så någon annan måste granska den.',
  },
  {
    en: 'userId: this person is not a reviewer in the assessment’s municipality.',
    fi: 'userId: tämä henkilö ei ole tarkastaja arvioinnin kunnassa.',
    sv: 'userId: den här personen är inte granskare i bedömningens kommun.',
  },
  {
    en: 'This person is not assigned to review this assessment.',
    fi: 'Tätä henkilöä ei ole pyydetty tarkastamaan tätä arviointia.',
    sv: 'Den här personen har inte ombetts granska den här bedömningen.',
  },
  {
    en: 'Reviewers are assigned while the assessment is in draft, consultation or review; it is in {stage}.',
    fi: 'Tarkastajat nimetään, kun arviointi on vaiheessa luonnos, lausuntokierros tai tarkastus; nyt se on vaiheessa ”{stage}”.',
    sv: 'Granskare utses medan bedömningen är i skedet utkast, remiss eller granskning; nu är den i skedet ”{stage}”.',
  },
  { en: 'No such review round.', fi: 'Tarkastuskierrosta ei löytynyt.', sv: 'Granskningsomgången hittades inte.' },
  {
    en: 'item: there is no checklist item "{item}"; the items are {items}.',
    fi: 'item: tarkistuslistalla ei ole kohtaa "{item}"; kohdat ovat {items}.',
    sv: 'item: checklistan har ingen punkt "{item}"; punkterna är {items}.',
  },
  {
    en: 'The checklist was changed (version {current}) while you had version {yours} open. Your change was not saved; look at the checklist again.',
    fi: 'Tarkistuslistaa muutettiin (versio {current}), kun sinulla oli auki versio {yours}. Muutostasi ei tallennettu; katso tarkistuslista uudelleen.',
    sv: 'Checklistan ändrades (version {current}) medan du hade version {yours} öppen. Din ändring sparades inte; titta på checklistan igen.',
  },
  { en: 'must be true or false', fi: 'pitää olla true tai false', sv: 'måste vara true eller false' },

  // --- Decision ---
  {
    en: 'must be 1–{max} characters long, e.g. § 42',
    fi: 'pituuden pitää olla 1–{max} merkkiä, esim. § 42',
    sv: 'måste vara 1–{max} tecken lång, t.ex. § 42',
  },
  {
    en: 'a decision is only given with record_decision, table or return_for_preparation.',
    fi: 'päätös annetaan vain toiminnoille record_decision, table ja return_for_preparation.',
    sv: 'ett beslut ges endast med record_decision, table eller return_for_preparation.',
  },
  {
    en: 'give the decision (meeting date, minutes section, outcome, decision text).',
    fi: 'anna päätöksen tiedot (kokouspäivä, pöytäkirjan pykälä, päätöksen sisältö, päätösteksti).',
    sv: 'ange beslutet (sammanträdesdatum, protokollparagraf, utfall, beslutstext).',
  },
  {
    en: 'give the decision (meeting date, minutes section).',
    fi: 'anna päätöksen tiedot (kokouspäivä, pöytäkirjan pykälä).',
    sv: 'ange beslutet (sammanträdesdatum, protokollparagraf).',
  },
  { en: 'choose the outcome: {outcomes}.', fi: 'valitse päätöksen sisältö: {outcomes}.', sv: 'välj utfall: {outcomes}.' },
  {
    en: '{action} records the outcome {outcomes}, not {outcome}.',
    fi: 'toiminto {action} kirjaa päätöksen sisällöksi {outcomes}, ei {outcome}.',
    sv: 'åtgärden {action} antecknar utfallet {outcomes}, inte {outcome}.',
  },
  {
    en: 'must be a real date like 2027-02-15.',
    fi: 'pitää olla oikea päivämäärä muodossa 2027-02-15.',
    sv: 'måste vara ett verkligt datum i formen 2027-02-15.',
  },
  {
    en: 'must be a real date like 2028-03-01.',
    fi: 'pitää olla oikea päivämäärä muodossa 2028-03-01.',
    sv: 'måste vara ett verkligt datum i formen 2028-03-01.',
  },
  {
    en: 'the meeting must already have been held (the date is in the future).',
    fi: 'kokouksen pitää olla jo pidetty (päivämäärä on tulevaisuudessa).',
    sv: 'sammanträdet måste redan ha hållits (datumet ligger i framtiden).',
  },
  { en: 'give the minutes section, e.g. § 42.', fi: 'anna pöytäkirjan pykälä, esim. § 42.', sv: 'ange protokollparagrafen, t.ex. § 42.' },
  {
    en: 'write the decision as it stands in the minutes.',
    fi: 'kirjoita päätös sellaisena kuin se on pöytäkirjassa.',
    sv: 'skriv beslutet så som det står i protokollet.',
  },
  {
    en: 'a follow-up date is set only when the decision is recorded.',
    fi: 'seurantapäivä asetetaan vain, kun päätös kirjataan.',
    sv: 'ett uppföljningsdatum anges endast när beslutet antecknas.',
  },
  { en: 'must be after the meeting date.', fi: 'pitää olla kokouspäivän jälkeen.', sv: 'måste vara efter sammanträdesdatumet.' },
  {
    en: 'set the follow-up date: when is it evaluated whether the decision worked for children?',
    fi: 'aseta seurantapäivä: milloin arvioidaan, toimiko päätös lasten kannalta?',
    sv: 'ange uppföljningsdatum: när utvärderas om beslutet fungerade för barnen?',
  },
];
