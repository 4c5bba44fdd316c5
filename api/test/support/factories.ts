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
