import { RECORD_SECTIONS } from './assessments';

/**
 * Every kind of notification. Params (all strings; dates as ISO strings, the templates format them).
 * A name known in every language may be given as `<param>_fi`, `<param>_sv`, `<param>_en` beside
 * `<param>` (e.g. `council_sv`): e-mails and the web show the reader's language, `<param>` otherwise.
 * Section keys and decision outcomes are translated by the templates.
 * - `assessment_created` {title, municipality} → staff of the municipality
 * - `consultation_opened` {title, council, deadline} → members of the council
 * - `consultation_deadline_extended` {title, council, deadline} → members of the council
 * - `consultation_deadline_reminder` {title, council, deadline, daysLeft} → members (scheduled, 7 and 2 days before)
 * - `consultation_overdue` {title, council, deadline} → the responsible official (scheduled, at the deadline)
 * - `consultation_returned` {title, council, reason} → members of a council asked in the round, when the official takes the draft back
 * - `statement_submitted` {title, council} → the responsible official
 * - `statement_feedback` {title, council} → members of the council, after the decision
 * - `statement_point_removed` {title, council, by, excerpt, consultationId} → the point's author, when another member removes it
 * - `comment_added` {title, section, author} → the thread's participants (not the author); section: a RECORD_SECTIONS key
 * - `mentioned` {title, section, author} → the person @mentioned
 * - `section_changed_after_comment` {title, sections} → council members who commented; sections: comma-separated keys
 * - `review_requested` {title} → the assigned reviewers
 * - `assessment_returned` {title, by, reason} → the responsible official
 * - `decision_requested` {title, committee} → the chairs of the deciding committee, when the assessment reaches decision
 * - `decision_recorded` {title, outcome} → the responsible official and the assigned reviewers; outcome: a DecisionOutcome
 * - `follow_up_due` {title, followUpDate} → the responsible official (scheduled; followUpDate YYYY-MM-DD)
 * - `signature_mismatch` {title, signature, sequence} → the organization's admins (the daily signature-chain check)
 * - `survey_closed` {title, survey, answers, surveyId} → the survey's author and the responsible official, when a children's survey closes
 * - `invitation`, `password_reset`: e-mail only (see below)
 */
