import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import type { CurrentUser, LoginResponse } from '@lava/contracts';
import { Repository } from 'typeorm';
import { LavaConfig } from '../config/lava-config';
import { Membership } from '../organizations/membership.entity';
import { organizationName } from '../organizations/organization.entity';
import { MUNICIPAL_STAFF_ROLES, municipalitiesWhereSql } from '../organizations/organizations.service';
import { User } from '../users/user.entity';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { dummyPasswordHash, passwordMatches } from './passwords';

/** Access tokens name their audience and type, so no other token signed with JWT_SECRET (the OIDC cookie) passes as one. */
export const ACCESS_TOKEN_AUDIENCE = 'lava-api';
export const ACCESS_TOKEN_TYPE = 'at+jwt';

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Membership) private readonly memberships: Repository<Membership>,
    private readonly jwt: JwtService,
    @Inject(LavaConfig) private readonly config: LavaConfig,
  ) {}

  async verifyPassword(email: string, password: string): Promise<AuthenticatedUser | null> {
    const user = await this.users
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email: email.trim().toLowerCase() })
      .getOne();
    const matches = await passwordMatches(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user || !user.active || !user.passwordHash || !matches) return null;
    return this.loadActiveUser(user.id);
  }

  /**
   * Every authenticated request runs this (jwt.strategy.ts), so it is one statement, not three: the
   * person, if still active, with their memberships and the municipalities where they are staff
   * (which every read of an assessment asks).
   */
  async loadActiveUser(userId: string): Promise<AuthenticatedUser | null> {
    const [row]: (Pick<AuthenticatedUser, 'id' | 'email' | 'memberships'> & {
      display_name: string;
      language: AuthenticatedUser['language'];
      staff_municipality_ids: string[];
    })[] = await this.users.manager.query(
      `SELECT u.id, u.email, u.display_name, u.language,
                coalesce(json_agg(json_build_object('organizationId', m.organization_id, 'role', m.role, 'councilOffice', m.council_office))
                           FILTER (WHERE m.user_id IS NOT NULL), '[]') AS memberships,
                ARRAY(${municipalitiesWhereSql('u.id', '$2')})::text[] AS staff_municipality_ids
           FROM users u LEFT JOIN memberships m ON m.user_id = u.id
          WHERE u.id = $1 AND u.active
          GROUP BY u.id`,
      [userId, MUNICIPAL_STAFF_ROLES],
    );
    if (!row) return null;
    return {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      language: row.language,
      memberships: row.memberships,
      staffMunicipalityIds: row.staff_municipality_ids,
    };
  }

  async issueToken(user: AuthenticatedUser): Promise<LoginResponse> {
    const accessToken = await this.jwt.signAsync(
      { sub: user.id },
      { expiresIn: this.config.JWT_TTL_SECONDS, audience: ACCESS_TOKEN_AUDIENCE, header: { alg: 'HS256', typ: ACCESS_TOKEN_TYPE } },
    );
    return { accessToken, expiresIn: this.config.JWT_TTL_SECONDS, user: await this.describe(user) };
  }

  /** The user as the web app sees them, with organization names in their language. */
  async describe(user: AuthenticatedUser): Promise<CurrentUser> {
    const memberships = await this.memberships.find({ where: { userId: user.id }, relations: { organization: true } });
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      language: user.language,
      memberships: memberships.flatMap(({ organization, organizationId, role, councilOffice }) =>
        organization
          ? [
              {
                organizationId,
                organizationName: organizationName(organization, user.language),
                organizationKind: organization.kind,
                role,
                councilOffice,
              },
            ]
          : [],
      ),
    };
  }
}
