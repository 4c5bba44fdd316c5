import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, IsNull, LessThan } from 'typeorm';
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

/**
 * Server-side sessions: one family of refresh tokens per sign-in. A refresh token is used once;
 * using it again (someone kept a copy) revokes the family, so both the thief and the owner must
 * sign in again.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(LavaConfig) private readonly config: LavaConfig,
  ) {}

  /** A new session (family) for a user who just proved their password. */
  async start(userId: string): Promise<IssuedRefreshToken> {
    const tokens = this.db.getRepository(RefreshToken);
    // Housekeeping: this user's expired tokens are of no use, not even for reuse detection.
    await tokens.delete({ userId, expiresAt: LessThan(new Date()) });
    return this.issue(this.db.manager, userId, crypto.randomUUID());
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
        return { refused: 'reused' as const };
      }
      if (current.expiresAt <= now) return { refused: 'expired' as const };
      const active = await manager.getRepository(User).existsBy({ id: current.userId, active: true });
      if (!active) {
        await this.revokeFamily(manager, current.familyId, now);
        return { refused: 'inactive' as const };
      }
      await tokens.update({ id: current.id }, { revokedAt: now, lastUsedAt: now });
      return this.issue(manager, current.userId, current.familyId);
    });
  }

  /** Signs a session out: the token's whole family stops working. Unknown tokens are ignored. */
  async revoke(token: string | undefined): Promise<void> {
    if (!token) return;
    const current = await this.db.getRepository(RefreshToken).findOneBy({ tokenHash: hashRefreshToken(token) });
    if (current) await this.revokeFamily(this.db.manager, current.familyId, new Date());
  }

  private async issue(manager: EntityManager, userId: string, familyId: string): Promise<IssuedRefreshToken> {
    const token = newRefreshToken();
    const expiresAt = new Date(Date.now() + this.config.REFRESH_TTL_DAYS * 24 * 3600 * 1000);
    await manager.getRepository(RefreshToken).insert({ userId, familyId, tokenHash: hashRefreshToken(token), expiresAt });
    return { userId, token, expiresAt };
  }

  private async revokeFamily(manager: EntityManager, familyId: string, now: Date): Promise<void> {
    await manager.getRepository(RefreshToken).update({ familyId, revokedAt: IsNull() }, { revokedAt: now });
  }
}
