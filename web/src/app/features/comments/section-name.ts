/**
 * The translation key of a section's name beside its comments: the record page's own heading, so a
 * section is called the same everywhere; only the council's statement is a comments-only "section".
 */
export function sectionNameKey(section: string): string {
  return section === 'statement' ? 'comments.sections.statement' : `content.sections.${section}`;
}
