import type { DashboardTable, Language } from '@lava/contracts';
import { STAGES } from '@lava/workflow';
import { STAGE_NAMES } from '../common/stage-names';

type Texts = Readonly<Record<Language, string>>;

/**
 * The exported tables' words in Finnish, Swedish and English: file names, sheet names, column
 * headings and the codes shown in cells. The web shows the same tables with its own i18n part
 * (`web/public/i18n/dashboard/`); these are for the files only.
 */
export const TABLE_NAMES: Readonly<Record<DashboardTable, Texts>> = {
  stages: { fi: 'vaiheet', sv: 'skeden', en: 'stages' },
  screening: { fi: 'esiarviointi', sv: 'forhandsbedomning', en: 'screening' },
  decisions: { fi: 'paatokset', sv: 'beslut', en: 'decisions' },
  consultations: { fi: 'lausuntopyynnot', sv: 'begaran-om-utlatande', en: 'consultations' },
  dispositions: { fi: 'vastineet', sv: 'bemotanden', en: 'dispositions' },
  durations: { fi: 'kestot', sv: 'tider', en: 'durations' },
  overdue: { fi: 'myohassa', sv: 'forsenade', en: 'overdue' },
};

export const FILE_PREFIX: Texts = { fi: 'lava-koontinakyma', sv: 'lava-oversikt', en: 'lava-dashboard' };

export const COLUMN_NAMES: Readonly<Record<string, Texts>> = {
  year: { fi: 'Vuosi', sv: 'År', en: 'Year' },
  stage: { fi: 'Vaihe', sv: 'Skede', en: 'Stage' },
  count: { fi: 'Määrä', sv: 'Antal', en: 'Count' },
  outcome: { fi: 'Esiarvioinnin tulos', sv: 'Förhandsbedömningens resultat', en: 'Screening outcome' },
  measure: { fi: 'Mittari', sv: 'Mått', en: 'Measure' },
  bodyName: { fi: 'Kuultu taho', sv: 'Hörd instans', en: 'Body heard' },
  bodyKind: { fi: 'Tahon laji', sv: 'Typ av instans', en: 'Kind of body' },
  asked: { fi: 'Pyydetty', sv: 'Begärda', en: 'Asked' },
  onTime: { fi: 'Vastattu ajoissa', sv: 'Besvarade i tid', en: 'Answered on time' },
  late: { fi: 'Vastattu myöhässä', sv: 'Besvarade för sent', en: 'Answered late' },
  unanswered: { fi: 'Vastaamatta', sv: 'Obesvarade', en: 'Unanswered' },
  pending: { fi: 'Määräaika kesken', sv: 'Tidsfristen löper', en: 'Deadline ahead' },
  disposition: { fi: 'Vastine', sv: 'Bemötande', en: 'Disposition' },
  points: { fi: 'Kohtia', sv: 'Punkter', en: 'Points' },
  withReason: { fi: 'Perusteltuja', sv: 'Med motivering', en: 'With a reason' },
  medianDays: { fi: 'Mediaani (päivää)', sv: 'Median (dagar)', en: 'Median (days)' },
  stays: { fi: 'Päättyneitä jaksoja', sv: 'Avslutade perioder', en: 'Finished stays' },
  item: { fi: 'Kohde', sv: 'Objekt', en: 'Item' },
};

