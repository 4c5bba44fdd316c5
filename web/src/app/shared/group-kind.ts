import { AGE_GROUPS, VULNERABLE_GROUPS } from '@lava/contracts';

/**
 * What a group of children in the record is: everyone, one of the age groups, one of the
 * vulnerable groups, or free text. Each page names the kind in its own words (the record, the youth
 * pages and the public page have their own texts); which kind a key is, is decided here.
 */
export type GroupKind = 'all' | 'age' | 'vulnerable' | 'other';

export function groupKind(group: string): GroupKind {
  if (group === 'all') return 'all';
  if ((AGE_GROUPS as readonly string[]).includes(group)) return 'age';
  if ((VULNERABLE_GROUPS as readonly string[]).includes(group)) return 'vulnerable';
  return 'other';
}
