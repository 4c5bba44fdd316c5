import { BadRequestException } from '@nestjs/common';
import { DOCUMENT_LANGUAGES, type Language } from '@lava/contracts';

/** The language of a document asked for in its path (`fi`, `sv`, `en`, or with `.pdf`); 400 for any other. */
export function documentLanguage(value: string): Language {
  const language = value.replace(/\.pdf$/, '');
  if (!(DOCUMENT_LANGUAGES as readonly string[]).includes(language)) throw new BadRequestException('The language must be fi, sv or en.');
  return language as Language;
}
