import type { Language, RecordSection } from '@lava/contracts';
import type { DecisionOutcome } from '@lava/workflow';

// Notification values as a person reads them in the e-mail: dates in their language and the
// Finnish time zone, section and outcome names instead of keys.

/** Section names as the record page shows them (comment and change notifications name the section; the agenda PDF's headings). */
export const SECTION_NAMES: Record<Language, Record<RecordSection, string>> = {
  fi: {
    basics: 'Perustiedot',
    screening: 'Esiarviointi',
    scope: 'Keihin lapsiin ja nuoriin asia vaikuttaa',
    legalBasis: 'Oikeudellinen ja strateginen perusta',
    alternatives: 'Vaihtoehdot',
    evidence: 'Tietopohja',
    childrensViews: 'Lasten ja nuorten näkemykset',
    impactMatrix: 'Vaikutusmatriisi',
    mitigation: 'Kielteisten vaikutusten lieventäminen',
    changesMade: 'Mitä muutettiin tiedon ja näkemysten perusteella',
    recommendation: 'Suositus ja lapsen etu',
    plainLanguageSummary: 'Selkokielinen tiivistelmä',
    communication: 'Tuloksesta kertominen lapsille',
    followUp: 'Seuranta',
  },
  sv: {
    basics: 'Grunduppgifter',
    screening: 'Förhandsbedömning',
    scope: 'Vilka barn och unga som berörs',
    legalBasis: 'Rättslig och strategisk grund',
    alternatives: 'Alternativ',
    evidence: 'Kunskapsunderlag',
    childrensViews: 'Barns och ungas synpunkter',
    impactMatrix: 'Konsekvensmatris',
    mitigation: 'Lindring av negativa konsekvenser',
    changesMade: 'Vad som ändrades tack vare kunskapen och synpunkterna',
    recommendation: 'Rekommendation och barnets bästa',
    plainLanguageSummary: 'Lättläst sammanfattning',
    communication: 'Hur resultatet berättas för barn',
    followUp: 'Uppföljning',
  },
  en: {
    basics: 'Basic information',
    screening: 'Screening',
    scope: 'Children and young people affected',
    legalBasis: 'Legal and policy basis',
    alternatives: 'Alternatives',
    evidence: 'Evidence',
    childrensViews: 'Children’s views',
    impactMatrix: 'Impact matrix',
    mitigation: 'Mitigating negative impacts',
    changesMade: 'What changed because of the evidence and views',
    recommendation: 'Recommendation and the child’s best interests',
    plainLanguageSummary: 'Plain-language summary',
    communication: 'Telling children about the result',
    followUp: 'Follow-up',
  },
};

/** Decision outcomes within a sentence (the agenda PDF capitalizes them). */
export const OUTCOME_NAMES: Record<Language, Record<DecisionOutcome, string>> = {
  fi: {
    approved: 'hyväksytty',
    approved_as_modified: 'hyväksytty muutettuna',
    returned_for_preparation: 'palautettu uudelleen valmisteltavaksi',
    tabled: 'pantu pöydälle',
    rejected: 'hylätty',
  },
  sv: {
    approved: 'godkänt',
    approved_as_modified: 'godkänt med ändringar',
    returned_for_preparation: 'återremitterat',
    tabled: 'bordlagt',
    rejected: 'förkastat',
  },
  en: {
    approved: 'approved',
    approved_as_modified: 'approved as modified',
    returned_for_preparation: 'returned for more preparation',
    tabled: 'tabled',
    rejected: 'rejected',
  },
};

const LOCALES: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** A deadline (ISO timestamp) in Finnish time: `4. joulukuuta 2026 klo 16.00`. */
export function formatDateTime(iso: string | undefined, language: Language): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Helsinki' }).format(date);
}

/** A calendar date (YYYY-MM-DD): formatted as UTC so it never shifts a day. */
export function formatDate(iso: string | undefined, language: Language): string {
  if (!iso) return '';
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

function sectionName(key: string | undefined, language: Language): string {
  const k = (key ?? '').trim();
  return (SECTION_NAMES[language] as Record<string, string>)[k] ?? k;
}

/** The params as the sentence shows them: dates formatted, sections and outcomes named in the language. */
export function displayParams(params: Record<string, string>, language: Language): Record<string, string> {
  const out: Record<string, string> = { ...params };
  // A name given in every language (`council_fi`, `council_sv`, `council_en`) is shown in the reader's.
  for (const key of Object.keys(params)) {
    const localized = params[`${key}_${language}`];
    if (localized) out[key] = localized;
  }
  if (params['deadline'] !== undefined) out['deadline'] = formatDateTime(params['deadline'], language);
  if (params['followUpDate'] !== undefined) out['followUpDate'] = formatDate(params['followUpDate'], language);
  if (params['section'] !== undefined) out['section'] = sectionName(params['section'], language);
  if (params['sections'] !== undefined) {
    out['sections'] = params['sections']
      .split(',')
      .filter((k) => k.trim() !== '')
      .map((k) => sectionName(k, language))
      .join(', ');
  }
  if (params['outcome'] !== undefined)
    out['outcome'] = (OUTCOME_NAMES[language] as Record<string, string>)[params['outcome']] ?? params['outcome'];
  return out;
}
