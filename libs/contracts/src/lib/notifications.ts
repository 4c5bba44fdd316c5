export const NOTIFICATION_KINDS = ['assessment_created'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

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
