import type { Language, NotificationKind } from '@lava/contracts';
import type { EntityManager } from 'typeorm';
import { hashLinkToken, newLinkToken } from '../app/auth/refresh-cookie';
import type { IssuedLink } from './sign-in-links';

/** Notices to an e-mail-only contact that carry the link to answer (the request is still open to them). */
const ANSWERING_KINDS: readonly NotificationKind[] = [
  'consultation_opened',
  'consultation_deadline_extended',
  'consultation_deadline_reminder',
];

/**
 * The link of an e-mail to a body's e-mail-only contact (issue 13), made in the transaction that
 * claims the send, as sign-in links are (see sign-in-links.ts): the token exists only in the e-mail,
 * the `consultation_links` row keeps its SHA-256 hash and expires with the request's deadline, and
 * every send replaces the hash, so only the newest e-mail's link works. The draft the contact saved
 * is kept with the request's statement, not with the token, so a new link finds it.
 *
 * Answers `'obsolete'` when the request no longer takes an answer (submitted through the link,
 * withdrawn, closed): the reminder is not sent. Notices that need no answer (returned, the
 * decision's feedback) link to the public register's page of the assessment instead.
 */
export async function issueStatementLink(
  tx: EntityManager,
  notification: {
    kind: NotificationKind;
    contactId: string;
    assessmentId: string | null;
    language: Language;
    params: Record<string, string>;
  },
): Promise<IssuedLink | 'obsolete'> {
  const consultationId = notification.params['consultationId'];
  if (!ANSWERING_KINDS.includes(notification.kind) || !consultationId) {
    return { path: notification.assessmentId ? `/public/assessments/${notification.assessmentId}` : '/public', params: {} };
  }
  const token = newLinkToken();
  const [rows]: [{ id: string }[], number] = await tx.query(
    `UPDATE consultation_links l SET token_hash = $3, expires_at = c.deadline
       FROM consultations c
      WHERE l.consultation_id = $1 AND l.contact_id = $2 AND c.id = l.consultation_id
        AND l.used_at IS NULL AND c.status <> 'withdrawn' AND c.closed_at IS NULL AND c.deadline > now()
      RETURNING l.id`,
    [consultationId, notification.contactId, hashLinkToken(token)],
  );
  if (rows.length === 0) return 'obsolete';
  // The page opens in the contact's language (`lang`), so its refusals are in it too.
  return { path: `/statement-link?lang=${notification.language}#token=${token}`, params: {} };
}
