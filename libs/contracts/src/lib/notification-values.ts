import type { NotificationKind } from './notifications';
import type { Language } from './roles';

/**
 * What one notification value is, so e-mails and the web show it alike:
 * - `text`: shown as it is (a title, a person's name, a reason, a count);
 * - `name`: a name known in every language, stored as `<key>` plus `<key>_fi`, `<key>_sv`, `<key>_en`
 *   (the reader's language is shown); `names` is the same with only the per-language keys;
 * - `dateTime`: an ISO timestamp, shown in Finnish time; `date`: a calendar date (YYYY-MM-DD);
 * - `section`: a RECORD_SECTIONS key; `sections`: comma-separated keys; `outcome`: a DecisionOutcome;
 * - `id`: for the link only, never shown.
 * A trailing `?` marks a value that may be missing.
 */
export type NotificationValueKind = 'text' | 'name' | 'names' | 'dateTime' | 'date' | 'section' | 'sections' | 'outcome' | 'id';
type ValueSpec = NotificationValueKind | `${NotificationValueKind}?`;

const COUNCIL = { title: 'text', council: 'name' } as const;

/**
 * Every notification kind's values, in one table: the producers (API and worker) are type-checked
 * against it through `NotificationParams`, the e-mail texts read only these keys, and the web's spec
 * checks its texts' `{{placeholders}}` against it.
 */
export const NOTIFICATION_VALUES = {
  assessment_created: { title: 'text', municipality: 'name' },
  consultation_opened: { ...COUNCIL, consultationId: 'id', deadline: 'dateTime' },
  consultation_deadline_extended: { ...COUNCIL, consultationId: 'id', deadline: 'dateTime' },
  consultation_deadline_reminder: { ...COUNCIL, consultationId: 'id', deadline: 'dateTime', daysLeft: 'text' },
  consultation_overdue: { ...COUNCIL, deadline: 'dateTime' },
  consultation_returned: { ...COUNCIL, consultationId: 'id', reason: 'text' },
  statement_submitted: { ...COUNCIL },
  statement_feedback: { ...COUNCIL, consultationId: 'id' },
  statement_point_removed: { ...COUNCIL, by: 'text', excerpt: 'text', consultationId: 'id' },
  comment_added: { title: 'text', section: 'section', author: 'text' },
  mentioned: { title: 'text', section: 'section', author: 'text' },
  section_changed_after_comment: { title: 'text', sections: 'sections' },
  review_requested: { title: 'text' },
  assessment_returned: { title: 'text', by: 'text', reason: 'text' },
  decision_requested: { title: 'text', committee: 'name' },
  decision_recorded: { title: 'text', outcome: 'outcome' },
  follow_up_due: { title: 'text', followUpDate: 'date' },
  signature_mismatch: { title: 'text', signature: 'text', sequence: 'text' },
  survey_closed: { title: 'text', survey: 'name', answers: 'text', surveyId: 'id' },
  // `validDays` and `validMinutes` are added by the worker when it makes the sign-in link.
  invitation: { mode: 'text', inviter: 'text', organizations: 'names', validDays: 'text?' },
  password_reset: { validMinutes: 'text?' },
} as const satisfies Record<NotificationKind, Record<string, ValueSpec>>;

type Spec = Record<string, ValueSpec>;
type Shown<S extends Spec> = { [P in keyof S as S[P] extends 'names' | `${string}?` ? never : P]: string };
type Optional<S extends Spec> = { [P in keyof S as S[P] extends `${string}?` ? P : never]?: string };
type InEachLanguage<S extends Spec> = {
  [P in keyof S as S[P] extends 'name' | 'names' ? `${P & string}_${Language}` : never]: string;
};
/** The values of one notification as stored (and as the templates read them, formatted). */
export type NotificationValues<S extends Spec> = Shown<S> & Optional<S> & InEachLanguage<S>;

/** The kind → values map: what `out.notify` takes for each kind and what its e-mail and web texts read. */
export type NotificationParams = { [K in NotificationKind]: NotificationValues<(typeof NOTIFICATION_VALUES)[K]> };

/** The keys a kind's texts may use as placeholders (the per-language keys of a name are not shown on their own). */
export function notificationValueKeys(kind: NotificationKind): string[] {
  const spec: Spec = NOTIFICATION_VALUES[kind];
  return Object.entries(spec).flatMap(([key, value]) => (value === 'names' ? [] : [key]));
}
