import type { EntityManager } from 'typeorm';
import { AssessmentVersion } from '../assessments/assessment-version.entity';
import { Assessment } from '../assessments/assessment.entity';
import { AuditEvent } from '../audit/audit-event.entity';

/**
 * A demo assessment as the API would have started it: the row, its first version and its
 * `assessment.created` audit event (the trail the history, the dashboard's durations and the
 * public register read), all by the responsible official.
 */
export async function insertDemoAssessment(
  tx: EntityManager,
  fields: Partial<Assessment> & Pick<Assessment, 'title' | 'stage' | 'municipalityId' | 'responsibleOfficialId'>,
): Promise<Assessment> {
  const officialId = fields.responsibleOfficialId;
  const assessment = await tx.getRepository(Assessment).save(tx.getRepository(Assessment).create({ createdById: officialId, ...fields }));
  await tx
    .getRepository(AssessmentVersion)
    .insert({ assessmentId: assessment.id, version: assessment.version, changedById: officialId, kind: 'created' });
  await tx.getRepository(AuditEvent).insert({
    actorUserId: officialId,
    entityType: 'assessment',
    entityId: assessment.id,
    action: 'assessment.created',
    toStage: fields.stage,
    reason: 'demo data',
    details: { title: fields.title },
  });
  return assessment;
}
