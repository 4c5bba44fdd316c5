// Over 400 lines because it is the PDF's word table in three languages side by side (the section and outcome
// words come from mail/display-values.ts); splitting it per language would only scatter one table.
import type {
  AgeGroup,
  DecisionOutcome,
  Disposition,
  ImpactDirection,
  ImpactDirectness,
  ImpactKind,
  ImpactTerm,
  Language,
  RecordSection,
  ReviewChecklistItem,
  ViewMethod,
  VulnerableGroup,
  DefaultAlternative,
} from '@lava/contracts';
import type { Stage } from '@lava/workflow';
import { STAGE_NAMES } from '../../app/common/stage-names';
import { OUTCOME_NAMES, SECTION_NAMES } from '../mail/display-values';

/** `hyväksytty` → `Hyväksytty`: the e-mails' words within a sentence, as the PDF's table cells. */
function capitalized<K extends string>(words: Record<K, string>): Record<K, string> {
  return Object.fromEntries(Object.entries<string>(words).map(([k, w]) => [k, w.charAt(0).toUpperCase() + w.slice(1)])) as Record<
    K,
    string
  >;
}

/** The words of the agenda PDF in one language (the record's own text is printed as written). */
export interface AgendaTexts {
  /** BCP 47 tag for the PDF's /Lang. */
  lang: string;
  documentTitle: string;
  draft: string;
  page: (n: number, of: number) => string;
  caseNumber: string;
  stage: string;
  municipality: string;
  committee: string;
  plannedMeeting: string;
  responsibleOfficial: string;
  notGiven: string;
  yes: string;
  no: string;
  /** The record's sections as the record page (and the e-mails) name them, and the PDF's own. */
  sections: Record<RecordSection, string> & {
    summary: string;
    statements: string;
    review: string;
    decision: string;
    verification: string;
  };
  fields: {
    affectsChildren: string;
    impactKind: string;
    ageGroups: string;
    rationale: string;
    signedBy: string;
    childrenAffected: string;
    vulnerableGroups: string;
    group: string;
    note: string;
    uncrcArticles: string;
    nationalLaw: string;
    welfarePlan: string;
    alternative: string;
    description: string;
    source: string;
    date: string;
    finding: string;
    evidenceGaps: string;
    methods: string;
    howGathered: string;
    whatTheySaid: string;
    article: string;
    direction: string;
    directness: string;
    term: string;
    bestInterests: string;
    indicator: string;
    owner: string;
    dueDate: string;
    adopted: string;
    submitted: string;
    point: string;
    answer: string;
    reason: string;
    reviewRound: string;
    reviewOutcome: string;
    reviewEnded: string;
    checklistDone: string;
    outcome: string;
    meetingDate: string;
    minutesSection: string;
    decisionText: string;
    followUpDate: string;
    decisionSignedBy: string;
    signatureHash: string;
    verifyAt: string;
    noStatements: string;
    noReview: string;
    noDecision: string;
    unanswered: string;
    round: string;
  };
  stages: Record<Stage, string>;
  impactKinds: Record<ImpactKind, string>;
  ageGroups: Record<AgeGroup, string>;
  vulnerable: Record<VulnerableGroup, string>;
  allChildren: string;
  /** A judgement nobody has chosen yet (the record keeps it empty). */
  notStated: string;
  defaultAlternatives: Record<DefaultAlternative, string>;
  /** Label of the reason no children's views were heard. */
  notHeardReason: string;
  methods: Record<ViewMethod, string>;
  directions: Record<ImpactDirection, string>;
  directness: Record<ImpactDirectness, string>;
  terms: Record<ImpactTerm, string>;
  dispositions: Record<Disposition, string>;
  outcomes: Record<DecisionOutcome, string>;
  reviewOutcomes: Record<'approved' | 'returned', string>;
  checklist: Record<ReviewChecklistItem, string>;
}

