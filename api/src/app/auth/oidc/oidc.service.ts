import { Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OidcLoginError } from '@lava/contracts';
import { STAFF_ROLES as WORKFLOW_STAFF_ROLES } from '@lava/workflow';
import * as client from 'openid-client';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { LavaConfig } from '../../config/lava-config';
import { emailVouched } from './email-vouched';

/** What we remember between the redirect to the identity provider and its answer. */
interface PendingLogin {
  state: string;
  nonce: string;
  verifier: string;
  /** The Lava account whose password session started this sign-in: the provider's account may be linked to it. */
  link?: string;
}

export const OIDC_COOKIE = 'lava_oidc';
const PENDING_TTL_SECONDS = 600;
/** Youth council members never sign in through a municipal identity provider: staff only (the workflow's STAFF_ROLES). */
const STAFF_ROLES: string[] = [...WORKFLOW_STAFF_ROLES];

/**
 * OpenID Connect authorization-code flow with PKCE for staff. State, nonce and the PKCE verifier
 * travel in a short-lived signed cookie, so no server-side session store is needed.
 *
 * Sign-in goes by the provider's (issuer, subject), bound to one active staff account, never by an
 * e-mail claim alone (a provider's administrator can set anyone's e-mail). The binding is made once,
 * from a browser that is signed in to that account with its password (its refresh cookie comes
 * along to GET /api/auth/oidc), and only when the provider vouches for the same e-mail address as
 * verified (`email_verified: true`; for Entra ID, which never says, see OIDC_TRUST_LISTED_DOMAINS and
 * emailVouched) in a domain that one of the person's organizations, or one above it, allows
 * (`organizations.oidc_email_domains`).
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger(OidcService.name);
  private configuration?: Promise<client.Configuration>;

  constructor(
    @Inject(LavaConfig) private readonly config: LavaConfig,
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  get enabled(): boolean {
    return !!this.config.OIDC_ISSUER;
  }

  get redirectUri(): string {
    return this.config.OIDC_REDIRECT_URI ?? `${this.config.WEB_ORIGIN.replace(/\/$/, '')}/api/auth/oidc/callback`;
  }

  /** The provider's authorization URL, and the signed cookie value to set before redirecting. */
  async start(linkUserId: string | null): Promise<{ url: string; cookie: string }> {
    const configuration = await this.discover();
    const pending: PendingLogin = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      verifier: client.randomPKCECodeVerifier(),
      ...(linkUserId ? { link: linkUserId } : {}),
    };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: 'openid email profile',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
    });
    const cookie = await this.jwt.signAsync({ ...pending, purpose: 'oidc' }, { expiresIn: PENDING_TTL_SECONDS, audience: OIDC_COOKIE });
    return { url: url.toString(), cookie };
  }

  /** Checks the provider's answer; returns the signed-in user's id, or why not. */
  async finish(query: string, cookie: string | undefined): Promise<{ userId: string } | { error: OidcLoginError }> {
    try {
      if (!cookie) return { error: 'oidc_failed' };
      const pending = await this.jwt.verifyAsync<PendingLogin & { purpose: string }>(cookie, { audience: OIDC_COOKIE });
      if (pending.purpose !== 'oidc') return { error: 'oidc_failed' };
      const configuration = await this.discover();
      const tokens = await client.authorizationCodeGrant(configuration, new URL(`${this.redirectUri}${query}`), {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      let claims: Record<string, unknown> = { ...(tokens.claims() ?? {}) };
      const issuer = typeof claims['iss'] === 'string' ? claims['iss'] : '';
      const subject = typeof claims['sub'] === 'string' ? claims['sub'] : '';
      if (!issuer || !subject) return { error: 'oidc_failed' };
      const [bound]: { user_id: string }[] = await this.db.query(`SELECT user_id FROM oidc_identities WHERE issuer = $1 AND subject = $2`, [
        issuer,
        subject,
      ]);
      if (bound) return (await this.isActiveStaff(bound.user_id)) ? { userId: bound.user_id } : { error: 'oidc_no_account' };
      if (!pending.link) return { error: 'oidc_link_needed' };

      // The first link: the e-mail claim must be verified, be the account's own, and be in an allowed domain.
      // Many providers keep the e-mail address out of the ID token; the UserInfo endpoint has it.
      if (typeof claims['email'] !== 'string') {
        claims = { ...claims, ...(await client.fetchUserInfo(configuration, tokens.access_token, subject)) };
      }
      const email = typeof claims['email'] === 'string' ? claims['email'].trim().toLowerCase() : '';
      if (!email || !emailVouched(claims, this.config.OIDC_TRUST_LISTED_DOMAINS)) return { error: 'oidc_no_account' };
      const linked = await this.link(pending.link, issuer, subject, email);
      return linked ? { userId: pending.link } : { error: 'oidc_no_account' };
    } catch (error) {
      this.logger.warn(`Organization sign-in failed: ${(error as Error).message}`);
      return { error: 'oidc_failed' };
    }
  }

  /** Binds (issuer, subject) to the account, if the address is its own and allowed; false when not (or it has another binding there). */
  private async link(userId: string, issuer: string, subject: string, email: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const domain = email.slice(email.lastIndexOf('@') + 1);
      const [allowed]: { ok: boolean }[] = await tx.query(
        `WITH RECURSIVE staff_orgs AS (
           SELECT o.id, o.parent_id, o.oidc_email_domains FROM organizations o
             JOIN memberships ms ON ms.organization_id = o.id AND ms.user_id = $1 AND ms.role = ANY($3)
           UNION
           SELECT p.id, p.parent_id, p.oidc_email_domains FROM organizations p JOIN staff_orgs s ON s.parent_id = p.id)
         SELECT EXISTS (SELECT 1 FROM users u WHERE u.id = $1 AND u.active AND u.email = $2)
            AND EXISTS (SELECT 1 FROM staff_orgs WHERE $4 = ANY(oidc_email_domains)) AS ok`,
        [userId, email, STAFF_ROLES, domain],
      );
      if (!allowed?.ok) return false;
      // An INSERT … RETURNING answers its rows (an UPDATE would answer [rows, count]).
      const inserted: unknown[] = await tx.query(
        `INSERT INTO oidc_identities (issuer, subject, user_id, email_at_link) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING RETURNING user_id`,
        [issuer, subject, userId, email],
      );
      if (inserted.length === 0) return false; // already linked to another subject at this provider
      await this.audit.record(tx, {
        actorUserId: userId,
        entityType: 'user',
        entityId: userId,
        action: 'user.oidc_linked',
        details: { issuer, subject },
      });
      return true;
    });
  }

  private async isActiveStaff(userId: string): Promise<boolean> {
    const [row]: { ok: boolean }[] = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM users u WHERE u.id = $1 AND u.active
                        AND EXISTS (SELECT 1 FROM memberships ms WHERE ms.user_id = u.id AND ms.role = ANY($2))) AS ok`,
      [userId, STAFF_ROLES],
    );
    return row?.ok ?? false;
  }

  private discover(): Promise<client.Configuration> {
    const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: secret } = this.config;
    if (!issuer || !clientId || !secret) throw new NotFoundException('Organization sign-in is not configured.');
    this.configuration ??= client
      .discovery(new URL(issuer), clientId, secret, undefined, {
        // Plain http only for a provider on this machine outside production (development and tests).
        execute: this.config.NODE_ENV !== 'production' && new URL(issuer).protocol === 'http:' ? [client.allowInsecureRequests] : [],
      })
      .catch((error: unknown) => {
        this.configuration = undefined; // try again on the next sign-in
        throw error;
      });
    return this.configuration;
  }
}
