// Over 400 lines: the record's one write path (read, edit with optimistic versions, transitions, history and
// comparison share the version helpers at the bottom). Next split along the domain: history and compare.
import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  composeListChanges,
  isListChange,
  LIST_CHANGE_FIELDS,
  listChange,
  VERSION_SESSION_MINUTES,
  type AssessmentDetail,
  type AssessmentVersionComparison,
  type AssessmentVersionPage,
  type Language,
  type ListChange,
} from '@lava/contracts';
import {
  availableActions,
  canEditContent,
  canWriteEvaluation,
  checkTransition,
  type AvailableAction,
  type WorkflowAction,
} from '@lava/workflow';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { AuditService } from '../audit/audit.service';
import { NotificationOutbox } from '../notifications/notification-outbox.service';
import { User } from '../users/user.entity';
import { AssessmentAccess } from './assessment-access.service';
import { AssessmentExtensions } from './assessment-extensions';
import { AssessmentVersion } from './assessment-version.entity';
import { Assessment } from './assessment.entity';
import { AssessmentsService } from './assessments.service';
import type { TransitionDto, UpdateAssessmentDto } from './dto/update-assessment.dto';
import { changeTracker, type Changes } from './record-changes';
import { RecordContentService } from './record-content/record-content.service';
import { requestProblems } from '../common/validation';
import { workflowRefusal } from './workflow-refusal';
import { staleVersion } from '../common/stale-version';

/**
 * Reading and changing one assessment's record under the workflow's rules: every change is
 * checked by the shared workflow module, made against the version the editor saw (a stale version
 * answers 409 with what changed since), versioned and audited in the same transaction.
 */
