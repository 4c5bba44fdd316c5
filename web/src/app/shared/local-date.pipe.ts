import { Pipe, PipeTransform } from '@angular/core';
import { WORKFLOW_TIME_ZONE } from '@lava/workflow';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      locale,
      withTime
        ? // Times in Finnish time wherever the browser is, as deadlines are set and e-mails written.
          { dateStyle: 'medium', timeStyle: 'short', timeZone: WORKFLOW_TIME_ZONE }
        : // A calendar date (YYYY-MM-DD) has no time zone: format it as UTC so it never shifts.
          { dateStyle: 'medium', timeZone: 'UTC' },
    );
    formatters.set(key, f);
  }
  return f;
}

/**
 * Formats an ISO date (`2026-12-01`) or timestamp for a locale (fi-FI, sv-FI, en-GB).
 * Pure: pass the locale signal's value so a language switch re-renders.
 */
@Pipe({ name: 'localDate' })
export class LocalDatePipe implements PipeTransform {
  transform(value: string | null | undefined, locale: string, mode: 'date' | 'datetime' = 'date'): string {
    if (!value) return '';
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) return value;
    return formatter(locale, mode === 'datetime').format(date);
  }
}
