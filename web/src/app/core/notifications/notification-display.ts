import { NOTIFICATION_TOPIC, type Language, type NotificationKind, type NotificationTopic, type NotificationView } from '@lava/contracts';

/** Finnish time for deadlines, whatever the browser's zone: the municipality's deadlines are Finnish. */
const TIME_ZONE = 'Europe/Helsinki';
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function formatDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let f = dateTimeFormats.get(locale);
  if (!f)
    dateTimeFormats.set(locale, (f = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE })));
  return f.format(date);
}

/** A calendar date (YYYY-MM-DD) formatted as UTC so it never shifts a day. */
function formatDate(iso: string, locale: string): string {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  let f = dateFormats.get(locale);
  if (!f) dateFormats.set(locale, (f = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })));
  return f.format(date);
}

/**
 * A notification's params as its sentence shows them: a name in the reader's language (`council_sv`…),
 * dates formatted (deadlines in Finnish time), section keys and decision outcomes named.
 * `names` holds the translated section (`notifications.sections`) and outcome (`notifications.outcomes`) names.
 */
export function notificationDisplayParams(
  n: Pick<NotificationView, 'params'>,
  language: Language,
  locale: string,
  names: { sections: Record<string, string>; outcomes: Record<string, string> },
): Record<string, string> {
  const p = n.params;
  const out: Record<string, string> = { ...p };
  for (const key of Object.keys(p)) {
    const localized = p[`${key}_${language}`];
    if (localized) out[key] = localized;
  }
  const section = (key: string): string => names.sections[key.trim()] ?? key.trim();
  if (p['deadline']) out['deadline'] = formatDateTime(p['deadline'], locale);
  if (p['followUpDate']) out['followUpDate'] = formatDate(p['followUpDate'], locale);
  if (p['section'] !== undefined) out['section'] = section(p['section']);
  if (p['sections'] !== undefined) {
    out['sections'] = p['sections']
      .split(',')
      .filter((k) => k.trim() !== '')
      .map(section)
      .join(', ');
  }
  if (p['outcome'] !== undefined) out['outcome'] = names.outcomes[p['outcome']] ?? p['outcome'];
  return out;
}

/**
 * The `{{key}}` placeholders of a sentence. Each kind's sentence (`notifications.kinds.<kind>`) may
 * use only its kind's values (NOTIFICATION_VALUES in contracts, which the API and the e-mails are
 * type-checked against); the spec holds the three languages' sentences to that.
 */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w]+)\s*\}\}/g)].map((match) => match[1] ?? '');
}

/** The link text by what the notification is about (a section change opens the assessment). */
const LINK_LABELS: Record<NotificationTopic, string> = {
  consultation: 'notifications.links.consultation',
  comment: 'notifications.links.comment',
  follow_up: 'notifications.links.followUp',
  survey: 'notifications.links.survey',
  section_change: 'notifications.links.assessment',
  assessment: 'notifications.links.assessment',
};

/** The translation key of the link's text: what the link opens. */
export function notificationLinkLabel(kind: NotificationKind): string {
  return LINK_LABELS[NOTIFICATION_TOPIC[kind]];
}
