import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, IsNull, LessThan } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { LavaConfig } from '../config/lava-config';
import { User } from '../users/user.entity';
import { hashRefreshToken, newRefreshToken } from './refresh-cookie';
import { RefreshToken } from './refresh-token.entity';

/** A refresh token to put in the cookie. */
export interface IssuedRefreshToken {
  userId: string;
  token: string;
  expiresAt: Date;
}

export type RotationRefusal = 'missing' | 'unknown' | 'expired' | 'reused' | 'inactive';

/** How a session began, for the audit trail. */
export type SignInMethod = 'password' | 'organization' | 'invitation';

/**
 * Server-side sessions: one family of refresh tokens per sign-in. A refresh token is used once;
 * using it again (someone kept a copy) revokes the family, so both the thief and the owner must
 * sign in again. A session ends SESSION_MAX_DAYS after its sign-in however often it is refreshed.
 * Sign-ins and reused refresh tokens are in the audit trail.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(LavaConfig) private readonly config: LavaConfig,
    private readonly audit: AuditService,
  ) {}

  /** A new session (family) for a user who just proved who they are. */
  async start(userId: string, method: SignInMethod): Promise<IssuedRefreshToken> {
    return this.db.transaction(async (manager) => {
      // Housekeeping: this user's expired tokens are of no use, not even for reuse detection.
      await manager.getRepository(RefreshToken).delete({ userId, expiresAt: LessThan(new Date()) });
      await this.audit.record(manager, {
        actorUserId: userId,
        entityType: 'user',
        entityId: userId,
        action: 'user.signed_in',
        details: { method },
      });
      return this.issue(manager, userId, crypto.randomUUID(), new Date());
    });
  }

  /** Exchanges a refresh token for its successor, or says why not. */
  async rotate(token: string | undefined): Promise<IssuedRefreshToken | { refused: RotationRefusal }> {
    if (!token) return { refused: 'missing' };
    const tokenHash = hashRefreshToken(token);
    return this.db.transaction(async (manager) => {
      const tokens = manager.getRepository(RefreshToken);
      // The row lock makes two refreshes with one token take turns: the second sees it revoked.
      const current = await tokens.findOne({ where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
      if (!current) return { refused: 'unknown' as const };
      const now = new Date();
      if (current.revokedAt) {
        await this.revokeFamily(manager, current.familyId, now);
        // Someone kept a copy of a used token (or the owner's browser replayed one): on the record, actor unknown.
        await this.audit.record(manager, {
          actorUserId: null,
          entityType: 'user',
          entityId: current.userId,
          action: 'session.refresh_token_reused',
          details: { familyId: current.familyId },
        });
        return { refused: 'reused' as const };
      }
      if (current.expiresAt <= now || this.sessionEnd(current.sessionStartedAt) <= now) return { refused: 'expired' as const };
      const active = await manager.getRepository(User).existsBy({ id: current.userId, active: true });
      if (!active) {
        await this.revokeFamily(manager, current.familyId, now);
        return { refused: 'inactive' as const };
      }
      await tokens.update({ id: current.id }, { revokedAt: now, lastUsedAt: now });
      return this.issue(manager, current.userId, current.familyId, current.sessionStartedAt);
    });
  }

  /** Whose current session this refresh token is (without using it up); null when it is not a live one. */
  async holder(token: string | undefined): Promise<string | null> {
    if (!token) return null;
    const [row]: { user_id: string }[] = await this.db.query(
      `SELECT t.user_id FROM refresh_tokens t JOIN users u ON u.id = t.user_id AND u.active
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > now()`,
      [hashRefreshToken(token)],
    );
    return row?.user_id ?? null;
  }

  /** Signs a session out: the token's whole family stops working. Unknown tokens are ignored. */
  async revoke(token: string | undefined): Promise<void> {
    if (!token) return;
    const current = await this.db.getRepository(RefreshToken).findOneBy({ tokenHash: hashRefreshToken(token) });
    if (current) await this.revokeFamily(this.db.manager, current.familyId, new Date());
  }

  private async issue(manager: EntityManager, userId: string, familyId: string, sessionStartedAt: Date): Promise<IssuedRefreshToken> {
    const token = newRefreshToken();
    const sliding = new Date(Date.now() + this.config.REFRESH_TTL_DAYS * 24 * 3600 * 1000);
    const end = this.sessionEnd(sessionStartedAt);
    const expiresAt = sliding < end ? sliding : end;
    await manager.getRepository(RefreshToken).insert({ userId, familyId, tokenHash: hashRefreshToken(token), expiresAt, sessionStartedAt });
    return { userId, token, expiresAt };
  }

  private sessionEnd(startedAt: Date): Date {
    return new Date(startedAt.getTime() + this.config.SESSION_MAX_DAYS * 24 * 3600 * 1000);
  }

  private async revokeFamily(manager: EntityManager, familyId: string, now: Date): Promise<void> {
    await manager.getRepository(RefreshToken).update({ familyId, revokedAt: IsNull() }, { revokedAt: now });
  }
}