export const NOTIFICATION_KINDS = [
  'assessment_created',
  'consultation_opened',
  'consultation_deadline_extended',
  'consultation_deadline_reminder',
  'consultation_overdue',
  'consultation_returned',
  'statement_submitted',
  'statement_feedback',
  'statement_point_removed',
  'comment_added',
  'mentioned',
  'section_changed_after_comment',
  'review_requested',
  'assessment_returned',
  'decision_requested',
  'decision_recorded',
  'follow_up_due',
  'signature_mismatch',
  'survey_closed',
  'invitation',
  'password_reset',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Kinds that always go by e-mail at once and are not shown in Lava: they carry a sign-in link
 * (made by the worker at send time) and cannot wait for a digest. Not in the preferences.
 */
export const EMAIL_ONLY_NOTIFICATION_KINDS = ['invitation', 'password_reset'] as const satisfies readonly NotificationKind[];

/** The kinds a person chooses a channel for (the preferences page lists these). */
export const CONFIGURABLE_NOTIFICATION_KINDS = NOTIFICATION_KINDS.filter(
  (kind): kind is Exclude<NotificationKind, (typeof EMAIL_ONLY_NOTIFICATION_KINDS)[number]> =>
    !(EMAIL_ONLY_NOTIFICATION_KINDS as readonly string[]).includes(kind),
);
export type ConfigurableNotificationKind = (typeof CONFIGURABLE_NOTIFICATION_KINDS)[number];

/**
 * How a person wants to hear about one kind of event. In-app is always on; `email` adds an
 * immediate e-mail, `digest` gathers the day's notifications into one e-mail each morning.
 */
export const NOTIFICATION_CHANNELS = ['in_app', 'email', 'digest'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** Used until the person chooses otherwise. */
export const DEFAULT_NOTIFICATION_CHANNEL: Record<NotificationKind, NotificationChannel> = {
  assessment_created: 'email',
  consultation_opened: 'email',
  consultation_deadline_extended: 'email',
  consultation_deadline_reminder: 'email',
  consultation_overdue: 'email',
  consultation_returned: 'email',
  statement_submitted: 'email',
  statement_feedback: 'email',
  statement_point_removed: 'in_app',
  comment_added: 'digest',
  mentioned: 'email',
  section_changed_after_comment: 'digest',
  review_requested: 'email',
  assessment_returned: 'email',
  decision_requested: 'email',
  decision_recorded: 'email',
  follow_up_due: 'email',
  signature_mismatch: 'email',
  survey_closed: 'email',
  invitation: 'email',
  password_reset: 'email',
};

/** How the preferences page groups the configurable kinds (every configurable kind is in exactly one group). */
export const NOTIFICATION_KIND_GROUPS = [
  {
    key: 'consultation',
    kinds: [
      'consultation_opened',
      'consultation_deadline_extended',
      'consultation_deadline_reminder',
      'consultation_overdue',
      'consultation_returned',
      'statement_submitted',
      'statement_feedback',
      'statement_point_removed',
    ],
  },
  { key: 'discussion', kinds: ['comment_added', 'mentioned', 'section_changed_after_comment'] },
  {
    key: 'assessment',
    kinds: [
      'assessment_created',
      'review_requested',
      'assessment_returned',
      'decision_requested',
      'decision_recorded',
      'follow_up_due',
      'signature_mismatch',
      'survey_closed',
    ],
  },
] as const satisfies readonly { key: string; kinds: readonly ConfigurableNotificationKind[] }[];
export type NotificationKindGroup = (typeof NOTIFICATION_KIND_GROUPS)[number]['key'];

/**
 * Who a configurable kind is for: youth council members (`youth`), municipal staff (`staff`), or both.
 * The preferences page shows a person the kinds for their roles (all of them to someone with both).
 */
export const NOTIFICATION_KIND_AUDIENCE: Record<ConfigurableNotificationKind, 'youth' | 'staff' | 'all'> = {
  assessment_created: 'staff',
  consultation_opened: 'youth',
  consultation_deadline_extended: 'youth',
  consultation_deadline_reminder: 'youth',
  consultation_overdue: 'staff',
  consultation_returned: 'youth',
  statement_submitted: 'staff',
  statement_feedback: 'youth',
  statement_point_removed: 'youth',
  comment_added: 'all',
  mentioned: 'all',
  section_changed_after_comment: 'youth',
  review_requested: 'staff',
  assessment_returned: 'staff',
  decision_requested: 'staff',
  decision_recorded: 'staff',
  follow_up_due: 'staff',
  signature_mismatch: 'staff',
  survey_closed: 'staff',
};

/** Where a notification leads: the assessment page, with the fragment of the part it is about. */
export interface NotificationLink {
  /** `/assessments/<id>` (or `/notifications` when it is about no assessment). */
  path: string;
  /** Element id on that page (`section-<key>`, `consultation`), or null. */
  fragment: string | null;
}

function sectionFragment(section: string | undefined): string | null {
  return section !== undefined && (RECORD_SECTIONS as readonly string[]).includes(section) ? `section-${section}` : null;
}

/**
 * What a notification kind is about, in one table: the assessment page's part it leads to and the
 * link text (`notificationLinkLabel` on the web) both follow from it.
 */
export type NotificationTopic = 'consultation' | 'comment' | 'section_change' | 'follow_up' | 'survey' | 'assessment';

export const NOTIFICATION_TOPIC: Record<NotificationKind, NotificationTopic> = {
  assessment_created: 'assessment',
  consultation_opened: 'consultation',
  consultation_deadline_extended: 'consultation',
  consultation_deadline_reminder: 'consultation',
  consultation_overdue: 'consultation',
  consultation_returned: 'consultation',
  statement_submitted: 'consultation',
  statement_feedback: 'consultation',
  statement_point_removed: 'consultation',
  comment_added: 'comment',
  mentioned: 'comment',
  section_changed_after_comment: 'section_change',
  review_requested: 'assessment',
  assessment_returned: 'assessment',
  decision_requested: 'assessment',
  decision_recorded: 'assessment',
  follow_up_due: 'follow_up',
  signature_mismatch: 'assessment',
  survey_closed: 'survey',
  invitation: 'assessment',
  password_reset: 'assessment',
};

/** The element id on the assessment page that a notification of this kind is about. */
export function notificationFragment(kind: NotificationKind, params: Record<string, string>): string | null {
  switch (NOTIFICATION_TOPIC[kind]) {
    case 'consultation':
      return 'consultation';
    case 'comment':
      return sectionFragment(params['section']);
    case 'section_change':
      return sectionFragment((params['sections'] ?? '').split(',')[0]?.trim());
    case 'follow_up':
      return 'section-followUp';
    case 'survey':
    case 'assessment':
      return null;
  }
}

/** Notices to a council's members about its request; they carry the request's `consultationId`. */
const YOUTH_COUNCIL_REQUEST_KINDS: readonly NotificationKind[] = [
  'consultation_opened',
  'consultation_deadline_extended',
  'consultation_deadline_reminder',
  'consultation_returned',
  'statement_feedback',
  'statement_point_removed',
];

export function notificationLink(n: {
  kind: NotificationKind;
  assessmentId: string | null;
  params: Record<string, string>;
}): NotificationLink {
  if (n.assessmentId === null) return { path: '/notifications', fragment: null };
  // A youth council member's notice about their council's request opens the council's own page for it.
  const consultationId = n.params['consultationId'];
  if (consultationId && YOUTH_COUNCIL_REQUEST_KINDS.includes(n.kind)) {
    return {
      // The feedback after the decision is a page of its own.
      path: `/consultations/${encodeURIComponent(consultationId)}${n.kind === 'statement_feedback' ? '/feedback' : ''}`,
      fragment: n.kind === 'statement_point_removed' ? 'statement-heading' : null,
    };
  }
  // A closed survey opens its results.
  const surveyId = n.params['surveyId'];
  if (surveyId && NOTIFICATION_TOPIC[n.kind] === 'survey') {
    return { path: `/assessments/${encodeURIComponent(n.assessmentId)}/surveys/${encodeURIComponent(surveyId)}`, fragment: null };
  }
  return { path: `/assessments/${encodeURIComponent(n.assessmentId)}`, fragment: notificationFragment(n.kind, n.params) };
}

/** An in-app notification as the recipient sees it. The web app renders it in the user's language. */
export interface NotificationView {
  id: string;
  kind: NotificationKind;
  /** Values the message template needs, e.g. the assessment title. */
  params: Record<string, string>;
  /** The assessment it is about, for the link. */
  assessmentId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: NotificationView[];
  nextCursor: string | null;
  unreadCount: number;
}

export interface NotificationPreference {
  kind: NotificationKind;
  channel: NotificationChannel;
  /** True while the person has not chosen (the channel is DEFAULT_NOTIFICATION_CHANNEL's). */
  isDefault: boolean;
}

export interface NotificationPreferences {
  items: NotificationPreference[];
}

export interface UpdateNotificationPreferences {
  items: { kind: NotificationKind; channel: NotificationChannel }[];
}

/** A notification whose e-mail can never be delivered as it is (e.g. the mail server refused the address). */
export interface FailedNotification {
  id: string;
  kind: NotificationKind;
  recipientUserId: string;
  recipientEmail: string;
  createdAt: string;
  failedAt: string;
  attempts: number;
  lastError: string | null;
}

export interface FailedNotificationPage {
  items: FailedNotification[];
  nextCursor: string | null;
}

export interface QueueCounts {
  name: string;
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
}

/** The admin's view of the queues: their counts, and whether this admin may open the dashboard (admins of a top-level organization only). */
export interface QueueOverview {
  queues: QueueCounts[];
  boardAvailable: boolean;
}

/** A session for the queue dashboard (Bull Board): a cookie scoped to `url` was set; open `url` before `expiresAt`. */
export interface QueueBoardSession {
  url: string;
  expiresAt: string;
}

/**
 * The bell's live updates: `POST NOTIFICATION_STREAM_ROUTES.ticket` (bearer) gives a ticket valid for a
 * minute; `new EventSource(`${NOTIFICATION_STREAM_ROUTES.stream}?ticket=…`)` then gets a
 * `notifications` event whenever the person's notifications change (read them with GET /api/notifications),
 * and `reconnect` when the server ends the stream (ask for a new ticket and open a new one).
 */
export const NOTIFICATION_STREAM_ROUTES = {
  ticket: '/api/notifications/stream-ticket',
  stream: '/api/notifications/stream',
} as const;

export interface NotificationStreamTicket {
  ticket: string;
  expiresAt: string;
}
