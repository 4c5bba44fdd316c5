import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CommitteeOption, Language, Role } from '@lava/contracts';
import { ASSESSING_KINDS, STAFF_ROLES } from '@lava/workflow';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../common/authenticated-user';

/** Roles whose holders see the unpublished work of their municipality (the workflow's STAFF_ROLES, asked municipality-wide). */
export const MUNICIPAL_STAFF_ROLES: Role[] = [...STAFF_ROLES];

/**
 * SQL selecting the ids of the assessing organizations (municipalities and wellbeing services counties) where the user (placeholder or column `user`) holds one
 * of the roles (placeholder `roles`, an array): on the municipality itself, on its region (a regional
 * admin), or on one of its committees or its youth council.
 */
export function municipalitiesWhereSql(user: string, roles: string): string {
  return `SELECT m.id
            FROM organizations m
           WHERE m.kind IN (${ASSESSING_KINDS.map((kind) => `'${kind}'`).join(', ')})
             AND EXISTS (
                   SELECT 1
                     FROM memberships ms
                     JOIN organizations o ON o.id = ms.organization_id
                    WHERE ms.user_id = ${user}
                      AND ms.role = ANY(${roles})
                      AND (o.id = m.id OR o.id = m.parent_id OR o.parent_id = m.id))`;
}

@Injectable()
export class OrganizationsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Assessing organizations (municipalities and wellbeing services counties; the name stays from
   * when only municipalities assessed) where the user holds one of `roles`: on the organization
   * itself, on its region (a regional admin), or on one of its committees or its youth council.
   */
  async municipalityIdsWhere(userId: string, roles: Role[]): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(municipalitiesWhereSql('$1', '$2'), [userId, roles]);
    return rows.map((r) => r.id);
  }

  /** The assessing organizations of the regions where the user is the regional coordinator (none for everyone else). */
  async coordinatedMunicipalityIds(userId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT o.id FROM memberships ms JOIN organizations o ON o.parent_id = ms.organization_id
        WHERE ms.user_id = $1 AND ms.role = 'regional_coordinator' AND o.kind = ANY($2)`,
      [userId, ASSESSING_KINDS],
    );
    return rows.map((r) => r.id);
  }

  /** True when the user is the regional coordinator of the region the organization belongs to. */
  async coordinates(userId: string, organizationId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM memberships ms JOIN organizations o ON o.parent_id = ms.organization_id
        WHERE ms.user_id = $1 AND ms.role = 'regional_coordinator' AND o.id = $2 LIMIT 1`,
      [userId, organizationId],
    );
    return rows.length > 0;
  }

  /**
   * Municipalities where the caller is municipal staff (MUNICIPAL_STAFF_ROLES): the JWT strategy reads
   * them with the user on every request (one statement fewer for every read of an assessment); the
   * query is the fallback for a caller built elsewhere.
   */
  async staffMunicipalityIds(user: AuthenticatedUser): Promise<readonly string[]> {
    return user.staffMunicipalityIds ?? this.municipalityIdsWhere(user.id, MUNICIPAL_STAFF_ROLES);
  }

  /**
   * The roles the user holds for one assessment: official, reviewer and admin in its municipality
   * (an admin also from the region), chair of its deciding committee, member of its municipality's
   * youth council. The workflow decides what each role may do.
   */
  async rolesForAssessment(userId: string, assessment: { municipalityId: string; committeeId: string }): Promise<Role[]> {
    const rows: { role: Role }[] = await this.db.query(
      `SELECT DISTINCT ms.role
         FROM memberships ms
         JOIN organizations o ON o.id = ms.organization_id
         JOIN organizations m ON m.id = $2
        WHERE ms.user_id = $1
          AND (   (ms.role IN ('official', 'reviewer', 'admin') AND o.id = m.id)
               OR (ms.role = 'admin' AND o.id = m.parent_id)
               OR (ms.role = 'committee_chair' AND o.id = $3)
               OR (ms.role = 'youth_council_member' AND o.kind = 'youth_council' AND o.parent_id = m.id))`,
      [userId, assessment.municipalityId, assessment.committeeId],
    );
    return rows.map((r) => r.role);
  }

  /** Committees of the municipalities where the user is an official: where they may start an assessment. */
  async committeesForOfficial(userId: string, language: Language): Promise<CommitteeOption[]> {
    const municipalityIds = await this.municipalityIdsWhere(userId, ['official']);
    if (municipalityIds.length === 0) return [];
    const column = nameColumn(language);
    const rows: { id: string; name: string; municipality_id: string; municipality_name: string }[] = await this.db.query(
      `SELECT c.id, c.${column} AS name, m.id AS municipality_id, m.${column} AS municipality_name
         FROM organizations c
         JOIN organizations m ON m.id = c.parent_id
        WHERE c.kind = 'committee' AND m.id = ANY($1)
        ORDER BY m.${column}, c.${column}`,
      [municipalityIds],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, municipalityId: r.municipality_id, municipalityName: r.municipality_name }));
  }
}

/** The organizations column holding names in `language` (a fixed whitelist, safe to interpolate). */
export function nameColumn(language: Language): 'name_fi' | 'name_sv' | 'name_en' {
  return language === 'sv' ? 'name_sv' : language === 'en' ? 'name_en' : 'name_fi';
}
