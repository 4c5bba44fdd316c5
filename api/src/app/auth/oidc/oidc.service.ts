import { Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OidcLoginError } from '@lava/contracts';
import * as client from 'openid-client';
import { DataSource } from 'typeorm';
import { LavaConfig } from '../../config/lava-config';

/** What we remember between the redirect to the identity provider and its answer. */
interface PendingLogin {
  state: string;
  nonce: string;
  verifier: string;
}

export const OIDC_COOKIE = 'lava_oidc';
const PENDING_TTL_SECONDS = 600;
/** Youth council members never sign in through a municipal identity provider. */
const STAFF_ROLES = ['official', 'reviewer', 'committee_chair', 'admin'];

/**
 * OpenID Connect authorization-code flow with PKCE for staff. State, nonce and the PKCE verifier
 * travel in a short-lived signed cookie, so no server-side session store is needed. The person
 * must already have an active Lava account with the e-mail address the provider vouches for.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger(OidcService.name);
  private configuration?: Promise<client.Configuration>;

  constructor(
    @Inject(LavaConfig) private readonly config: LavaConfig,
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  get enabled(): boolean {
    return !!this.config.OIDC_ISSUER;
  }

  get redirectUri(): string {
    return this.config.OIDC_REDIRECT_URI ?? `${this.config.WEB_ORIGIN.replace(/\/$/, '')}/api/auth/oidc/callback`;
  }

  /** The provider's authorization URL, and the signed cookie value to set before redirecting. */
  async start(): Promise<{ url: string; cookie: string }> {
    const configuration = await this.discover();
    const pending: PendingLogin = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier() };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope: 'openid email profile',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
    });
    const cookie = await this.jwt.signAsync({ ...pending, purpose: 'oidc' }, { expiresIn: PENDING_TTL_SECONDS });
    return { url: url.toString(), cookie };
  }

  /** Checks the provider's answer; returns the signed-in user's id, or why not. */
  async finish(query: string, cookie: string | undefined): Promise<{ userId: string } | { error: OidcLoginError }> {
    try {
      if (!cookie) return { error: 'oidc_failed' };
      const pending = await this.jwt.verifyAsync<PendingLogin & { purpose: string }>(cookie);
      if (pending.purpose !== 'oidc') return { error: 'oidc_failed' };
      const configuration = await this.discover();
      const tokens = await client.authorizationCodeGrant(configuration, new URL(`${this.redirectUri}${query}`), {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      let claims: Record<string, unknown> = { ...(tokens.claims() ?? {}) };
      // Many providers keep the e-mail address out of the ID token; the UserInfo endpoint has it.
      if (typeof claims['email'] !== 'string' && typeof claims['sub'] === 'string') {
        claims = { ...claims, ...(await client.fetchUserInfo(configuration, tokens.access_token, claims['sub'])) };
      }
      const email = typeof claims['email'] === 'string' ? claims['email'].trim().toLowerCase() : '';
      if (!email || claims['email_verified'] === false) return { error: 'oidc_no_account' };
      const [user]: { id: string }[] = await this.db.query(
        `SELECT u.id FROM users u
          WHERE u.email = $1 AND u.active
            AND EXISTS (SELECT 1 FROM memberships ms WHERE ms.user_id = u.id AND ms.role = ANY($2))`,
        [email, STAFF_ROLES],
      );
      return user ? { userId: user.id } : { error: 'oidc_no_account' };
    } catch (error) {
      this.logger.warn(`Organization sign-in failed: ${(error as Error).message}`);
      return { error: 'oidc_failed' };
    }
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