const AGE: Record<Language, Record<AgeGroup, string>> = {
  fi: { '0-6': '0–6-vuotiaat', '7-12': '7–12-vuotiaat', '13-17': '13–17-vuotiaat', '18-20': '18–20-vuotiaat' },
  sv: { '0-6': '0–6 år', '7-12': '7–12 år', '13-17': '13–17 år', '18-20': '18–20 år' },
  en: { '0-6': 'aged 0–6', '7-12': 'aged 7–12', '13-17': 'aged 13–17', '18-20': 'aged 18–20' },
};

export const AGENDA_TEXTS: Record<Language, AgendaTexts> = {
  fi: {
    lang: 'fi-FI',
    documentTitle: 'Lapsivaikutusten arviointi',
    draft: 'LUONNOS',
    page: (n, of) => `Sivu ${n}/${of}`,
    caseNumber: 'Diaarinumero',
    stage: 'Vaihe',
    municipality: 'Kunta',
    committee: 'Lautakunta',
    plannedMeeting: 'Kokous (suunniteltu)',
    responsibleOfficial: 'Valmistelija',
    notGiven: '–',
    yes: 'Kyllä',
    no: 'Ei',
    sections: {
      ...SECTION_NAMES.fi,
      summary: SECTION_NAMES.fi.plainLanguageSummary,
      statements: 'Lausunnot ja vastineet',
      review: 'Tarkastus',
      decision: 'Päätös',
      verification: 'Allekirjoituksen tarkistaminen',
    },
    fields: {
      affectsChildren: 'Vaikuttaako asia lapsiin',
      impactKind: 'Vaikutuksen laatu',
      ageGroups: 'Ikäryhmät',
      rationale: 'Perustelu',
      signedBy: 'Allekirjoittanut',
      childrenAffected: 'Lapset ja nuoret, joihin asia vaikuttaa',
      vulnerableGroups: 'Haavoittuvassa asemassa olevat ryhmät',
      group: 'Ryhmä',
      note: 'Huomio',
      uncrcArticles: 'Lapsen oikeuksien sopimuksen artiklat',
      nationalLaw: 'Kansallinen lainsäädäntö',
      welfarePlan: 'Lasten ja nuorten hyvinvointisuunnitelma',
      alternative: 'Vaihtoehto',
      description: 'Kuvaus',
      source: 'Lähde',
      date: 'Päivämäärä',
      finding: 'Havainto',
      evidenceGaps: 'Tiedon puutteet',
      methods: 'Miten näkemykset kerättiin',
      howGathered: 'Kuulemisen kuvaus',
      whatTheySaid: 'Mitä lapset ja nuoret sanoivat',
      article: 'Artikla',
      direction: 'Suunta',
      directness: 'Suora vai välillinen',
      term: 'Aikaväli',
      bestInterests: 'Lapsen etu',
      indicator: 'Mittari',
      owner: 'Vastuuhenkilö',
      dueDate: 'Ajankohta',
      adopted: 'Hyväksytty kokouksessa',
      submitted: 'Jätetty',
      point: 'Kohta',
      answer: 'Vastine',
      reason: 'Perustelu',
      reviewRound: 'Tarkastuskierros',
      reviewOutcome: 'Tulos',
      reviewEnded: 'Päättyi',
      checklistDone: 'Tarkistetut kohdat',
      outcome: 'Päätös',
      meetingDate: 'Kokouspäivä',
      minutesSection: 'Pykälä',
      decisionText: 'Päätösteksti',
      followUpDate: 'Seurantapäivä',
      decisionSignedBy: 'Allekirjoittanut',
      signatureHash: 'Allekirjoituksen tiiviste (SHA-256)',
      verifyAt: 'Tarkista osoitteessa',
      noStatements: 'Lausuntoja ei ole jätetty.',
      noReview: 'Tarkastusta ei ole vielä tehty.',
      noDecision: 'Päätöstä ei ole vielä tehty.',
      unanswered: 'Ei vielä vastinetta',
      round: 'kierros',
    },
    stages: STAGE_NAMES.fi,
    impactKinds: { direct: 'Suora', indirect: 'Välillinen', both: 'Suora ja välillinen' },
    ageGroups: AGE.fi,
    vulnerable: {
      disabled_children: 'Vammaiset lapset',
      children_in_care: 'Sijoitetut lapset',
      low_income_families: 'Pienituloiset perheet',
      migrant_background: 'Maahanmuuttajataustaiset lapset',
      minority_languages: 'Vähemmistökieliä puhuvat lapset',
      rural_areas: 'Haja-asutusalueiden lapset',
    },
    allChildren: 'Kaikki lapset',
    notStated: 'Ei arvioitu',
    defaultAlternatives: { proposal: 'Ehdotus', no_change: 'Ei muutosta' },
    notHeardReason: 'Miksi lasten näkemyksiä ei kuultu',
    methods: {
      youth_council_statement: 'Nuorisovaltuuston lausunto',
      school_survey: 'Koulukysely',
      workshop: 'Työpaja',
      other: 'Muu tapa',
    },
    directions: { positive: 'Myönteinen', negative: 'Kielteinen', neutral: 'Neutraali', unknown: 'Ei tiedossa' },
    directness: { direct: 'Suora', indirect: 'Välillinen' },
    terms: { short: 'Lyhyt aikaväli', long: 'Pitkä aikaväli' },
    dispositions: {
      accepted: 'Hyväksytty',
      partly_accepted: 'Osittain hyväksytty',
      not_accepted: 'Ei hyväksytty',
      out_of_scope: 'Ei kuulu asiaan',
    },
    outcomes: capitalized(OUTCOME_NAMES.fi),
    reviewOutcomes: { approved: 'Hyväksytty', returned: 'Palautettu valmistelijalle' },
    checklist: {
      childrens_views_gathered: 'Lasten näkemykset on kuultu',
      vulnerable_groups_covered: 'Haavoittuvassa asemassa olevat ryhmät on huomioitu',
      evidence_gaps_stated: 'Tiedon puutteet on kerrottu',
      plain_language_summary_clear: 'Selkokielinen tiivistelmä on selkeä',
      every_statement_point_answered: 'Jokaiseen lausunnon kohtaan on vastattu',
    },
  },
  sv: {
    lang: 'sv-FI',
    documentTitle: 'Bedömning av konsekvenser för barn',
    draft: 'UTKAST',
    page: (n, of) => `Sida ${n} av ${of}`,
    caseNumber: 'Diarienummer',
    stage: 'Skede',
    municipality: 'Kommun',
    committee: 'Nämnd',
    plannedMeeting: 'Möte (planerat)',
    responsibleOfficial: 'Beredare',
    notGiven: '–',
    yes: 'Ja',
    no: 'Nej',
    sections: {
      ...SECTION_NAMES.sv,
      summary: SECTION_NAMES.sv.plainLanguageSummary,
      statements: 'Utlåtanden och bemötanden',
      review: 'Granskning',
      decision: 'Beslut',
      verification: 'Kontroll av underskriften',
    },
    fields: {
      affectsChildren: 'Berör ärendet barn',
      impactKind: 'Typ av konsekvens',
      ageGroups: 'Åldersgrupper',
      rationale: 'Motivering',
      signedBy: 'Undertecknad av',
      childrenAffected: 'Barn och unga som berörs',
      vulnerableGroups: 'Sårbara grupper',
      group: 'Grupp',
      note: 'Anmärkning',
      uncrcArticles: 'Artiklar i barnkonventionen',
      nationalLaw: 'Nationell lagstiftning',
      welfarePlan: 'Välfärdsplanen för barn och unga',
      alternative: 'Alternativ',
      description: 'Beskrivning',
      source: 'Källa',
      date: 'Datum',
      finding: 'Iakttagelse',
      evidenceGaps: 'Luckor i kunskapen',
      methods: 'Hur synpunkterna samlades in',
      howGathered: 'Beskrivning av hörandet',
      whatTheySaid: 'Vad barnen och de unga sade',
      article: 'Artikel',
      direction: 'Riktning',
      directness: 'Direkt eller indirekt',
      term: 'Tidsperspektiv',
      bestInterests: 'Barnets bästa',
      indicator: 'Indikator',
      owner: 'Ansvarig',
      dueDate: 'Tidpunkt',
      adopted: 'Antaget vid mötet',
      submitted: 'Inlämnat',
      point: 'Punkt',
      answer: 'Bemötande',
      reason: 'Motivering',
      reviewRound: 'Granskningsomgång',
      reviewOutcome: 'Resultat',
      reviewEnded: 'Avslutad',
      checklistDone: 'Kontrollerade punkter',
      outcome: 'Beslut',
      meetingDate: 'Mötesdatum',
      minutesSection: 'Paragraf',
      decisionText: 'Beslutstext',
      followUpDate: 'Uppföljningsdatum',
      decisionSignedBy: 'Undertecknad av',
      signatureHash: 'Underskriftens hashvärde (SHA-256)',
      verifyAt: 'Kontrollera på adressen',
      noStatements: 'Inga utlåtanden har lämnats.',
      noReview: 'Ingen granskning har gjorts ännu.',
      noDecision: 'Inget beslut har fattats ännu.',
      unanswered: 'Inget bemötande ännu',
      round: 'omgång',
    },
    stages: STAGE_NAMES.sv,
    impactKinds: { direct: 'Direkt', indirect: 'Indirekt', both: 'Direkt och indirekt' },
    ageGroups: AGE.sv,
    vulnerable: {
      disabled_children: 'Barn med funktionsnedsättning',
      children_in_care: 'Placerade barn',
      low_income_families: 'Låginkomstfamiljer',
      migrant_background: 'Barn med invandrarbakgrund',
      minority_languages: 'Barn som talar minoritetsspråk',
      rural_areas: 'Barn i glesbygd',
    },
    allChildren: 'Alla barn',
    notStated: 'Inte bedömt',
    defaultAlternatives: { proposal: 'Förslaget', no_change: 'Ingen ändring' },
    notHeardReason: 'Varför barnens synpunkter inte hördes',
    methods: {
      youth_council_statement: 'Ungdomsfullmäktiges utlåtande',
      school_survey: 'Skolenkät',
      workshop: 'Workshop',
      other: 'Annat sätt',
    },
    directions: { positive: 'Positiv', negative: 'Negativ', neutral: 'Neutral', unknown: 'Okänd' },
    directness: { direct: 'Direkt', indirect: 'Indirekt' },
    terms: { short: 'Kort sikt', long: 'Lång sikt' },
    dispositions: {
      accepted: 'Godtagen',
      partly_accepted: 'Delvis godtagen',
      not_accepted: 'Inte godtagen',
      out_of_scope: 'Hör inte till ärendet',
    },
    outcomes: capitalized(OUTCOME_NAMES.sv),
    reviewOutcomes: { approved: 'Godkänd', returned: 'Returnerad till beredaren' },
    checklist: {
      childrens_views_gathered: 'Barnens synpunkter har inhämtats',
      vulnerable_groups_covered: 'Sårbara grupper har beaktats',
      evidence_gaps_stated: 'Luckorna i kunskapen har angetts',
      plain_language_summary_clear: 'Den lättlästa sammanfattningen är tydlig',
      every_statement_point_answered: 'Varje punkt i utlåtandena har bemötts',
    },
  },
  en: {
    lang: 'en-GB',
    documentTitle: 'Child impact assessment',
    draft: 'DRAFT',
    page: (n, of) => `Page ${n} of ${of}`,
    caseNumber: 'Case number',
    stage: 'Stage',
    municipality: 'Municipality',
    committee: 'Committee',
    plannedMeeting: 'Meeting (planned)',
    responsibleOfficial: 'Responsible official',
    notGiven: '–',
    yes: 'Yes',
    no: 'No',
    sections: {
      ...SECTION_NAMES.en,
      summary: SECTION_NAMES.en.plainLanguageSummary,
      statements: 'Statements and answers',
      review: 'Review',
      decision: 'Decision',
      verification: 'Verifying the signature',
    },
    fields: {
      affectsChildren: 'Does the matter affect children',
      impactKind: 'Kind of impact',
      ageGroups: 'Age groups',
      rationale: 'Rationale',
      signedBy: 'Signed by',
      childrenAffected: 'Children and young people affected',
      vulnerableGroups: 'Vulnerable groups',
      group: 'Group',
      note: 'Note',
      uncrcArticles: 'UNCRC articles',
      nationalLaw: 'National law',
      welfarePlan: 'Child and youth welfare plan',
      alternative: 'Alternative',
      description: 'Description',
      source: 'Source',
      date: 'Date',
      finding: 'Finding',
      evidenceGaps: 'Gaps in the evidence',
      methods: 'How the views were gathered',
      howGathered: 'How they were heard',
      whatTheySaid: 'What children and young people said',
      article: 'Article',
      direction: 'Direction',
      directness: 'Direct or indirect',
      term: 'Term',
      bestInterests: 'The child’s best interests',
      indicator: 'Indicator',
      owner: 'Owner',
      dueDate: 'When',
      adopted: 'Adopted at the meeting of',
      submitted: 'Submitted',
      point: 'Point',
      answer: 'Answer',
      reason: 'Reason',
      reviewRound: 'Review round',
      reviewOutcome: 'Outcome',
      reviewEnded: 'Ended',
      checklistDone: 'Checklist items done',
      outcome: 'Outcome',
      meetingDate: 'Meeting date',
      minutesSection: 'Minutes section',
      decisionText: 'Decision',
      followUpDate: 'Follow-up date',
      decisionSignedBy: 'Signed by',
      signatureHash: 'Signature hash (SHA-256)',
      verifyAt: 'Verify at',
      noStatements: 'No statements have been submitted.',
      noReview: 'No review has been completed yet.',
      noDecision: 'No decision has been made yet.',
      unanswered: 'Not answered yet',
      round: 'round',
    },
    stages: STAGE_NAMES.en,
    impactKinds: { direct: 'Direct', indirect: 'Indirect', both: 'Direct and indirect' },
    ageGroups: AGE.en,
    vulnerable: {
      disabled_children: 'Disabled children',
      children_in_care: 'Children in care',
      low_income_families: 'Low-income families',
      migrant_background: 'Children with a migrant background',
      minority_languages: 'Children speaking minority languages',
      rural_areas: 'Children in rural areas',
    },
    allChildren: 'All children',
    notStated: 'Not stated',
    defaultAlternatives: { proposal: 'The proposal', no_change: 'No change' },
    notHeardReason: "Why no children's views were heard",
    methods: { youth_council_statement: 'Youth council statement', school_survey: 'School survey', workshop: 'Workshop', other: 'Other' },
    directions: { positive: 'Positive', negative: 'Negative', neutral: 'Neutral', unknown: 'Unknown' },
    directness: { direct: 'Direct', indirect: 'Indirect' },
    terms: { short: 'Short term', long: 'Long term' },
    dispositions: {
      accepted: 'Accepted',
      partly_accepted: 'Partly accepted',
      not_accepted: 'Not accepted',
      out_of_scope: 'Not part of this matter',
    },
    outcomes: capitalized(OUTCOME_NAMES.en),
    reviewOutcomes: { approved: 'Approved', returned: 'Returned to the preparer' },
    checklist: {
      childrens_views_gathered: "Children's views have been gathered",
      vulnerable_groups_covered: 'Vulnerable groups are covered',
      evidence_gaps_stated: 'Gaps in the evidence are stated',
      plain_language_summary_clear: 'The plain-language summary is clear',
      every_statement_point_answered: 'Every statement point is answered',
    },
  },
};