@Injectable()
export class AssessmentRecordService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AssessmentAccess,
    private readonly extensions: AssessmentExtensions,
    private readonly assessments: AssessmentsService,
    private readonly audit: AuditService,
    private readonly outbox: NotificationOutbox,
    private readonly content: RecordContentService,
  ) {}

  async detail(user: AuthenticatedUser, id: string, language: Language): Promise<AssessmentDetail> {
    // One load answers both "may they read it" and the record's own columns.
    const assessment = await this.access.readable(null, user, id);
    const summary = await this.assessments.summaryOf(id, language);
    const signer = assessment.screeningSignedById
      ? await this.db.getRepository(User).findOneBy({ id: assessment.screeningSignedById })
      : null;
    return {
      ...summary,
      screening: {
        affectsChildren: assessment.screeningAffectsChildren,
        impactKind: assessment.screeningImpactKind,
        ageGroups: assessment.screeningAgeGroups,
        ageRange:
          assessment.screeningAgeMin !== null && assessment.screeningAgeMax !== null
            ? { min: assessment.screeningAgeMin, max: assessment.screeningAgeMax }
            : null,
        rationale: assessment.screeningRationale,
        signedBy: signer ? { id: signer.id, displayName: signer.displayName } : null,
        signedAt: assessment.screeningSignedAt?.toISOString() ?? null,
      },
      plainLanguageSummary: assessment.plainLanguageSummary,
      plainLanguageSummarySv: assessment.plainLanguageSummarySv,
      followUpDate: assessment.followUpDate,
      exPostEvaluation: assessment.exPostEvaluation,
      wellbeing: await this.content.wellbeing(this.db.manager, assessment.municipalityId),
      ...(await this.content.content(this.db.manager, assessment)),
    };
  }

  /** Every action out of the current stage, allowed or not, with the reasons for the refused ones. */
  async actions(user: AuthenticatedUser, id: string): Promise<readonly AvailableAction[]> {
    const assessment = await this.access.readable(null, user, id);
    return availableActions(await this.access.facts(null, assessment), await this.access.actor(user, assessment), new Date());
  }

  async update(user: AuthenticatedUser, id: string, dto: UpdateAssessmentDto, language: Language): Promise<AssessmentDetail> {
    await this.db.transaction(async (tx) => {
      const assessment = await this.access.readable(tx, user, id, true);
      // The ex-post evaluation is the one part written after the decision (in follow-up); everything else is drafting.
      const evaluationOnly = Object.entries(dto).every(
        ([key, value]) => value === undefined || key === 'version' || key === 'exPostEvaluation' || key === 'versionName',
      );
      const facts = await this.access.facts(tx, assessment);
      const actor = await this.access.actor(user, assessment);
      const permission = evaluationOnly && facts.stage === 'follow_up' ? canWriteEvaluation(facts, actor) : canEditContent(facts, actor);
      if (!permission.allowed) throw workflowRefusal(permission.reasons);
      await this.requireVersion(tx, assessment, dto.version);

      const changes: Changes = {};
      const set = changeTracker(assessment, changes);
      set('title', dto.title);
      set('plannedMeetingDate', dto.plannedMeetingDate);
      set('caseNumber', dto.caseNumber === '' ? null : dto.caseNumber);
      set('screeningAffectsChildren', dto.screening?.affectsChildren, 'screening.affectsChildren');
      set('screeningImpactKind', dto.screening?.impactKind, 'screening.impactKind');
      set('screeningAgeGroups', dto.screening?.ageGroups, 'screening.ageGroups');
      if (dto.screening?.ageRange !== undefined) {
        const range = dto.screening.ageRange;
        if (range && range.min > range.max) {
          throw requestProblems([{ field: 'screening.ageRange.max', messages: ['must not be below the lowest age'] }]);
        }
        const before =
          assessment.screeningAgeMin !== null && assessment.screeningAgeMax !== null
            ? { min: assessment.screeningAgeMin, max: assessment.screeningAgeMax }
            : null;
        const after = range ? { min: range.min, max: range.max } : null;
        if (JSON.stringify(before) !== JSON.stringify(after)) {
          changes['screening.ageRange'] = { from: before, to: after };
          assessment.screeningAgeMin = after?.min ?? null;
          assessment.screeningAgeMax = after?.max ?? null;
        }
      }
      set('screeningRationale', dto.screening?.rationale, 'screening.rationale');
      set('plainLanguageSummary', dto.plainLanguageSummary);
      set('plainLanguageSummarySv', dto.plainLanguageSummarySv);
      set('followUpDate', dto.followUpDate);
      set('exPostEvaluation', dto.exPostEvaluation);
      Object.assign(changes, await this.content.apply(tx, assessment, dto));
      if (Object.keys(changes).length === 0) {
        if (dto.versionName !== undefined) await this.nameLatestVersion(tx, user, assessment.id, dto.versionName);
        return;
      }

      await this.saveEdit(tx, user, assessment, changes, { name: dto.versionName ?? null, alone: dto.resolvesConflict === true });
      await this.audit.record(tx, {
        actorUserId: user.id,
        entityType: 'assessment',
        entityId: assessment.id,
        action: 'assessment.edited',
        details: { version: assessment.version, fields: Object.keys(changes).join(',') },
      });
    });
    return this.detail(user, id, language);
  }

  async transition(user: AuthenticatedUser, id: string, dto: TransitionDto, language: Language): Promise<AssessmentDetail> {
    await this.outbox.run(async (tx, out) => {
      const assessment = await this.access.readable(tx, user, id, true);
      const now = new Date();
      const result = checkTransition(dto.action, await this.access.facts(tx, assessment), await this.access.actor(user, assessment), now, {
        reason: dto.reason,
        signatureConfirmed: dto.signatureConfirmed,
      });
      if (!result.ok) throw workflowRefusal(result.reasons);
      await this.requireVersion(tx, assessment, dto.version);

      const from = assessment.stage;
      const reason = dto.reason?.trim() || null;
      const context = { tx, out, user, assessment, action: dto.action as WorkflowAction, from, to: result.to, reason, request: dto, now };
      const followUpDateBefore = assessment.followUpDate;
      await this.extensions.beforeTransition(context);
      const changes: Changes = { stage: { from, to: result.to } };
      // The decision sets the follow-up date (DecisionService); it belongs in this version's changes too.
      if (assessment.followUpDate !== followUpDateBefore)
        changes['followUpDate'] = { from: followUpDateBefore, to: assessment.followUpDate };
      assessment.stage = result.to;
      if (dto.action === 'screen_out' || dto.action === 'start_full_assessment') {
        // Taking the screening decision signs the screening result (the official confirmed it, see `signs`).
        changes['screening.signedBy'] = { from: assessment.screeningSignedById, to: user.id };
        assessment.screeningSignedById = user.id;
        assessment.screeningSignedAt = now;
      }
      if (dto.action === 'start_full_assessment') {
        // The full assessment starts with the proposal and "no change" (see RecordContentService).
        Object.assign(changes, await this.content.startFullAssessment(tx, assessment.id));
      }
      await this.saveVersion(tx, user, assessment, `transition:${dto.action}`, changes, reason);
      await this.audit.record(tx, {
        actorUserId: user.id,
        entityType: 'assessment',
        entityId: assessment.id,
        action: 'assessment.transition',
        fromStage: from,
        toStage: result.to,
        reason,
        details: { action: dto.action, version: assessment.version },
      });
      await this.extensions.afterTransition(context);
    });
    return this.detail(user, id, language);
  }

  /** One page of the history, newest first: the `limit` versions older than `before` (keyset on the primary key). */
  async history(user: AuthenticatedUser, id: string, page: { before?: number; limit: number }): Promise<AssessmentVersionPage> {
    // A youth council reads the history up to what it was sent, without the staff's reasons and transition signers.
    const upTo = await this.access.historyLimit(user, id);
    const rows: {
      version: number;
      changed_at: Date;
      changed_by_id: string | null;
      display_name: string | null;
      kind: string;
      changes: Changes;
      reason: string | null;
      name: string | null;
      started_at: Date;
      saves: number;
    }[] = await this.db.query(
      `SELECT v.version, v.changed_at, v.changed_by_id, u.display_name, v.kind, v.changes, v.reason, v.name, v.started_at, v.saves
           FROM assessment_versions v LEFT JOIN users u ON u.id = v.changed_by_id
          WHERE v.assessment_id = $1 AND ($2::int IS NULL OR v.version < $2::int) AND ($4::int IS NULL OR v.version <= $4::int)
          ORDER BY v.version DESC
          LIMIT $3`,
      // One more than asked tells whether an older page exists.
      [id, page.before ?? null, page.limit + 1, upTo],
    );
    const staff = upTo === null;
    const items = rows.slice(0, page.limit).map((r) => ({
      version: r.version,
      changedAt: r.changed_at.toISOString(),
      changedBy: r.changed_by_id && (staff || !isTransition(r.kind)) ? { id: r.changed_by_id, displayName: r.display_name ?? '' } : null,
      kind: r.kind,
      changes: itemWise(r.changes),
      reason: staff ? r.reason : null,
      name: r.name,
      startedAt: r.started_at.toISOString(),
      saves: r.saves,
    }));
    return { items, nextCursor: rows.length > page.limit ? items[items.length - 1].version : null };
  }

  /**
   * What differs between two versions: every field changed in versions (from, to], with its value at
   * `from` (the first change's `from`), at `to` (the last change's `to`), how often and by whom.
   * One pass over the range on the primary key; the texts are read back only for each field's first
   * and last change, so a range of thousands of versions does not aggregate thousands of texts.
   */
  async compare(user: AuthenticatedUser, id: string, from: number, to: number): Promise<AssessmentVersionComparison> {
    const upTo = await this.access.historyLimit(user, id);
    if (from >= to) throw new BadRequestException(`The older version (from = ${from}) must be lower than the newer one (to = ${to}).`);
    // Versions after the one a youth council was sent do not exist for it.
    const existing: { version: number }[] = await this.db.query(
      `SELECT version FROM assessment_versions WHERE assessment_id = $1 AND version IN ($2, $3) AND ($4::int IS NULL OR version <= $4::int)`,
      [id, from, to, upTo],
    );
    const missing = [from, to].find((v) => !existing.some((e) => e.version === v));
    if (missing !== undefined) throw new NotFoundException(`This assessment has no version ${missing}.`);

    const rows: {
      field: string;
      from_value: unknown;
      to_value: unknown;
      changed_back: boolean;
      change_count: number;
      changed_by: { id: string; displayName: string | null }[] | null;
    }[] = await this.db.query(
      `WITH changed AS (
         SELECT v.version, v.changed_by_id, f.key AS field
           FROM assessment_versions v CROSS JOIN LATERAL jsonb_each(v.changes) f
          WHERE v.assessment_id = $1 AND v.version > $2 AND v.version <= $3
       ), per_field AS (
         SELECT field, min(version) AS first_version, max(version) AS last_version, count(*)::int AS change_count
           FROM changed GROUP BY field
       ), people AS (
         SELECT p.field,
                jsonb_agg(jsonb_build_object('id', p.changed_by_id, 'displayName', u.display_name) ORDER BY p.first_version) AS changed_by
           FROM (SELECT field, changed_by_id, min(version) AS first_version
                   FROM changed WHERE changed_by_id IS NOT NULL GROUP BY field, changed_by_id) p
           LEFT JOIN users u ON u.id = p.changed_by_id
          GROUP BY p.field
       )
       SELECT f.field, first_change.changes -> f.field -> 'from' AS from_value, last_change.changes -> f.field -> 'to' AS to_value,
              (first_change.changes -> f.field -> 'from') IS NOT DISTINCT FROM (last_change.changes -> f.field -> 'to') AS changed_back,
              f.change_count, people.changed_by
         FROM per_field f
         JOIN assessment_versions first_change ON first_change.assessment_id = $1 AND first_change.version = f.first_version
         JOIN assessment_versions last_change ON last_change.assessment_id = $1 AND last_change.version = f.last_version
         LEFT JOIN people ON people.field = f.field
        ORDER BY f.field`,
      [id, from, to],
    );
    // Lists are changed item-wise: their comparison composes every change in the range, per item.
    const listFields = rows.map((r) => r.field).filter((field) => field in LIST_CHANGE_FIELDS);
    const listChanges: { field: string; change: { from: unknown; to: unknown } }[] = listFields.length
      ? await this.db.query(
          `SELECT f.key AS field, f.value AS change
             FROM assessment_versions v CROSS JOIN LATERAL jsonb_each(v.changes) f
            WHERE v.assessment_id = $1 AND v.version > $2 AND v.version <= $3 AND f.key = ANY($4)
            ORDER BY v.version`,
          [id, from, to, listFields],
        )
      : [];
    return {
      from,
      to,
      fields: rows.map((r) => {
        const composed =
          r.field in LIST_CHANGE_FIELDS
            ? composeListChanges(
                listChanges.filter((c) => c.field === r.field).map((c) => c.change),
                LIST_CHANGE_FIELDS[r.field] ?? 'id',
              )
            : undefined;
        return {
          field: r.field,
          // A JSON null comes back as null; a value absent from the change (never written so) too.
          from: composed === undefined ? (r.from_value ?? null) : (composed?.from ?? []),
          to: composed === undefined ? (r.to_value ?? null) : (composed?.to ?? []),
          changedBack: composed === undefined ? r.changed_back : composed === null,
          changeCount: r.change_count,
          // Who moved the stage (a reviewer returning it, say) is for staff; the content's writers are not.
          changedBy:
            upTo !== null && r.field === 'stage' ? [] : (r.changed_by ?? []).map((p) => ({ id: p.id, displayName: p.displayName ?? '' })),
        };
      }),
    };
  }

  /** Optimistic locking with a readable answer: what was saved since the version the editor had. */
  private async requireVersion(tx: EntityManager, assessment: Assessment, expected: number): Promise<void> {
    if (assessment.version === expected) return;
    const since: { version: number; changed_at: Date; display_name: string | null; kind: string; changes: Changes }[] = await tx.query(
      `SELECT v.version, v.changed_at, u.display_name, v.kind, v.changes
         FROM assessment_versions v LEFT JOIN users u ON u.id = v.changed_by_id
        WHERE v.assessment_id = $1 AND v.version > $2 ORDER BY v.version`,
      [assessment.id, expected],
    );
    const who = [...new Set(since.map((v) => v.display_name).filter(Boolean))].join(', ') || 'Someone';
    throw staleVersion(
      `${who} saved a newer version (${assessment.version}) while you were editing version ${expected}. Your changes were not saved; reload to see theirs.`,
      {
        currentVersion: assessment.version,
        changes: since.map((v) => ({
          version: v.version,
          changedAt: v.changed_at.toISOString(),
          changedBy: v.display_name,
          kind: v.kind,
          fields: Object.keys(v.changes),
        })),
      },
    );
  }

  /**
   * An edit's version. One person's saves of the record within one editing session form one version:
   * the save joins the newest version when that is an edit by the same person, still open, begun less
   * than VERSION_SESSION_MINUTES ago. The joined version keeps each field's `from` as it was at the
   * session's start and takes the new `to` (lists: composed item by item); fields changed back drop out.
   * It takes the new version number, so numbers stay gapless and the optimistic lock moves on with
   * every save. A transition, a conflict resolution (`alone`), a name and another person's save close it,
   * and so does anything that names the version by its number (VERSION_REFERENCED): a comment thread
   * anchored to it, a council's answer or a PDF made of it keeps pointing at what it saw.
   */
  private async saveEdit(
    tx: EntityManager,
    user: AuthenticatedUser,
    assessment: Assessment,
    changes: Changes,
    options: { name: string | null; alone: boolean },
  ): Promise<void> {
    const [open]: { version: number; changes: Changes; started_at: Date; saves: number }[] = options.alone
      ? []
      : await tx.query(
          `SELECT version, changes, started_at, saves FROM assessment_versions
            WHERE assessment_id = $1 AND version = $2 AND open AND kind = 'edited' AND changed_by_id = $3
              AND started_at > now() - make_interval(mins => $4)
              AND NOT ${VERSION_REFERENCED}`,
          [assessment.id, assessment.version, user.id, VERSION_SESSION_MINUTES],
        );
    if (!open) {
      await this.saveVersion(tx, user, assessment, 'edited', changes, null, {
        open: !options.alone && options.name === null,
        name: options.name,
      });
      return;
    }
    const merged: Changes = { ...open.changes };
    for (const [field, change] of Object.entries(changes)) {
      const earlier = merged[field];
      if (earlier === undefined) {
        merged[field] = change;
        continue;
      }
      const key = LIST_CHANGE_FIELDS[field];
      const next = key
        ? composeListChanges([earlier, change], key)
        : JSON.stringify(earlier.from) === JSON.stringify(change.to)
          ? null
          : { from: earlier.from, to: change.to };
      if (next) merged[field] = next;
      else delete merged[field];
    }
    const previous = assessment.version;
    await this.bumpAssessment(tx, assessment);
    await tx.query(
      `UPDATE assessment_versions
          SET version = $3, changes = $4::jsonb, changed_at = now(), saves = saves + 1, open = $5, name = $6
        WHERE assessment_id = $1 AND version = $2`,
      [assessment.id, previous, assessment.version, JSON.stringify(merged), options.name === null, options.name],
    );
  }

  /** "Save a version" with nothing new to save: names (and closes) the newest version when it is the person's unnamed edit. */
  private async nameLatestVersion(tx: EntityManager, user: AuthenticatedUser, assessmentId: string, name: string): Promise<void> {
    const [newest]: { version: number }[] = await tx.query(
      `SELECT version FROM assessment_versions
        WHERE assessment_id = $1 AND kind = 'edited' AND changed_by_id = $2 AND name IS NULL
          AND version = (SELECT max(version) FROM assessment_versions WHERE assessment_id = $1)`,
      [assessmentId, user.id],
    );
    if (!newest) {
      throw new BadRequestException('Nothing has been edited since the last version, so there is no new version to name.');
    }
    await tx.query(`UPDATE assessment_versions SET name = $3, open = false WHERE assessment_id = $1 AND version = $2`, [
      assessmentId,
      newest.version,
      name,
    ]);
  }

  private async bumpAssessment(tx: EntityManager, assessment: Assessment): Promise<void> {
    assessment.version += 1;
    assessment.updatedAt = new Date();
    await tx
      .getRepository(Assessment)
      .createQueryBuilder()
      .update()
      .set({ ...assessmentColumns(assessment) })
      .where('id = :id', { id: assessment.id })
      .execute();
  }

  private async saveVersion(
    tx: EntityManager,
    user: AuthenticatedUser,
    assessment: Assessment,
    kind: string,
    changes: Changes,
    reason: string | null,
    session: { open: boolean; name: string | null } = { open: false, name: null },
  ) {
    await this.bumpAssessment(tx, assessment);
    const versions = tx.getRepository(AssessmentVersion);
    await versions.save(
      versions.create({
        assessmentId: assessment.id,
        version: assessment.version,
        changedById: user.id,
        kind,
        changes,
        reason,
        open: session.open,
        name: session.name,
      }),
    );
  }
}

