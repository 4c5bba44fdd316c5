import {
  CONTENT_FIELDS,
  type EvidenceItem,
  type FollowUpIndicator,
  type ImpactMatrixRow,
  type RecordAlternative,
  type VulnerableGroupNote,
} from '@lava/contracts';
import { isStage } from '@lava/workflow';
import { groupKind } from '../../../shared/group-kind';
import type { WorkflowTexts } from './workflow-texts';

/** Fields whose history is running text, shown as a word diff. */
export const TEXT_FIELDS: readonly string[] = [
  'title',
  'caseNumber',
  'screening.rationale',
  'plainLanguageSummary',
  'plainLanguageSummarySv',
  'exPostEvaluation',
  'scope.childrenAffected',
  'legalBasis.nationalLaw',
  'legalBasis.welfarePlan',
  'evidence.gaps',
  'childrensViews.howGathered',
  'childrensViews.whatTheySaid',
  'childrensViews.notHeardReason',
  'mitigation.text',
  'changesMade.text',
  'recommendation.text',
  'recommendation.bestInterests',
  'communication.text',
];

/** Fields holding lists: shown one item a line, and diffed as text line by line in the history. */
export const LIST_FIELDS: readonly string[] = [
  'scope.vulnerableGroups',
  'alternatives.items',
  'evidence.items',
  'impactMatrix.rows',
  'followUp.indicators',
];

/** What a list value needs to be told in words (the matrix names alternatives by their titles). */
export interface DisplayContext {
  alternatives?: readonly RecordAlternative[];
}

/** A matrix group in words: a known key translated (which kind a key is: `groupKind`), free text as written. */
export function groupLabel(group: string, texts: WorkflowTexts): string {
  switch (groupKind(group)) {
    case 'all':
      return texts.t('content.groups.all');
    case 'age':
      return texts.t('record.screening.ageGroup', { group: group.replace('-', '–') });
    case 'vulnerable': {
      const key = `content.vulnerable.${group}.name`;
      const text = texts.t(key);
      return text === key ? group : text;
    }
    case 'other':
      return group;
  }
}

/** An alternative's name: its title, a default one's name in the reader's language, or "Alternative 3" while it has none. */
export function alternativeLabel(alternatives: readonly RecordAlternative[], id: string, texts: WorkflowTexts): string {
  const index = alternatives.findIndex((a) => a.id === id);
  if (index === -1) return texts.t('content.alternatives.removed');
  return alternativeName(alternatives[index], index, texts);
}

export function alternativeName(alternative: RecordAlternative, index: number, texts: WorkflowTexts): string {
  if (alternative.title.trim()) return alternative.title;
  if (alternative.defaultName) return texts.t(`recordModel.alternatives.${alternative.defaultName}`);
  return texts.t('content.alternatives.numbered', { n: index + 1 });
}

/** A judgement of an impact in words; null is "not stated". */
function judgement(kind: 'direction' | 'directness' | 'term', value: string | null, texts: WorkflowTexts): string {
  return value === null ? texts.t('recordModel.notStated') : texts.t(`content.${kind}.${value}`);
}

function lines(value: unknown, field: string, texts: WorkflowTexts, context: DisplayContext): string {
  const items = value as unknown[];
  switch (field) {
    case 'scope.vulnerableGroups':
      return (items as VulnerableGroupNote[]).map((g) => `${groupLabel(g.group, texts)}${g.note ? `: ${g.note}` : ''}`).join('\n');
    case 'alternatives.items':
      return (items as RecordAlternative[])
        .map((a, i) => `${i + 1}. ${alternativeName(a, i, texts)}${a.description ? ` — ${a.description}` : ''}`)
        .join('\n');
    case 'evidence.items':
      return (items as EvidenceItem[])
        .map(
          (e) =>
            `${e.source}${e.date ? ` (${/^\d{4}-\d{2}-\d{2}$/.test(e.date) ? texts.date(e.date) : e.date})` : ''}${e.url ? ` <${e.url}>` : ''}${e.finding ? `: ${e.finding}` : ''}`,
        )
        .join('\n');
    case 'impactMatrix.rows':
      return (items as ImpactMatrixRow[])
        .map((r) =>
          [
            `${alternativeLabel(context.alternatives ?? [], r.alternativeId, texts)}, ${
              r.articles.length
                ? r.articles.map((n) => texts.t('content.matrix.articleN', { n })).join(', ')
                : texts.t('recordModel.matrix.noArticle')
            }, ${r.groups.map((g) => groupLabel(g, texts)).join(', ') || texts.t('recordModel.notStated')}:`,
            `${judgement('direction', r.direction, texts)}, ${judgement('directness', r.directness, texts)}, ${judgement('term', r.term, texts)}`,
            r.note ? `— ${r.note}` : '',
          ]
            .filter(Boolean)
            .join(' '),
        )
        .join('\n');
    case 'followUp.indicators':
      return (items as FollowUpIndicator[])
        .map((x) => `${x.indicator}${x.owner ? ` — ${x.owner}` : ''}${x.dueDate ? `, ${texts.date(x.dueDate)}` : ''}`)
        .join('\n');
    default:
      return items.map(String).join(', ');
  }
}

/** A field's value in words, for the conflict panel and the history. */
export function displayValue(field: string, value: unknown, texts: WorkflowTexts, context: DisplayContext = {}): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return field === 'screening.affectsChildren' ? texts.t('record.screening.unanswered') : texts.t('record.empty');
  }
  if (LIST_FIELDS.includes(field) && Array.isArray(value)) return lines(value, field, texts, context);
  switch (field) {
    case 'screening.affectsChildren':
      return texts.t(value ? 'record.screening.yes' : 'record.screening.no');
    case 'screening.impactKind':
      return texts.t(`record.screening.${String(value)}`);
    case 'screening.ageGroups':
      return (value as string[]).map((group) => texts.t('record.screening.ageGroup', { group: group.replace('-', '–') })).join(', ');
    case 'screening.ageRange': {
      const range = value as { min: number; max: number } | null;
      return range ? texts.t('record.screening.ageGroup', { group: `${range.min}–${range.max}` }) : '';
    }
    case 'legalBasis.uncrcArticles':
      return (value as number[]).map((n) => texts.t('content.matrix.articleN', { n })).join(', ');
    case 'childrensViews.methods':
      return (value as string[]).map((m) => texts.t(`content.views.method.${m}`)).join(', ');
    case 'stage':
      return isStage(value) ? texts.t(`stages.${value}`) : String(value);
    case 'screening.signedBy':
      return texts.t('record.history.signed');
    case 'plannedMeetingDate':
    case 'followUpDate':
      return texts.date(String(value));
    default:
      return String(value);
  }
}

/** The translation key naming a field (`record.fields.screening.rationale`, `content.fields.impactMatrix.rows`). */
export function fieldKey(field: string): string {
  if (field === 'screening.ageRange') return 'recordModel.ageRange.field';
  return (CONTENT_FIELDS as readonly string[]).includes(field) ? `content.fields.${field}` : `record.fields.${field}`;
}
