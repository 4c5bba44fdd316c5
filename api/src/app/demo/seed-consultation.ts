import type { EntityManager } from 'typeorm';
import { Assessment } from '../assessments/assessment.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { Consultation, Statement, StatementPoint } from '../consultations/consultation.entities';
import { User } from '../users/user.entity';

const CONSULTED = 'Hovinsaaren nuorisotalon aukioloajat';
const DAY = 86_400_000;

/**
 * Kotka's youth-centre assessment is in consultation: Kotka's youth council was asked three days
 * ago with a deadline three weeks ahead, and its members have started drafting the statement.
 */
export async function seedConsultationDemo(tx: EntityManager): Promise<void> {
  const assessment = await tx.getRepository(Assessment).findOneBy({ title: CONSULTED });
  if (!assessment) return;
  const [council]: { id: string }[] = await tx.query(`SELECT id FROM organizations WHERE kind = 'youth_council' AND parent_id = $1`, [
    assessment.municipalityId,
  ]);
  if (!council) return;

  const users = tx.getRepository(User);
  const second = await users.findOneByOrFail({ email: 'youth2@kotka.example' });
  const first = await users.findOneBy({ email: 'youth@kotka.example' });

  if (!assessment.plainLanguageSummary.trim()) {
    await tx.getRepository(Assessment).update(
      { id: assessment.id },
      {
        plainLanguageSummary:
          'Kaupunki miettii, onko Hovinsaaren nuorisotalo auki vähemmän iltoja. Haluamme kuulla, mitä mieltä te olette. Päätös tehdään tammikuussa.',
      },
    );
  }

  const now = Date.now();
  const consultation = await tx.getRepository(Consultation).save(
    tx.getRepository(Consultation).create({
      assessmentId: assessment.id,
      youthCouncilId: council.id,
      round: 1,
      deadline: new Date(Math.ceil((now + 21 * DAY) / DAY) * DAY + 14 * 3600_000), // 16:00 Finnish time, three weeks ahead
      message:
        'Hei! Tarvitsemme nuorisovaltuuston lausunnon nuorisotalon aukioloajoista. Kertokaa, mitkä illat ovat teille tärkeimpiä ja miksi.',
      status: 'drafting',
      requestedById: assessment.responsibleOfficialId,
      openedAt: new Date(now - 3 * DAY),
    }),
  );
  const statement = await tx.getRepository(Statement).save(tx.getRepository(Statement).create({ consultationId: consultation.id }));
  const points = [
    { text: 'Perjantai- ja lauantai-illat ovat meille tärkeimmät. Silloin muuta tekemistä on vähiten.', by: first?.id ?? null },
    { text: 'Jos iltoja vähennetään, toivomme että nuorisotalo on auki edes yhden arki-illan kello 21 asti.', by: second.id },
  ];
  await tx
    .getRepository(StatementPoint)
    .insert(points.map((p, i) => ({ statementId: statement.id, position: i + 1, text: p.text, updatedById: p.by, createdById: p.by })));
  await tx.getRepository(AuditEvent).insert({
    actorUserId: assessment.responsibleOfficialId,
    entityType: 'assessment',
    entityId: assessment.id,
    action: 'consultation.planned',
    reason: 'demo data',
    details: { consultationId: consultation.id, youthCouncilId: council.id, round: 1 },
  });
}
