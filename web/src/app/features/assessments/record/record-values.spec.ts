import { groupLabel } from './record-values';
import type { WorkflowTexts } from './workflow-texts';

/** Translations as `T(key{params})`, so the test sees which text was asked for. */
const texts = {
  t: (key: string, params?: Record<string, string>) => `T(${key}${params ? JSON.stringify(params) : ''})`,
} as unknown as WorkflowTexts;

describe('groupLabel', () => {
  it('names everyone, the age groups and the vulnerable groups by their keys (groupKind)', () => {
    expect(groupLabel('all', texts)).toBe('T(content.groups.all)');
    expect(groupLabel('7-12', texts)).toBe('T(record.screening.ageGroup{"group":"7–12"})');
    expect(groupLabel('children_in_care', texts)).toBe('T(content.vulnerable.children_in_care.name)');
  });

  it('shows free text as written, also one that looks like an age range but is not an age group', () => {
    expect(groupLabel('10-20', texts)).toBe('10-20');
    expect(groupLabel('3-5', texts)).toBe('3-5');
    expect(groupLabel('Koululaiset', texts)).toBe('Koululaiset');
  });
});
