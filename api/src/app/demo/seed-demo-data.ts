import type { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../auth/passwords';
import { Membership } from '../organizations/membership.entity';
import { Organization } from '../organizations/organization.entity';
import { User } from '../users/user.entity';
import {
  DEMO_ASSESSMENTS,
  DEMO_COMMITTEES,
  DEMO_MUNICIPALITIES,
  DEMO_PASSWORD,
  DEMO_REGION,
  DEMO_USERS,
  DEMO_WELLBEING_COUNTY,
} from './demo-data';
import { insertDemoAssessment } from './insert-demo-assessment';
import { seedCountyDemo } from './seed-bodies';
import { seedCommentsDemo } from './seed-comments';
import { seedConsultationDemo } from './seed-consultation';
import { seedRecordContent } from './seed-content';
import { seedNotificationsDemo } from './seed-notifications';
import { seedReviewDemo } from './seed-review';
import { seedSurveysDemo } from './seed-surveys';

/** Seeds the Kymenlaakso demo once. Returns false when it was already there. */
export async function seedDemoData(db: DataSource): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Serialise concurrent seeders (two `npm start`s against one database).
    await tx.query('SELECT pg_advisory_xact_lock(7254002)');
    const existing = await tx.getRepository(User).countBy({ email: DEMO_USERS[0].email });
    if (existing > 0) return false;
    await seed(tx);
    return true;
  });
}

async function seed(tx: EntityManager): Promise<void> {
  const orgs = tx.getRepository(Organization);
  const org = (kind: Organization['kind'], names: readonly [string, string, string], parentId: string | null) =>
    orgs.save(orgs.create({ kind, parentId, nameFi: names[0], nameSv: names[1], nameEn: names[2] }));

  const region = await org('region', DEMO_REGION.names, null);
  await org('wellbeing_county', DEMO_WELLBEING_COUNTY.names, region.id);

  const municipalities = new Map<string, { id: string; committees: Record<'education' | 'technical', string>; youthCouncil: string }>();
  for (const m of DEMO_MUNICIPALITIES) {
    const municipality = await org('municipality', m.names, region.id);
    const committees = { education: '', technical: '' };
    for (const c of DEMO_COMMITTEES) committees[c.key] = (await org('committee', c.names, municipality.id)).id;
    const youthCouncil = await org(
      'youth_council',
      [`${m.genitiveFi} nuorisovaltuusto`, `Ungdomsfullmäktige i ${m.names[1]}`, `${m.names[2]} Youth Council`],
      municipality.id,
    );
    municipalities.set(m.key, { id: municipality.id, committees, youthCouncil: youthCouncil.id });
  }

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const userIds = new Map<string, string>();
  for (const u of DEMO_USERS) {
    const user = await tx
      .getRepository(User)
      .save(tx.getRepository(User).create({ email: u.email, displayName: u.displayName, language: u.language, passwordHash }));
    userIds.set(u.email, user.id);
    let organizationId = region.id;
    if ('municipality' in u.at) {
      const m = demoMunicipality(municipalities, u.at.municipality);
      organizationId = u.at.unit === 'education' ? m.committees.education : u.at.unit === 'youth_council' ? m.youthCouncil : m.id;
    }
    await tx.getRepository(Membership).insert({ userId: user.id, organizationId, role: u.role, councilOffice: u.councilOffice ?? null });
  }

  for (const a of DEMO_ASSESSMENTS) {
    const m = demoMunicipality(municipalities, a.municipality);
    const officialId = userIds.get(a.official);
    if (!officialId) throw new Error(`demo data: no user ${a.official}`);
    await insertDemoAssessment(tx, {
      title: a.title,
      stage: a.stage,
      municipalityId: m.id,
      committeeId: m.committees[a.committee],
      plannedMeetingDate: a.plannedMeetingDate,
      caseNumber: a.caseNumber,
      responsibleOfficialId: officialId,
    });
  }
  await seedRecordContent(tx);
  await seedConsultationDemo(tx);
  await seedCommentsDemo(tx);
  await seedReviewDemo(tx);
  await seedNotificationsDemo(tx);
  await seedSurveysDemo(tx);
  await seedCountyDemo(tx, passwordHash);
}

function demoMunicipality<T>(municipalities: Map<string, T>, key: string): T {
  const found = municipalities.get(key);
  if (!found) throw new Error(`demo data: no municipality ${key}`);
  return found;
}
