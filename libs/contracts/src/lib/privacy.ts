import type { CouncilOffice, Language, OrganizationKind, Role } from './roles';

/** `GET /api/me/data?format=json`: everything Lava keeps about the signed-in person (GDPR art. 15 and 20). */
export interface MyDataExport {
  exportedAt: string;
  profile: {
    id: string;
    email: string;
    displayName: string;
    language: Language;
    active: boolean;
    createdAt: string;
    updatedAt: string;
  };
  memberships: {
    organization: string;
    organizationKind: OrganizationKind;
    role: Role;
    councilOffice: CouncilOffice | null;
    since: string;
  }[];
  endedMemberships: { organization: string; role: Role; since: string; endedAt: string }[];
  /** Comments the person wrote, with their earlier texts (hidden and deleted ones too: they are the person's own). */
  comments: {
    id: string;
    assessmentId: string;
    assessmentTitle: string;
    section: string;
    audience: string;
    body: string;
    createdAt: string;
    editedAt: string | null;
    hiddenAt: string | null;
    deletedAt: string | null;
    revisions: { body: string; writtenAt: string; replacedAt: string }[];
  }[];
  /** Statement points the person last wrote (a point records its latest writer). */
  statementPoints: {
    id: string;
    assessmentTitle: string;
    council: string;
    position: number;
    text: string;
    updatedAt: string;
  }[];
  commentFlags: { commentId: string; reason: string; createdAt: string }[];
  notifications: {
    kind: string;
    assessmentTitle: string | null;
    params: Record<string, string>;
    createdAt: string;
    deliveredAt: string | null;
    readAt: string | null;
    channel: string | null;
    emailSentAt: string | null;
  }[];
  notificationPreferences: { kind: string; channel: string }[];
  /** One row per sign-in session step (each refresh starts a new row of the same session); no addresses are kept. */
  signIns: { session: string; startedAt: string; lastUsedAt: string | null; expiresAt: string; revokedAt: string | null }[];
  passwordResets: { requestedAt: string; usedAt: string | null }[];
  invitations: { createdAt: string; sentAt: string | null; acceptedAt: string | null }[];
  /** The audit trail's entries of what the person did, and of what was done to their account. */
  activity: { occurredAt: string; action: string; entityType: string; entityId: string; reason: string | null }[];
  aboutYou: { occurredAt: string; action: string; reason: string | null }[];
}

export const MY_DATA_FORMATS = ['json', 'html'] as const;
export type MyDataFormat = (typeof MY_DATA_FORMATS)[number];

/** `POST /api/admin/users/:id/erase`: the request's reason is kept in the audit trail. */
export interface ErasePersonRequest {
  reason: string;
}

/** What the admin sees after an erasure: the pseudonym now shown instead of the person's name. */
export interface ErasureDone {
  userId: string;
  pseudonym: string;
}
