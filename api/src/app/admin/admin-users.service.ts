import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type AdminDeactivation,
  type AdminUserView,
  type CouncilOffice,
  type Language,
  type MembershipRequest,
  type MembershipsSaved,
  type Page,
  type ReplacedOfficeHolder,
  ROLE_ORGANIZATION_KINDS,
} from '@lava/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { AuditService } from '../audit/audit.service';
import { requestProblems } from '../common/validation';
import { nameColumn } from '../organizations/organizations.service';
import { AdminScope } from './admin-scope.service';
import type { UpdateMembershipsDto } from './admin-users.dto';

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  language: Language;
  active: boolean;
}

@Injectable()
export class AdminUsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: AdminScope,
    private readonly audit: AuditService,
  ) {}

  /** People with a role in the admin's organizations, by e-mail address (keyset: the address). */
  async list(admin: AuthenticatedUser, limit: number, cursor: string | undefined, language: Language): Promise<Page<AdminUserView>> {
    const orgIds = await this.scope.organizationIds(admin.id);
    const rows: UserRow[] = await this.db.query(
      `SELECT u.id, u.email, u.display_name, u.language, u.active
         FROM users u
        WHERE EXISTS (SELECT 1 FROM memberships ms WHERE ms.user_id = u.id AND ms.organization_id = ANY($1))
          ${cursor ? 'AND u.email > $3' : ''}
        ORDER BY u.email
        LIMIT $2`,
      cursor ? [orgIds, limit + 1, cursor] : [orgIds, limit + 1],
    );
    const page = rows.slice(0, limit);
    const views = await this.views(page, orgIds, language);
    return { items: views, nextCursor: rows.length > limit ? (page[page.length - 1]?.email ?? null) : null };
  }

  async get(admin: AuthenticatedUser, userId: string, language: Language): Promise<AdminUserView> {
    const orgIds = await this.scope.organizationIds(admin.id);
    const { row } = await this.inScope(this.db.manager, userId, orgIds);
    return (await this.views([row], orgIds, language))[0] as AdminUserView;
  }

  /**
   * Deactivating is account-wide, so it is allowed only over someone whose every role is in the
   * admin's organizations; it ends their sessions at once (refresh tokens revoked, access tokens stop
   * on the next request). Someone who also has roles elsewhere only loses the roles here: the other
   * organizations' admins decide about the account.
   */
  async deactivate(admin: AuthenticatedUser, userId: string): Promise<AdminDeactivation> {
    if (userId === admin.id) throw new BadRequestException('You cannot deactivate your own account.');
    const orgIds = await this.scope.organizationIds(admin.id);
    return this.db.transaction(async (tx) => {
      const { row, wholePerson } = await this.inScope(tx, userId, orgIds, true);
      if (!wholePerson) {
        const [removed]: [{ organization_id: string; role: string }[], number] = await tx.query(
          `DELETE FROM memberships WHERE user_id = $1 AND organization_id = ANY($2) RETURNING organization_id, role`,
          [userId, orgIds],
        );
        await this.audit.record(tx, {
          actorUserId: admin.id,
          entityType: 'user',
          entityId: userId,
          action: 'user.roles_removed',
          details: { roles: removed.map((m) => `${m.role}@${m.organization_id}`).join(',') },
        });
        return { outcome: 'roles_removed' };
      }
      if (!row.active) return { outcome: 'deactivated' };
      await tx.query(`UPDATE users SET active = false, updated_at = now(), version = version + 1 WHERE id = $1`, [userId]);
      await tx.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
      await this.audit.record(tx, { actorUserId: admin.id, entityType: 'user', entityId: userId, action: 'user.deactivated' });
      return { outcome: 'deactivated' };
    });
  }

  /** Only over someone whose every role is in the admin's organizations (whoever deactivated them elsewhere decides there). */
  async reactivate(admin: AuthenticatedUser, userId: string): Promise<void> {
    const orgIds = await this.scope.organizationIds(admin.id);
    await this.db.transaction(async (tx) => {
      const { row, wholePerson } = await this.inScope(tx, userId, orgIds, true);
      if (row.active) return;
      if (!wholePerson) {
        throw new ConflictException(
          'This person also has roles in organizations you do not administer. An administrator of those organizations can reactivate them.',
        );
      }
      await tx.query(`UPDATE users SET active = true, updated_at = now(), version = version + 1 WHERE id = $1`, [userId]);
      await this.audit.record(tx, { actorUserId: admin.id, entityType: 'user', entityId: userId, action: 'user.reactivated' });
    });
  }

  /**
   * Replaces the memberships inside the admin's organizations; memberships elsewhere are not touched.
   * A council office given here passes from its current holder, who stays a plain member.
   */
  async setMemberships(admin: AuthenticatedUser, userId: string, dto: UpdateMembershipsDto, language: Language): Promise<MembershipsSaved> {
    const orgIds = await this.scope.organizationIds(admin.id);
    const { row, replaced } = await this.db.transaction(async (tx) => {
      const { row } = await this.inScope(tx, userId, orgIds, true);
      await checkMemberships(tx, dto.memberships, orgIds);
      if (userId === admin.id && !dto.memberships.some((m) => m.role === 'admin')) {
        throw new BadRequestException('You cannot remove your own admin role; ask another admin.');
      }
      await tx.query(`DELETE FROM memberships WHERE user_id = $1 AND organization_id = ANY($2)`, [userId, orgIds]);
      for (const m of dto.memberships) {
        await tx.query(`INSERT INTO memberships (user_id, organization_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
          userId,
          m.organizationId,
          m.role,
        ]);
      }
      const replaced = await assignCouncilOffices(tx, this.audit, admin.id, userId, dto.memberships);
      await this.audit.record(tx, {
        actorUserId: admin.id,
        entityType: 'user',
        entityId: userId,
        action: 'user.roles_changed',
        details: { roles: describeMemberships(dto.memberships) },
      });
      return { row, replaced };
    });
    // The person as they are now, also when no membership in the admin's organizations is left (removed
    // from all of them): `get` would no longer find them in scope and answer 404 after the change was saved.
    const [view] = await this.views([row], orgIds, language);
    return { ...(view as AdminUserView), replacedOfficeHolders: await this.describeHolders(replaced, language) };
  }

  /** Names, in the admin's language, of those whose office passed on. */
  private async describeHolders(holders: PassedOffice[], language: Language): Promise<ReplacedOfficeHolder[]> {
    if (holders.length === 0) return [];
    const rows: { user_id: string; display_name: string; organization_id: string; name: string }[] = await this.db.query(
      `SELECT u.id AS user_id, u.display_name, o.id AS organization_id, o.${nameColumn(language)} AS name
         FROM users u CROSS JOIN organizations o WHERE u.id = ANY($1) AND o.id = ANY($2)`,
      [holders.map((h) => h.userId), holders.map((h) => h.organizationId)],
    );
    return holders.map((h) => {
      const row = rows.find((r) => r.user_id === h.userId && r.organization_id === h.organizationId);
      return {
        userId: h.userId,
        displayName: row?.display_name ?? '',
        organizationId: h.organizationId,
        organizationName: row?.name ?? '',
        office: h.office,
      };
    });
  }

  /**
   * The user if they have a role in the admin's organizations, otherwise 404 as if they did not exist;
   * `wholePerson` when every role of theirs is in them (AdminScope.person: the rule erasure follows too).
   */
  private async inScope(
    tx: EntityManager,
    userId: string,
    orgIds: string[],
    lock = false,
  ): Promise<{ row: UserRow; wholePerson: boolean }> {
    const [row]: UserRow[] = await tx.query(
      `SELECT u.id, u.email, u.display_name, u.language, u.active FROM users u WHERE u.id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [userId],
    );
    const scope = row ? await this.scope.person(tx, userId, orgIds) : 'not_found';
    if (!row || scope === 'not_found') throw new NotFoundException('No such user.');
    return { row, wholePerson: scope === 'in_scope' };
  }

  private async views(rows: UserRow[], orgIds: string[], language: Language): Promise<AdminUserView[]> {
    if (rows.length === 0) return [];
    const column = nameColumn(language);
    const memberships: {
      user_id: string;
      organization_id: string;
      name: string;
      kind: AdminUserView['memberships'][number]['organizationKind'];
      role: AdminUserView['memberships'][number]['role'];
      council_office: CouncilOffice | null;
    }[] = await this.db.query(
      `SELECT ms.user_id, ms.organization_id, o.${column} AS name, o.kind, ms.role, ms.council_office
           FROM memberships ms JOIN organizations o ON o.id = ms.organization_id
          WHERE ms.user_id = ANY($1) AND ms.organization_id = ANY($2)
          ORDER BY o.${column}, ms.role`,
      [rows.map((r) => r.id), orgIds],
    );
    return rows.map((r) => ({
      id: r.id,
      email: r.email,
      displayName: r.display_name,
      language: r.language,
      active: r.active,
      memberships: memberships
        .filter((m) => m.user_id === r.id)
        .map((m) => ({
          organizationId: m.organization_id,
          organizationName: m.name,
          organizationKind: m.kind,
          role: m.role,
          councilOffice: m.council_office,
        })),
    }));
  }
}

/** Refuses (400, field by field) roles outside the admin's organizations, not possible in the organization's kind, or offices outside a youth council. */
export async function checkMemberships(tx: EntityManager, memberships: MembershipRequest[], orgIds: string[]): Promise<void> {
  const kinds: { id: string; kind: keyof typeof KIND_NAMES }[] = await tx.query(`SELECT id, kind FROM organizations WHERE id = ANY($1)`, [
    memberships.map((m) => m.organizationId),
  ]);
  const problems = memberships.flatMap((m, index) => {
    const org = kinds.find((k) => k.id === m.organizationId);
    if (!org || !orgIds.includes(org.id))
      return [{ field: `memberships.${index}.organizationId`, messages: ['is not one of your organizations'] }];
    if (!ROLE_ORGANIZATION_KINDS[m.role].includes(org.kind))
      return [{ field: `memberships.${index}.role`, messages: [`${m.role} is not a role in a ${KIND_NAMES[org.kind]}`] }];
    if (m.councilOffice != null && m.role !== 'youth_council_member')
      return [
        { field: `memberships.${index}.councilOffice`, messages: ['only a youth council member can be the council’s chair or secretary'] },
      ];
    return [];
  });
  if (problems.length > 0) {
    throw requestProblems(problems);
  }
}

/** A council office that passed from `userId` to someone else. */
export interface PassedOffice {
  userId: string;
  organizationId: string;
  office: CouncilOffice;
}

/**
 * Gives `userId` the council offices asked for (their youth-council memberships must exist by now).
 * A council has one chair and one secretary: the current holder becomes a plain member (audited as
 * `user.council_office_passed_on`, done by `actorUserId`), and is returned. Memberships given without
 * an office are left as they are.
 */
export async function assignCouncilOffices(
  tx: EntityManager,
  audit: AuditService,
  actorUserId: string,
  userId: string,
  memberships: MembershipRequest[],
): Promise<PassedOffice[]> {
  const passed: PassedOffice[] = [];
  const done = new Set<string>();
  for (const m of memberships) {
    if (m.role !== 'youth_council_member' || m.councilOffice == null || done.has(m.organizationId)) continue;
    done.add(m.organizationId);
    const office = m.councilOffice;
    // Two admins naming a chair at once: the second waits here and then sees the first one's chair.
    await tx.query(`SELECT id FROM organizations WHERE id = $1 FOR UPDATE`, [m.organizationId]);
    const [holders]: [{ user_id: string }[], number] = await tx.query(
      `UPDATE memberships SET council_office = NULL
        WHERE organization_id = $1 AND council_office = $2 AND user_id <> $3 AND role = 'youth_council_member'
        RETURNING user_id`,
      [m.organizationId, office, userId],
    );
    passed.push(...holders.map((h) => ({ userId: h.user_id, organizationId: m.organizationId, office })));
    await tx.query(
      `UPDATE memberships SET council_office = $3 WHERE user_id = $1 AND organization_id = $2 AND role = 'youth_council_member'`,
      [userId, m.organizationId, office],
    );
  }
  for (const p of passed) {
    await audit.record(tx, {
      actorUserId,
      entityType: 'user',
      entityId: p.userId,
      action: 'user.council_office_passed_on',
      details: { office: p.office, organizationId: p.organizationId, to: userId },
    });
  }
  return passed;
}

/** For the audit trail: `role(office)@organization`, comma-separated. */
export function describeMemberships(memberships: MembershipRequest[]): string {
  return memberships.map((m) => `${m.role}${m.councilOffice ? `(${m.councilOffice})` : ''}@${m.organizationId}`).join(',');
}

const KIND_NAMES = {
  region: 'region',
  municipality: 'municipality',
  wellbeing_county: 'wellbeing services county',
  committee: 'committee',
  youth_council: 'youth council',
} as const;
