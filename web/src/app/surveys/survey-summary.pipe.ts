import { Pipe, PipeTransform } from '@angular/core';
import type { Language, SurveyViewsEntry } from '@lava/contracts';

/** A survey summary in the reader's language (a locale like fi-FI), or in the survey's first language. */
@Pipe({ name: 'surveySummary' })
export class SurveySummaryPipe implements PipeTransform {
  transform(entry: SurveyViewsEntry, locale: string): string {
    const wanted = locale.slice(0, 2) as Language;
    const language = entry.languages.includes(wanted) ? wanted : (entry.languages[0] ?? 'fi');
    return entry.summary[language];
  }
}
