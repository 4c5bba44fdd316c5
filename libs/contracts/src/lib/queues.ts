/**
 * Queue names, job names, payloads and default job options shared by the API (producer)
 * and the worker (consumer). Payloads carry ids only: the worker reloads the row.
 */
export const QUEUES = {
  notifications: 'notifications',
  /** Agenda PDFs and the signature chain check: CPU-heavy work kept off the notifications queue. */
  documents: 'documents',
} as const;

export const JOBS = {
  deliverNotification: 'deliver-notification',
  /** Repeatable (job scheduler DAILY_DIGEST_SCHEDULER): queues one sendDigest job per user with digest rows waiting. */
  dailyDigest: 'daily-digest',
  sendDigest: 'send-digest',
  /** A delayed job (jobId = the scheduled_events row id) that fires one scheduled event when it is due. */
  fireScheduledEvent: 'fire-scheduled-event',
  /** Repeatable (job scheduler SESSION_CLEANUP_SCHEDULER): deletes refresh-token rows long expired. */
  cleanUpSessions: 'clean-up-sessions',
  /** Repeatable (job scheduler RETENTION_SCHEDULER): pseudonymizes former youth council members, deletes old notifications. */
  applyRetention: 'apply-retention',
  /** Renders one agenda PDF (jobId = `pdf-<document id>-<requested at ms>`, so a new request makes a new job). */
  renderAgendaPdf: 'render-agenda-pdf',
  /** Repeatable (job scheduler SIGNATURE_CHECK_SCHEDULER): re-checks every organization's signature chain. */
  checkSignatureChains: 'check-signature-chains',
} as const;

export const DAILY_DIGEST_SCHEDULER = 'daily-digest';
export const SESSION_CLEANUP_SCHEDULER = 'clean-up-sessions';
export const RETENTION_SCHEDULER = 'apply-retention';
export const SIGNATURE_CHECK_SCHEDULER = 'check-signature-chains';

export interface RenderAgendaPdfJob {
  documentId: string;
}

export interface DeliverNotificationJob {
  notificationId: string;
}

export interface SendDigestJob {
  userId: string;
}

export interface FireScheduledEventJob {
  scheduledEventId: string;
}

/** The kinds of scheduled event; each fires notifications of the same kind when its condition still holds. */
export const SCHEDULED_EVENT_KINDS = ['consultation_deadline_reminder', 'consultation_overdue', 'follow_up_due'] as const;
/** Scheduled events that change state and notify nobody: survey_close closes a children's survey (issue 14). */
export const QUIET_SCHEDULED_EVENT_KINDS = ['survey_close'] as const;
export type ScheduledEventKind = (typeof SCHEDULED_EVENT_KINDS)[number] | (typeof QUIET_SCHEDULED_EVENT_KINDS)[number];
export const SCHEDULED_EVENT_STATUSES = ['pending', 'cancelled', 'fired'] as const;
export type ScheduledEventStatus = (typeof SCHEDULED_EVENT_STATUSES)[number];

export const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: false,
} as const;

/** A PDF that fails three times (e.g. a font missing) stays failed, visible on the assessment page and in the board. */
export const DOCUMENT_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: false,
} as const;

/** One sorted set under the queue prefix: each live worker's id, scored by its last heartbeat (epoch ms). */
export const WORKER_HEARTBEAT_KEY = 'worker-heartbeats';
export const WORKER_HEARTBEAT_INTERVAL_MS = 5_000;
