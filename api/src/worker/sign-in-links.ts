import type { NotificationKind } from '@lava/contracts';
import type { EntityManager } from 'typeorm';
import { hashLinkToken, newLinkToken } from '../app/auth/refresh-cookie';
import type { LavaConfig } from '../app/config/lava-config';

/** A link made for one e-mail: where it leads and what the template should say about its lifetime. */
export interface IssuedLink {
  path: string;
  params: Record<string, string>;
}

/**
 * Makes the secret link of an invitation or password reset e-mail, in the transaction that claims
 * the send. The token exists only in the e-mail: the row keeps its SHA-256 hash and expiry, so a
 * leaked database or a leaked notification row gives no usable link.
 *
 * Every send makes a new token and replaces the stored hash. So if a send is retried (the mail
 * server timed out, or the worker died after the server accepted the message), the link in an
 * earlier copy stops working and only the newest e-mail's link works.
 *
 * The token stands in the link's fragment (`#token=…`): browsers never send a fragment to a server,
 * so it does not land in nginx's or a proxy's log, nor in a Referer; the page posts it in a body.
 *
 * Answers `null` when the e-mail needs no link (e.g. "you were given access"), and `'obsolete'` when
 * there is nothing to send any more (the invitation was accepted or replaced, the reset used).
 */
export async function issueSignInLink(
  tx: EntityManager,
  notification: { id: string; kind: NotificationKind; recipientUserId: string; params: Record<string, string> },
  config: Pick<LavaConfig, 'INVITATION_TTL_DAYS' | 'PASSWORD_RESET_TTL_MINUTES'>,
): Promise<IssuedLink | 'obsolete' | null> {
  const token = newLinkToken();
  if (notification.kind === 'invitation') {
    if (notification.params['mode'] === 'access') return null;
    const [rows]: [{ id: string }[], number] = await tx.query(
      `UPDATE invitations SET token_hash = $2, sent_at = now(), expires_at = now() + make_interval(days => $3::int)
        WHERE notification_id = $1 AND accepted_at IS NULL AND revoked_at IS NULL
        RETURNING id`,
      [notification.id, hashLinkToken(token), config.INVITATION_TTL_DAYS],
    );
    if (rows.length === 0) return 'obsolete';
    return { path: `/invitation#token=${token}`, params: { validDays: String(config.INVITATION_TTL_DAYS) } };
  }
  if (notification.kind === 'password_reset') {
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO password_resets (user_id, notification_id, token_hash, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(mins => $4::int))
       ON CONFLICT (notification_id) DO UPDATE SET token_hash = excluded.token_hash, expires_at = excluded.expires_at
         WHERE password_resets.used_at IS NULL
       RETURNING id`,
      [notification.recipientUserId, notification.id, hashLinkToken(token), config.PASSWORD_RESET_TTL_MINUTES],
    );
    if (rows.length === 0) return 'obsolete';
    return { path: `/reset-password#token=${token}`, params: { validMinutes: String(config.PASSWORD_RESET_TTL_MINUTES) } };
  }
  return null;
}