/** Codes shown in cells (stages, outcomes, measures, dispositions, overdue items, kinds of body). */
export const CODE_NAMES: Readonly<Record<string, Texts>> = {
  ...Object.fromEntries(
    STAGES.map((stage) => [stage, { fi: STAGE_NAMES.fi[stage], sv: STAGE_NAMES.sv[stage], en: STAGE_NAMES.en[stage] }]),
  ),
  affects_children: { fi: 'Vaikuttaa lapsiin', sv: 'Påverkar barn', en: 'Affects children' },
  no_impact: { fi: 'Ei vaikutusta lapsiin', sv: 'Ingen påverkan på barn', en: 'No impact on children' },
  not_screened: { fi: 'Esiarviointi kesken', sv: 'Förhandsbedömning pågår', en: 'Not screened yet' },
  full_assessment: {
    fi: 'Päätetty täydellä arvioinnilla',
    sv: 'Beslutade med fullständig bedömning',
    en: 'Decided with a full assessment',
  },
  children_heard: {
    fi: 'Niistä lausunto saatu',
    sv: 'Av dem med utlåtande',
    en: 'Of which a statement was heard',
  },
  awaiting_decision: {
    fi: 'Vaikuttaa lapsiin, ei vielä päätetty',
    sv: 'Påverkar barn, ännu inte beslutade',
    en: 'Affecting children, not decided yet',
  },
  screened_out: {
    fi: 'Ei vaikutusta: täyttä arviointia ei tarvittu',
    sv: 'Ingen påverkan: ingen fullständig bedömning behövdes',
    en: 'No impact: no full assessment needed',
  },
  accepted: { fi: 'Otettu huomioon', sv: 'Beaktad', en: 'Taken up' },
  partly_accepted: { fi: 'Osittain huomioon', sv: 'Delvis beaktad', en: 'Partly taken up' },
  not_accepted: { fi: 'Ei otettu huomioon', sv: 'Inte beaktad', en: 'Not taken up' },
  out_of_scope: { fi: 'Ei kuulu asiaan', sv: 'Utanför ärendet', en: 'Out of scope' },
  unanswered: { fi: 'Vastaamatta', sv: 'Obesvarad', en: 'Not answered yet' },
  meeting: {
    fi: 'Kokouspäivä ohi, asia yhä valmistelussa',
    sv: 'Mötesdagen passerad, ärendet ännu under beredning',
    en: 'Meeting date passed, still in preparation',
  },
  follow_up_item: { fi: 'Seuranta-ajankohta ohi', sv: 'Uppföljningsdagen passerad', en: 'Follow-up date passed' },
  consultation_item: {
    fi: 'Lausunnon määräaika ohi, ei lausuntoa',
    sv: 'Tidsfristen för utlåtande passerad, inget utlåtande',
    en: 'Statement deadline passed, no statement',
  },
  youth_council: { fi: 'Nuorisovaltuusto', sv: 'Ungdomsfullmäktige', en: 'Youth council' },
  // The kind the bodies heard besides youth councils are expected to get (issue 13, first half).
  heard_body: { fi: 'Muu kuultava taho', sv: 'Annan hörd instans', en: 'Other body heard' },
  municipality: { fi: 'Kunta', sv: 'Kommun', en: 'Municipality' },
  wellbeing_county: { fi: 'Hyvinvointialue', sv: 'Välfärdsområde', en: 'Wellbeing services county' },
  region: { fi: 'Alue', sv: 'Region', en: 'Region' },
  committee: { fi: 'Lautakunta', sv: 'Nämnd', en: 'Committee' },
};

/** The columns of each exported table, in order (keys of the row objects). */
export const TABLE_COLUMNS: Readonly<Record<DashboardTable, readonly string[]>> = {
  stages: ['year', 'stage', 'count'],
  screening: ['outcome', 'count'],
  decisions: ['measure', 'count'],
  consultations: ['bodyName', 'bodyKind', 'asked', 'onTime', 'late', 'unanswered', 'pending'],
  dispositions: ['disposition', 'points', 'withReason'],
  durations: ['stage', 'medianDays', 'stays'],
  overdue: ['item', 'count'],
};

/** Columns holding a code to show in words (an unknown code, e.g. a new kind of body, shows as it is). */
const CODED_COLUMNS = new Set(['stage', 'outcome', 'measure', 'bodyKind', 'disposition', 'item']);

export function cellValue(column: string, value: unknown, language: Language): string | number {
  if (typeof value === 'number') return value;
  const text = String(value ?? '');
  if (!CODED_COLUMNS.has(column)) return text;
  // Overdue items share their codes with stages; they have their own words.
  const key = column === 'item' ? `${text}_item` : text;
  return CODE_NAMES[key]?.[language] ?? CODE_NAMES[text]?.[language] ?? text;
}
