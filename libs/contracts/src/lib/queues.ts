/**
 * Queue names, job names, payloads and default job options shared by the API (producer)
 * and the worker (consumer). Payloads carry ids only: the worker reloads the row.
 */
export const QUEUES = {
  notifications: 'notifications',
} as const;

export const JOBS = {
  deliverNotification: 'deliver-notification',
  /** Repeatable (job scheduler DAILY_DIGEST_SCHEDULER): queues one sendDigest job per user with digest rows waiting. */
  dailyDigest: 'daily-digest',
  sendDigest: 'send-digest',
} as const;

export const DAILY_DIGEST_SCHEDULER = 'daily-digest';

export interface DeliverNotificationJob {
  notificationId: string;
}

export interface SendDigestJob {
  userId: string;
}

export const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: false,
} as const;

/** Redis key where each worker process writes its heartbeat (suffix: worker id). */
export const WORKER_HEARTBEAT_KEY = 'worker-heartbeat';
export const WORKER_HEARTBEAT_INTERVAL_MS = 5_000;
