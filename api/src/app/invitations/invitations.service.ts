import { BadRequestException, GoneException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { InvitationDetails, InvitationResult, Language, LoginResponse, PendingInvitationView } from '@lava/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AdminScope } from '../admin/admin-scope.service';
import { assignCouncilOffices, checkMemberships, describeMemberships } from '../admin/admin-users.service';
import { AuditService } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { linkTokenHash } from '../auth/link-token';
import { hashPassword, newPasswordProblem } from '../auth/passwords';
import { type IssuedRefreshToken, SessionsService } from '../auth/sessions.service';
import { LavaConfig } from '../config/lava-config';
import { NotificationOutbox } from '../notifications/notification-outbox.service';
import { nameColumn } from '../organizations/organizations.service';
import type { AcceptInvitationDto, CreateInvitationDto } from './invitations.dto';

const NOT_FOUND = 'This invitation link does not work. Check that you copied the whole link, or ask for a new invitation.';

interface InvitationRow {
  id: string;
  user_id: string;
  organization_ids: string[];
  expires_at: Date;
  sent_at: Date | null;
  accepted_at: Date | null;
  revoked_at: Date | null;
  email: string;
  display_name: string;
  active: boolean;
}

/**
 * Invitations: an admin gives a person roles by e-mail. A new address becomes an active account
 * without a password; the worker e-mails a link (made at send time, only its hash stored) with
 * which the person sets a password and is signed in. A person who already has a password is only
 * told they got access.
 */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: AdminScope,
    private readonly audit: AuditService,
    private readonly outbox: NotificationOutbox,
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    @Inject(LavaConfig) private readonly config: LavaConfig,
  ) {}

  async invite(admin: AuthenticatedUser, dto: CreateInvitationDto): Promise<InvitationResult> {
    const orgIds = await this.scope.organizationIds(admin.id);
    const email = dto.email.trim().toLowerCase();
    return this.outbox.run(async (tx, out) => {
      await checkMemberships(tx, dto.memberships, orgIds);
      const [created]: { id: string }[] = await tx.query(
        `INSERT INTO users (email, display_name, language, active) VALUES ($1, $2, $3, true)
         ON CONFLICT (email) DO NOTHING RETURNING id`,
        [email, dto.displayName ?? email.split('@')[0], dto.language],
      );
      const [user]: { id: string; active: boolean; has_password: boolean; in_scope: boolean }[] = await tx.query(
        `SELECT id, active, password_hash IS NOT NULL AS has_password,
                EXISTS (SELECT 1 FROM memberships ms WHERE ms.user_id = users.id AND ms.organization_id = ANY($2)) AS in_scope
           FROM users WHERE email = $1 FOR UPDATE`,
        [email, orgIds],
      );
      if (!user) throw new NotFoundException('No such user.');
      // What the admin may learn of the account is what their own organizations already show: for
      // someone new to them the answer is the same whether the address had an account elsewhere,
      // had a password, or was deactivated there.
      if (!user.active && user.in_scope)
        throw new BadRequestException('This person’s account is deactivated. Reactivate it on the list of people first.');
      for (const m of dto.memberships) {
        await tx.query(`INSERT INTO memberships (user_id, organization_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
          user.id,
          m.organizationId,
          m.role,
        ]);
      }
      await assignCouncilOffices(tx, this.audit, admin.id, user.id, dto.memberships);
      const organizationIds = [...new Set(dto.memberships.map((m) => m.organizationId))];
      const sent: InvitationResult['outcome'] = user.has_password ? 'access_granted' : 'invited';
      const outcome: InvitationResult['outcome'] = user.in_scope ? sent : 'invited';
      const params = {
        mode: sent === 'invited' ? 'invite' : 'access',
        inviter: admin.displayName,
        ...(await organizationNames(tx, organizationIds)),
      };
      // A deactivated account gets no mail: it cannot sign in until its own admins reactivate it.
      const ids = user.active ? await out.notify([{ recipientUserId: user.id, kind: 'invitation', assessmentId: null, params }]) : [];
      if (sent === 'invited' && user.active) {
        // Inviting again replaces the earlier unused invitation to the admin's organizations: its link
        // stops working. Other organizations' invitations are theirs (accepting any one ends the rest).
        await tx.query(
          `UPDATE invitations SET revoked_at = now()
            WHERE user_id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND organization_ids <@ $2::uuid[]`,
          [user.id, orgIds],
        );
        await tx.query(
          `INSERT INTO invitations (user_id, invited_by_user_id, organization_ids, notification_id, expires_at)
           VALUES ($1, $2, $3, $4, now() + make_interval(days => $5::int))`,
          [user.id, admin.id, organizationIds, ids[0], this.config.INVITATION_TTL_DAYS],
        );
      }
      await this.audit.record(tx, {
        actorUserId: admin.id,
        entityType: 'user',
        entityId: user.id,
        action: created ? 'user.invited' : sent === 'invited' ? 'user.reinvited' : 'user.access_granted',
        details: { roles: describeMemberships(dto.memberships) },
      });
      return { userId: user.id, outcome };
    });
  }

  /** Invitations not yet accepted, replaced or expired, to people with a role in the admin's organizations. */
  async pending(admin: AuthenticatedUser): Promise<PendingInvitationView[]> {
    const orgIds = await this.scope.organizationIds(admin.id);
    const rows: {
      id: string;
      user_id: string;
      email: string;
      display_name: string;
      created_at: Date;
      sent_at: Date | null;
      expires_at: Date;
    }[] = await this.db.query(
      `SELECT i.id, i.user_id, u.email, u.display_name, i.created_at, i.sent_at, i.expires_at
           FROM invitations i JOIN users u ON u.id = i.user_id
          WHERE i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now() AND i.organization_ids && $1::uuid[]
          ORDER BY i.created_at DESC
          LIMIT 200`,
      [orgIds],
    );
    return rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      email: r.email,
      displayName: r.display_name,
      createdAt: r.created_at.toISOString(),
      sentAt: r.sent_at?.toISOString() ?? null,
      expiresAt: r.expires_at.toISOString(),
    }));
  }

  /** What the invited person sees before setting a password. */
  async details(token: string, language: Language): Promise<InvitationDetails> {
    const row = usable(await this.find(this.db.manager, token, false));
    const column = nameColumn(language);
    const orgs: { name: string }[] = await this.db.query(`SELECT ${column} AS name FROM organizations WHERE id = ANY($1) ORDER BY 1`, [
      row.organization_ids,
    ]);
    return {
      email: row.email,
      displayName: row.display_name,
      organizationNames: orgs.map((o) => o.name),
      expiresAt: row.expires_at.toISOString(),
    };
  }

  /** Sets the password, marks the invitation used, and signs the person in (like POST /api/auth/login). */
  async accept(token: string, dto: AcceptInvitationDto): Promise<{ login: LoginResponse; session: IssuedRefreshToken }> {
    const preview = usable(await this.find(this.db.manager, token, false));
    const problem = newPasswordProblem(dto.password, preview.email);
    if (problem) throw new BadRequestException({ message: problem, details: [{ field: 'password', messages: [problem] }] });
    const passwordHash = await hashPassword(dto.password);
    const userId = await this.db.transaction(async (tx) => {
      // Locked and checked again: two acceptances with one link take turns, and the second one is refused.
      const row = usable(await this.find(tx, token, true));
      await tx.query(
        `UPDATE users SET password_hash = $2, display_name = coalesce($3, display_name), updated_at = now(), version = version + 1 WHERE id = $1`,
        [row.user_id, passwordHash, dto.displayName ?? null],
      );
      await tx.query(`UPDATE invitations SET accepted_at = now() WHERE id = $1`, [row.id]);
      // Other organizations' links to the same person stop working: none of them may set the password again.
      await tx.query(
        `UPDATE invitations SET revoked_at = now() WHERE user_id = $1 AND id <> $2 AND accepted_at IS NULL AND revoked_at IS NULL`,
        [row.user_id, row.id],
      );
      await this.audit.record(tx, {
        actorUserId: row.user_id,
        entityType: 'user',
        entityId: row.user_id,
        action: 'user.invitation_accepted',
      });
      return row.user_id;
    });
    const user = await this.auth.loadActiveUser(userId);
    if (!user) throw new GoneException('This account is no longer in use.');
    const session = await this.sessions.start(user.id, 'invitation');
    return { login: await this.auth.issueToken(user), session };
  }

  private async find(tx: EntityManager, token: string, lock: boolean): Promise<InvitationRow | undefined> {
    const [row]: InvitationRow[] = await tx.query(
      `SELECT i.id, i.user_id, i.organization_ids, i.expires_at, i.sent_at, i.accepted_at, i.revoked_at, u.email, u.display_name, u.active
         FROM invitations i JOIN users u ON u.id = i.user_id
        WHERE i.token_hash = $1 ${lock ? 'FOR UPDATE OF i' : ''}`,
      [linkTokenHash(token, NOT_FOUND)],
    );
    return row;
  }
}

/** 404 for an unknown link, 410 with the reason for one that no longer works. */
function usable(row: InvitationRow | undefined): InvitationRow {
  if (!row || !row.active) throw new NotFoundException(NOT_FOUND);
  if (row.accepted_at) throw new GoneException('This invitation has already been used. Sign in with your e-mail address and password.');
  if (row.revoked_at) throw new GoneException('This invitation was replaced by a newer one. Use the link in the newest e-mail.');
  if (row.expires_at <= new Date())
    throw new GoneException('This invitation has expired. Ask the person who invited you to send a new one.');
  return row;
}

/** The organizations' names in every language, for the e-mail (rendered later, in the person's language). */
async function organizationNames(
  tx: EntityManager,
  ids: string[],
): Promise<{ organizations_fi: string; organizations_sv: string; organizations_en: string }> {
  const rows: { name_fi: string; name_sv: string; name_en: string }[] = await tx.query(
    `SELECT name_fi, name_sv, name_en FROM organizations WHERE id = ANY($1) ORDER BY name_fi`,
    [ids],
  );
  return {
    organizations_fi: rows.map((r) => r.name_fi).join(', '),
    organizations_sv: rows.map((r) => r.name_sv).join(', '),
    organizations_en: rows.map((r) => r.name_en).join(', '),
  };
}
