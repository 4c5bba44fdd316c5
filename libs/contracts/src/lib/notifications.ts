export const NOTIFICATION_KINDS = ['assessment_created', 'invitation', 'password_reset'] as const;
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
  invitation: 'email',
  password_reset: 'email',
};

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
