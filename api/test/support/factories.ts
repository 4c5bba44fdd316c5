import type { CouncilOffice, Role } from '@lava/contracts';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../../src/app/auth/passwords';
import { Membership } from '../../src/app/organizations/membership.entity';
import { Organization } from '../../src/app/organizations/organization.entity';
import { User } from '../../src/app/users/user.entity';

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

export interface TestMunicipality {
  municipality: Organization;
  education: Organization;
  youthCouncil: Organization;
}

/** A municipality with an education committee and a youth council, under its own region. */
export async function createMunicipality(db: DataSource, name: string): Promise<TestMunicipality> {
  const orgs = db.getRepository(Organization);
  const region = await orgs.save(
    orgs.create({ kind: 'region', parentId: null, nameFi: `${name} seutu`, nameSv: `${name} region`, nameEn: `${name} region` }),
  );
  const municipality = await orgs.save(
    orgs.create({ kind: 'municipality', parentId: region.id, nameFi: name, nameSv: `${name} sv`, nameEn: `${name} en` }),
  );
  const education = await orgs.save(
    orgs.create({
      kind: 'committee',
      parentId: municipality.id,
      nameFi: 'Sivistyslautakunta',
      nameSv: 'Bildningsnämnden',
      nameEn: 'Education Committee',
    }),
  );
  const youthCouncil = await orgs.save(
    orgs.create({
      kind: 'youth_council',
      parentId: municipality.id,
      nameFi: 'Nuorisovaltuusto',
      nameSv: 'Ungdomsfullmäktige',
      nameEn: 'Youth Council',
    }),
  );
  return { municipality, education, youthCouncil };
}

/** A user with one role in one organization (a youth council member may hold a council office); password TEST_PASSWORD. */
export async function createUser(
  db: DataSource,
  role: Role,
  organization: Organization,
  overrides: Partial<Pick<User, 'language' | 'active' | 'displayName'>> & { councilOffice?: CouncilOffice } = {},
): Promise<User> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const users = db.getRepository(User);
  const user = await users.save(
    users.create({
      email: `${role}-${randomBytes(4).toString('hex')}@test.example`,
      displayName: overrides.displayName ?? `Test ${role}`,
      language: overrides.language ?? 'fi',
      active: overrides.active ?? true,
      passwordHash: await passwordHash,
    }),
  );
  await db
    .getRepository(Membership)
    .insert({ userId: user.id, organizationId: organization.id, role, councilOffice: overrides.councilOffice ?? null });
  return user;
}

/**
 * Makes a drafted assessment's record complete enough for review (see recordCompleteness): the
 * direction of every impact not yet judged becomes "unknown" (so both alternatives have the general
 * principles considered), an evidence gap and the reason no children's views were heard are stated
 * where none were. Setup for tests of what comes after drafting; it does not touch the version.
 */
export async function makeReviewReady(db: DataSource, assessmentId: string): Promise<void> {
  await db.query(`UPDATE impact_matrix_rows SET direction = 'unknown' WHERE assessment_id = $1 AND direction IS NULL`, [assessmentId]);
  await db.query(
    `UPDATE assessments
        SET evidence_gaps = CASE WHEN evidence_gaps = '' THEN 'Paikallista tietoa ei ole.' ELSE evidence_gaps END,
            views_not_heard_reason = CASE WHEN views_what_they_said = '' AND views_not_heard_reason = ''
                                          THEN 'Lapsia kuullaan lausuntokierroksella.' ELSE views_not_heard_reason END
      WHERE id = $1`,
    [assessmentId],
  );
}

/** The actions that go to review, for test helpers that make the record ready first. */
export const TO_REVIEW_ACTIONS: readonly string[] = [
  'send_to_review_without_consultation',
  'close_consultation',
  'close_consultation_early',
];
/** The actions that sign the screening: a test's official confirms signing. */
export const SIGNING_ACTIONS: readonly string[] = ['screen_out', 'start_full_assessment'];

/**
 * Today's date in Finland (YYYY-MM-DD), as the API's date rules reckon it: between 22:00 and 24:00 UTC
 * (midnight to 02:00 in Helsinki) the UTC date is yesterday there, and a meeting "before the council was asked".
 */
export function helsinkiToday(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Helsinki' });
}
