import type { CouncilOffice, Role } from '@lava/contracts';
import type { EntityManager } from 'typeorm';
import { Membership } from '../organizations/membership.entity';
import { User } from '../users/user.entity';
import { DEMO_WELLBEING_COUNTY } from './demo-data';
import { insertDemoAssessment } from './insert-demo-assessment';

/**
 * The wellbeing services county in the demo (issue 13): Kymenlaakson hyvinvointialue assesses its
 * own decisions with its board (aluehallitus); its register holds a pupil council (members with
 * accounts: a pupil and the guidance teacher) and an NGO with an e-mail-only contact. One
 * assessment is in consultation, heard by Kotka's and Hamina's youth councils and the pupil
 * council; another waits in draft for the official to ask the pupil council and the NGO.
 */
export interface DemoCountyUser {
  email: string;
  displayName: string;
  language: 'fi' | 'sv' | 'en';
  role: Role;
  at: 'county' | 'board' | 'pupil_council';
  councilOffice?: CouncilOffice;
}

export const DEMO_COUNTY_USERS: DemoCountyUser[] = [
  { email: 'official@kymenhva.example', displayName: 'Hanna Laine', language: 'fi', role: 'official', at: 'county' },
  { email: 'reviewer@kymenhva.example', displayName: 'Timo Salo', language: 'fi', role: 'reviewer', at: 'county' },
  { email: 'chair@kymenhva.example', displayName: 'Marja Koivisto', language: 'fi', role: 'committee_chair', at: 'board' },
  {
    email: 'pupil@langinkoski.example',
    displayName: 'Oona',
    language: 'fi',
    role: 'youth_council_member',
    at: 'pupil_council',
    councilOffice: 'chair',
  },
  // The guidance teacher who keeps the pupil council's minutes.
  {
    email: 'teacher@langinkoski.example',
    displayName: 'Sari Ohjaaja',
    language: 'fi',
    role: 'youth_council_member',
    at: 'pupil_council',
    councilOffice: 'secretary',
  },
];

/** The NGO's e-mail-only contact: no account, answers through the link in the e-mail. */
export const DEMO_NGO_CONTACT = { name: 'Maija Mäkinen', email: 'ngo@mll-kymenlaakso.example', language: 'fi' as const };

export const DEMO_COUNTY_BOARD = ['Aluehallitus', 'Områdesstyrelsen', 'County Board'] as const;
export const DEMO_PUPIL_COUNCIL = [
  'Langinkosken koulun oppilaskunta',
  'Elevkåren vid Langinkoski skola',
  'Langinkoski School Pupil Council',
] as const;
export const DEMO_NGO = ['MLL:n Kymenlaakson piiri', 'MLL Kymmenedalens distrikt', 'MLL Kymenlaakso District'] as const;
export const DEMO_COUNTY_CONSULTED = 'Perhekeskusten aukioloajat 2027';
export const DEMO_COUNTY_DRAFT = 'Nuorten mielenterveyspalvelujen porrastus';

const DAY = 86_400_000;
const SUMMARY =
  'Hyvinvointialue miettii, milloin perhekeskukset ovat auki. Haluamme kuulla, mikä aika sopii lapsille, nuorille ja perheille parhaiten.';

export async function seedCountyDemo(tx: EntityManager, passwordHash: string): Promise<void> {
  const [county]: { id: string }[] = await tx.query(`SELECT id FROM organizations WHERE kind = 'wellbeing_county' AND name_fi = $1`, [
    DEMO_WELLBEING_COUNTY.names[0],
  ]);
  if (!county) return;
  const insertOrg = async (kind: string, names: readonly string[], bodyType: string | null = null) =>
    (
      await tx.query(
        `INSERT INTO organizations (kind, parent_id, name_fi, name_sv, name_en, body_type) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [kind, county.id, names[0], names[1], names[2], bodyType],
      )
    )[0].id as string;
  const board = await insertOrg('committee', DEMO_COUNTY_BOARD);
  const pupilCouncil = await insertOrg('heard_body', DEMO_PUPIL_COUNCIL, 'pupil_council');
  const ngo = await insertOrg('heard_body', DEMO_NGO, 'ngo');
  await tx.query(`INSERT INTO body_contacts (organization_id, name, email, language) VALUES ($1, $2, $3, $4)`, [
    ngo,
    DEMO_NGO_CONTACT.name,
    DEMO_NGO_CONTACT.email,
    DEMO_NGO_CONTACT.language,
  ]);

  const ids = new Map<string, string>();
  for (const u of DEMO_COUNTY_USERS) {
    const user = await tx
      .getRepository(User)
      .save(tx.getRepository(User).create({ email: u.email, displayName: u.displayName, language: u.language, passwordHash }));
    ids.set(u.email, user.id);
    const organizationId = u.at === 'county' ? county.id : u.at === 'board' ? board : pupilCouncil;
    await tx.getRepository(Membership).insert({ userId: user.id, organizationId, role: u.role, councilOffice: u.councilOffice ?? null });
  }
  const officialId = ids.get('official@kymenhva.example') as string;

  const assess = (title: string, stage: 'draft' | 'consultation', caseNumber: string, meeting: string) =>
    insertDemoAssessment(tx, {
      title,
      stage,
      municipalityId: county.id,
      committeeId: board,
      plannedMeetingDate: meeting,
      caseNumber,
      responsibleOfficialId: officialId,
      screeningAffectsChildren: true,
      plainLanguageSummary: SUMMARY,
    });
  const consulted = await assess(DEMO_COUNTY_CONSULTED, 'consultation', 'KYMHVA/211/00.01.02/2026', '2027-02-24');
  await assess(DEMO_COUNTY_DRAFT, 'draft', 'KYMHVA/318/06.00.00/2026', '2027-03-17');

  // Kotka's and Hamina's youth councils and the pupil council were asked two days ago, three weeks to answer.
  const councils: { id: string }[] = await tx.query(
    `SELECT yc.id FROM organizations yc JOIN organizations m ON m.id = yc.parent_id
      WHERE yc.kind = 'youth_council' AND m.name_fi IN ('Kotka', 'Hamina') ORDER BY m.name_fi`,
  );
  const now = Date.now();
  const deadline = new Date(Math.ceil((now + 21 * DAY) / DAY) * DAY + 14 * 3600_000);
  for (const bodyId of [...councils.map((c) => c.id), pupilCouncil]) {
    const [c]: { id: string }[] = await tx.query(
      `INSERT INTO consultations (assessment_id, youth_council_id, round, deadline, message, status, requested_by_id, opened_at, sent_version)
       VALUES ($1, $2, 1, $3, $4, 'not_started', $5, $6, $7) RETURNING id`,
      [
        consulted.id,
        bodyId,
        deadline,
        'Hei! Kertokaa, milloin perhekeskuksen pitäisi olla auki, jotta lapset ja nuoret pääsevät sinne.',
        officialId,
        new Date(now - 2 * DAY),
        consulted.version,
      ],
    );
    await tx.query(`INSERT INTO statements (consultation_id) VALUES ($1)`, [c?.id]);
  }
}
