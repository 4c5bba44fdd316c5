import { BadRequestException, GoneException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { NotificationOutbox } from '../notifications/notification-outbox.service';
import { linkTokenHash } from './link-token';
import { hashPassword, newPasswordProblem } from './passwords';

const NOT_FOUND = 'This link does not work. Check that you copied the whole link, or ask for a new one.';

/**
 * Password reset by e-mail. The request writes an outbox row only (for an active account with a
 * password); the worker makes the link when it sends the e-mail and stores only the token's hash.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: NotificationOutbox,
    private readonly audit: AuditService,
  ) {}

  /** Does the same visible work for every address; only an existing account gets an e-mail. */
  async request(email: string): Promise<void> {
    // Publishing is not awaited, so the answer takes no longer for an existing account (publishing never throws).
    await this.outbox.run(
      async (tx, out) => {
        const [user]: { id: string }[] = await tx.query(`SELECT id FROM users WHERE email = $1 AND active AND password_hash IS NOT NULL`, [
          email.trim().toLowerCase(),
        ]);
        if (!user) return;
        await out.notify([{ recipientUserId: user.id, kind: 'password_reset', assessmentId: null, params: {} }]);
      },
      { publish: 'background' },
    );
  }

  /** Sets the new password; every session of the person ends (their refresh tokens are revoked). */
  /** Sets the new password; answers the account's e-mail address (its sign-in failures are then forgotten). */
  async reset(token: string, password: string): Promise<string> {
    const tokenHash = linkTokenHash(token, NOT_FOUND);
    const [preview]: { email: string }[] = await this.db.query(
      `SELECT u.email FROM password_resets r JOIN users u ON u.id = r.user_id WHERE r.token_hash = $1`,
      [tokenHash],
    );
    if (!preview) throw new NotFoundException(NOT_FOUND);
    const problem = newPasswordProblem(password, preview.email);
    if (problem) throw new BadRequestException({ message: problem, details: [{ field: 'password', messages: [problem] }] });
    const passwordHash = await hashPassword(password);
    await this.db.transaction(async (tx) => {
      const [row]: { id: string; user_id: string; expires_at: Date; used_at: Date | null; active: boolean }[] = await tx.query(
        `SELECT r.id, r.user_id, r.expires_at, r.used_at, u.active
           FROM password_resets r JOIN users u ON u.id = r.user_id
          WHERE r.token_hash = $1 FOR UPDATE OF r`,
        [tokenHash],
      );
      if (!row || !row.active) throw new NotFoundException(NOT_FOUND);
      if (row.used_at) throw new GoneException('This link has already been used. Ask for a new one if you need to.');
      if (row.expires_at <= new Date()) throw new GoneException('This link has expired. Ask for a new one.');
      await tx.query(`UPDATE users SET password_hash = $2, updated_at = now(), version = version + 1 WHERE id = $1`, [
        row.user_id,
        passwordHash,
      ]);
      // This link and any other open one for the person stop working; so does every session.
      await tx.query(`UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [row.user_id]);
      await tx.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [row.user_id]);
      await this.audit.record(tx, { actorUserId: row.user_id, entityType: 'user', entityId: row.user_id, action: 'user.password_reset' });
    });
    return preview.email;
  }
}
