import { isStage } from '@lava/workflow';
import type { WorkflowTexts } from './workflow-texts';

/** Fields whose history is running text, shown as a word diff. */
export const TEXT_FIELDS: readonly string[] = ['title', 'caseNumber', 'screening.rationale', 'plainLanguageSummary', 'exPostEvaluation'];

/** A field's value in words, for the conflict panel and the history. */
export function displayValue(field: string, value: unknown, texts: WorkflowTexts): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return field === 'screening.affectsChildren' ? texts.t('record.screening.unanswered') : texts.t('record.empty');
  }
  switch (field) {
    case 'screening.affectsChildren':
      return texts.t(value ? 'record.screening.yes' : 'record.screening.no');
    case 'screening.impactKind':
      return texts.t(`record.screening.${String(value)}`);
    case 'screening.ageGroups':
      return (value as string[]).map((group) => texts.t('record.screening.ageGroup', { group: group.replace('-', '–') })).join(', ');
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

/** The translation key naming a field (`record.fields.screening.rationale`). */
export function fieldKey(field: string): string {
  return `record.fields.${field}`;
}
