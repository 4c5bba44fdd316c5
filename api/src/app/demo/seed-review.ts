import { REVIEW_CHECKLIST_ITEMS, type ReviewChecklistItem } from '@lava/workflow';
import type { Stage } from '@lava/workflow';
import type { EntityManager } from 'typeorm';
import { AssessmentVersion } from '../assessments/assessment-version.entity';
import { Assessment } from '../assessments/assessment.entity';
import { AuditEvent } from '../audit/audit-event.entity';

interface DemoReview {
  title: string;
  municipality: string;
  official: string;
  reviewer: string;
  stage: Extract<Stage, 'review' | 'decision'>;
  plannedMeetingDate: string;
  caseNumber: string;
  rationale: string;
  summary: string;
  sentToReviewBecause: string;
  /** Checklist items done so far, with the reviewer's notes. */
  checklist: Partial<Record<ReviewChecklistItem, { done: boolean; comment: string }>>;
}

/**
 * Assessments waiting for the reviewer and for the committee chair, so that each demo role has
 * something to do: Kotka's reviewer has a half-done checklist, Kotka's chair a matter to decide.
 */
const DEMO_REVIEWS: DemoReview[] = [
  {
    title: 'Lasten ja nuorten harrastusseteli 2027',
    municipality: 'Kotka',
    official: 'official@kotka.example',
    reviewer: 'reviewer@kotka.example',
    stage: 'review',
    plannedMeetingDate: '2027-01-27',
    caseNumber: 'KOT/455/12.06.01/2026',
    rationale:
      'Harrastusseteli kohdistuu 7–17-vuotiaisiin. Se vaikuttaa suoraan siihen, keillä lapsilla on varaa harrastaa, erityisesti pienituloisissa perheissä.',
    summary:
      'Kaupunki haluaa antaa lapsille ja nuorille harrastussetelin. Setelillä voi maksaa osan harrastuksen hinnasta. Kysyimme nuorilta, mitä harrastuksia he haluavat.',
    sentToReviewBecause:
      'Nuorten näkemykset kerättiin Harrastamisen Suomen mallin kyselyssä (vastaajia 612); nuorisovaltuusto antoi lausunnon keväällä.',
    checklist: {
      childrens_views_gathered: { done: true, comment: 'Kysely kattaa kaikki koulut; vastausprosentti hyvä.' },
      vulnerable_groups_covered: { done: true, comment: '' },
      evidence_gaps_stated: {
        done: false,
        comment: 'Vammaisten lasten harrastusmahdollisuuksista ei ole tietoa – lisää tämä puutteisiin.',
      },
    },
  },
  {
    title: 'Koulukuljetusten hankinta 2027–2031',
    municipality: 'Kotka',
    official: 'official@kotka.example',
    reviewer: 'reviewer@kotka.example',
    stage: 'decision',
    plannedMeetingDate: '2026-12-09',
    caseNumber: 'KOT/301/02.08.00/2026',
    rationale:
      'Hankinta määrää, miten noin 900 oppilasta kulkee kouluun: odotusajat, kyytien turvallisuus ja avustajat erityisen tuen oppilaille.',
    summary:
      'Kaupunki valitsee uudet koulukyydit vuosiksi 2027–2031. Tavoite on, että kukaan ei odota kyytiä yli 30 minuuttia ja että kyyti on turvallinen.',
    sentToReviewBecause:
      'Oppilaita kuultiin oppilaskuntien kautta syksyllä; lausuntoa ei pyydetty uudelleen, koska linjaukset eivät muuttuneet.',
    checklist: Object.fromEntries(REVIEW_CHECKLIST_ITEMS.map((item) => [item, { done: true, comment: '' }])),
  },
];

/** Seeds the review and decision demo (called once from seedDemoData, inside its transaction). */
export async function seedReviewDemo(tx: EntityManager): Promise<void> {
  for (const demo of DEMO_REVIEWS) {
    const [place]: { municipality_id: string; committee_id: string }[] = await tx.query(
      `SELECT m.id AS municipality_id, c.id AS committee_id
         FROM organizations m JOIN organizations c ON c.parent_id = m.id AND c.kind = 'committee' AND c.name_fi = 'Sivistyslautakunta'
        WHERE m.kind = 'municipality' AND m.name_fi = $1`,
      [demo.municipality],
    );
    const people: { id: string; email: string }[] = await tx.query(`SELECT id, email FROM users WHERE email = ANY($1)`, [
      [demo.official, demo.reviewer],
    ]);
    const officialId = people.find((p) => p.email === demo.official)?.id;
    const reviewerId = people.find((p) => p.email === demo.reviewer)?.id;
    if (!place || !officialId || !reviewerId) throw new Error(`review demo: missing organization or people for "${demo.title}"`);

    const now = new Date();
    const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 3600 * 1000);
    const assessments = tx.getRepository(Assessment);
    const assessment = await assessments.save(
      assessments.create({
        title: demo.title,
        stage: demo.stage,
        municipalityId: place.municipality_id,
        committeeId: place.committee_id,
        plannedMeetingDate: demo.plannedMeetingDate,
        caseNumber: demo.caseNumber,
        responsibleOfficialId: officialId,
        createdById: officialId,
        screeningAffectsChildren: true,
        screeningImpactKind: 'direct',
        screeningAgeGroups: ['7-12', '13-17'],
        screeningRationale: demo.rationale,
        screeningSignedById: officialId,
        screeningSignedAt: daysAgo(30),
        plainLanguageSummary: demo.summary,
      }),
    );
    await tx.getRepository(AssessmentVersion).insert({
      assessmentId: assessment.id,
      version: assessment.version,
      changedById: officialId,
      kind: 'created',
      reason: null,
    });
    await tx.getRepository(AuditEvent).insert({
      actorUserId: officialId,
      entityType: 'assessment',
      entityId: assessment.id,
      action: 'assessment.created',
      toStage: demo.stage,
      reason: demo.sentToReviewBecause,
      details: { title: demo.title },
    });
    await tx.query(`INSERT INTO assessment_reviewers (assessment_id, reviewer_id, assigned_by_id, assigned_at) VALUES ($1, $2, $3, $4)`, [
      assessment.id,
      reviewerId,
      officialId,
      daysAgo(12),
    ]);
    const checklist = Object.fromEntries(
      Object.entries(demo.checklist).map(([item, entry]) => [
        item,
        { ...entry, updatedById: reviewerId, updatedAt: daysAgo(2).toISOString() },
      ]),
    );
    const approved = demo.stage === 'decision';
    await tx.query(
      `INSERT INTO review_rounds (assessment_id, round, started_at, ended_at, outcome, ended_by_id, checklist, version)
       VALUES ($1, 1, $2, $3, $4, $5, $6::jsonb, $7)`,
      [
        assessment.id,
        daysAgo(10),
        approved ? daysAgo(1) : null,
        approved ? 'approved' : null,
        approved ? reviewerId : null,
        JSON.stringify(checklist),
        1 + Object.keys(checklist).length + (approved ? 1 : 0),
      ],
    );
  }
}