/**
 * Whether something outside the history names version `$2` of assessment `$1` by its number: a comment
 * thread anchored to it (what changed since the comment is counted from it), a council's "our statement
 * stands" answer, a consultation sent at it or an agenda PDF made of it. Such a version is not joined
 * by later saves (which would move it to a new number and fold later edits into what they saw).
 */
const VERSION_REFERENCED = `(
  EXISTS (SELECT 1 FROM comment_threads WHERE assessment_id = $1 AND anchored_version = $2)
  OR EXISTS (SELECT 1 FROM statement_standings WHERE assessment_id = $1 AND assessment_version = $2)
  OR EXISTS (SELECT 1 FROM consultations WHERE assessment_id = $1 AND sent_version = $2)
  OR EXISTS (SELECT 1 FROM agenda_documents WHERE assessment_id = $1 AND assessment_version = $2)
)`;

/** A version made by a workflow transition (its `changedBy` is who took it, its `reason` theirs). */
function isTransition(kind: string): boolean {
  return kind.startsWith('transition:');
}

/** The columns an update writes (relations and the primary key left out). */
function assessmentColumns(a: Assessment) {
  return {
    title: a.title,
    stage: a.stage,
    plannedMeetingDate: a.plannedMeetingDate,
    caseNumber: a.caseNumber,
    screeningAffectsChildren: a.screeningAffectsChildren,
    screeningImpactKind: a.screeningImpactKind,
    screeningAgeGroups: a.screeningAgeGroups,
    screeningAgeMin: a.screeningAgeMin,
    screeningAgeMax: a.screeningAgeMax,
    screeningRationale: a.screeningRationale,
    screeningSignedById: a.screeningSignedById,
    screeningSignedAt: a.screeningSignedAt,
    plainLanguageSummary: a.plainLanguageSummary,
    plainLanguageSummarySv: a.plainLanguageSummarySv,
    followUpDate: a.followUpDate,
    exPostEvaluation: a.exPostEvaluation,
    scopeChildrenAffected: a.scopeChildrenAffected,
    legalUncrcArticles: a.legalUncrcArticles,
    legalNationalLaw: a.legalNationalLaw,
    legalWelfarePlan: a.legalWelfarePlan,
    evidenceGaps: a.evidenceGaps,
    viewsMethods: a.viewsMethods,
    viewsHowGathered: a.viewsHowGathered,
    viewsWhatTheySaid: a.viewsWhatTheySaid,
    viewsNotHeardReason: a.viewsNotHeardReason,
    mitigation: a.mitigation,
    changesMade: a.changesMade,
    recommendation: a.recommendation,
    bestInterests: a.bestInterests,
    communication: a.communication,
    version: a.version,
    updatedAt: a.updatedAt,
  };
}

/** A version's changes as the history shows them: lists item-wise (older versions stored the whole lists). */
function itemWise(changes: Changes): Changes {
  const out: Changes = {};
  for (const [field, change] of Object.entries(changes)) {
    const key = LIST_CHANGE_FIELDS[field];
    if (!key || isListChange(change)) {
      out[field] = change;
      continue;
    }
    const empty: ListChange = { from: [], to: [], items: true };
    out[field] = listChange((change.from as object[] | null) ?? [], (change.to as object[] | null) ?? [], key) ?? empty;
  }
  return out;
}
