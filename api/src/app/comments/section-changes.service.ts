import { ForbiddenException, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  sectionOfChange,
  type ChangedSection,
  type CommentChanges,
  type CommentSection,
  type CouncilChanges,
  type Language,
  type SectionChange,
  type StatementStandingAnswer,
  composeListChanges,
  LIST_CHANGE_FIELDS,
} from '@lava/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AssessmentExtensions, type TransitionContext } from '../assessments/assessment-extensions';
import type { Assessment } from '../assessments/assessment.entity';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { AuditService } from '../audit/audit.service';
import type { NotificationDraft } from '../notifications/notification-outbox.service';
import { nameColumn } from '../organizations/organizations.service';
import type { Changes } from '../assessments/record-changes';
import { CommentAccess } from './comment-access.service';
import type { StatementStandingDto } from './dto/comment.dto';
import { staleVersion } from '../common/stale-version';

/**
 * Sections that changed after a youth council commented on them.
 *
 * "The council's comments" are the comments its members wrote in its `consultation` threads (what
 * the council said to the municipality; its private drafting threads do not count). A section has
 * "changed since" when the version history holds a change to it (`sectionOfChange`) saved after the
 * council's latest such comment on that section, in any round. Content is read-only during a
 * consultation, so these changes are made after a return to draft; the council sees them in its
 * next round. Commenting on the section again settles it; the council's "still stands / we will
 * revise" answer is stored per assessment version and asked again only when a newer change comes.
 *
 * Computed on read. The `section_changed_after_comment` notification is sent when a consultation
 * round opens (the transition into consultation, via AssessmentExtensions.afterTransition): that
 * is when the council can see the changes and answer, and it gives one notification per round
 * instead of one per autosave while the official drafts (a PATCH hook would need deduplication
 * and would notify councils that cannot open the assessment at that moment).
 */
@Injectable()
export class SectionChangesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CommentAccess,
    private readonly extensions: AssessmentExtensions,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.extensions.register({
      afterTransition: (context) =>
        context.to === 'consultation' && context.from !== 'consultation' ? this.notify(context).then(() => undefined) : Promise.resolve(),
    });
  }

  /** A council member sees their councils; staff see every council that commented (and every council that answered). */
  async get(user: AuthenticatedUser, assessmentId: string, language: Language): Promise<CommentChanges> {
    const viewer = await this.access.viewer(null, user, assessmentId, language);
    let councilIds = [...viewer.councils.keys()];
    if (viewer.staff) {
      const rows: { council_id: string }[] = await this.db.query(
        `SELECT DISTINCT c.council_id FROM comments c JOIN comment_threads t ON t.id = c.thread_id
          WHERE t.assessment_id = $1 AND t.audience = 'consultation' AND c.council_id IS NOT NULL
         UNION SELECT council_id FROM statement_standings WHERE assessment_id = $1`,
        [assessmentId],
      );
      councilIds = [...new Set([...councilIds, ...rows.map((r) => r.council_id)])];
    }
    return {
      currentVersion: viewer.assessment.version,
      councils: await this.compute(this.db.manager, viewer.assessment, councilIds, language),
    };
  }

  async answer(user: AuthenticatedUser, assessmentId: string, dto: StatementStandingDto, language: Language): Promise<CommentChanges> {
    await this.db.transaction(async (tx) => {
      const viewer = await this.access.viewer(tx, user, assessmentId, language);
      if (viewer.councils.size === 0)
        throw new ForbiddenException('Only a consulted youth council answers whether its statement still stands.');
      const council = this.access.writingCouncil(viewer, dto.councilId);
      if (dto.assessmentVersion !== viewer.assessment.version)
        throw staleVersion(
          `The assessment changed meanwhile (now version ${viewer.assessment.version}, you looked at version ${dto.assessmentVersion}). Reload and look again.`,
          { currentVersion: viewer.assessment.version },
        );
      await tx.query(
        `INSERT INTO statement_standings (assessment_id, council_id, assessment_version, answer, answered_by_id)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (assessment_id, council_id, assessment_version)
         DO UPDATE SET answer = EXCLUDED.answer, answered_by_id = EXCLUDED.answered_by_id, answered_at = now()`,
        [assessmentId, council.id, dto.assessmentVersion, dto.answer, user.id],
      );
      await this.audit.record(tx, {
        actorUserId: user.id,
        entityType: 'assessment',
        entityId: assessmentId,
        action: 'comment.statement_standing',
        details: { councilId: council.id, answer: dto.answer, assessmentVersion: dto.assessmentVersion },
      });
    });
    return this.get(user, assessmentId, language);
  }

  /** The changed sections per council (councils without changes or answers included, with empty lists). */
  async compute(
    manager: EntityManager,
    assessment: Assessment,
    councilIds: readonly string[],
    language: Language,
  ): Promise<CouncilChanges[]> {
    if (councilIds.length === 0) return [];
    const [names, lastComments, answers]: [
      { id: string; name: string }[],
      { council_id: string; section: CommentSection; last: Date }[],
      {
        council_id: string;
        answer: StatementStandingAnswer;
        assessment_version: number;
        answered_at: Date;
        by_id: string;
        by_name: string;
      }[],
    ] = await Promise.all([
      manager.query(`SELECT id, ${nameColumn(language)} AS name FROM organizations WHERE id = ANY($1) ORDER BY 2`, [councilIds]),
      manager.query(
        `SELECT c.council_id, t.section, max(c.created_at) AS last
           FROM comments c JOIN comment_threads t ON t.id = c.thread_id
          WHERE t.assessment_id = $1 AND t.audience = 'consultation' AND c.council_id = ANY($2) AND c.deleted_at IS NULL
          GROUP BY c.council_id, t.section`,
        [assessment.id, councilIds],
      ),
      manager.query(
        `SELECT DISTINCT ON (s.council_id) s.council_id, s.answer, s.assessment_version, s.answered_at, u.id AS by_id, shown_name(u.id, u.display_name) AS by_name
           FROM statement_standings s JOIN users u ON u.id = s.answered_by_id
          WHERE s.assessment_id = $1 AND s.council_id = ANY($2)
          ORDER BY s.council_id, s.assessment_version DESC, s.answered_at DESC`,
        [assessment.id, councilIds],
      ),
    ]);
    const earliest = lastComments.reduce<Date | null>((min, r) => (min === null || r.last < min ? r.last : min), null);
    const versions: { version: number; changed_at: Date; changes: Changes }[] = earliest
      ? await manager.query(
          `SELECT version, changed_at, changes FROM assessment_versions WHERE assessment_id = $1 AND changed_at > $2 ORDER BY version`,
          [assessment.id, earliest],
        )
      : [];

    return names.map((council) => {
      const sections: ChangedSection[] = lastComments
        .filter((r) => r.council_id === council.id)
        .map((r) => ({ section: r.section, lastCommentedAt: r.last.toISOString(), changes: changesAfter(versions, r.section, r.last) }))
        .filter((s) => s.changes.length > 0)
        .sort((a, b) => a.section.localeCompare(b.section));
      const answer = answers.find((a) => a.council_id === council.id);
      const newest = Math.max(0, ...sections.flatMap((s) => s.changes.map((c) => c.version)));
      return {
        council,
        sections,
        answer: answer
          ? {
              answer: answer.answer,
              assessmentVersion: answer.assessment_version,
              answeredAt: answer.answered_at.toISOString(),
              by: { id: answer.by_id, displayName: answer.by_name },
            }
          : null,
        answerNeeded: sections.length > 0 && (!answer || newest > answer.assessment_version),
      };
    });
  }

  /** When a consultation round opens: tell council members which sections they commented on have changed since. */
  async notify(context: Pick<TransitionContext, 'tx' | 'out' | 'assessment'>): Promise<string[]> {
    const { tx, out, assessment } = context;
    const councils: { council_id: string }[] = await tx.query(
      `SELECT DISTINCT c.council_id FROM comments c JOIN comment_threads t ON t.id = c.thread_id
        WHERE t.assessment_id = $1 AND t.audience = 'consultation' AND c.council_id IS NOT NULL`,
      [assessment.id],
    );
    const changed = await this.compute(
      tx,
      assessment,
      councils.map((c) => c.council_id),
      'fi',
    );
    const drafts: NotificationDraft[] = [];
    for (const council of changed) {
      if (council.sections.length === 0) continue;
      const authors: { author_id: string; section: string }[] = await tx.query(
        `SELECT DISTINCT c.author_id, t.section
           FROM comments c
           JOIN comment_threads t ON t.id = c.thread_id
           JOIN users u ON u.id = c.author_id AND u.active
           JOIN memberships ms ON ms.user_id = c.author_id AND ms.organization_id = $2 AND ms.role = 'youth_council_member'
          WHERE t.assessment_id = $1 AND t.audience = 'consultation' AND c.council_id = $2 AND c.deleted_at IS NULL AND t.section = ANY($3)`,
        [assessment.id, council.council.id, council.sections.map((s) => s.section)],
      );
      const byAuthor = new Map<string, string[]>();
      for (const row of authors) byAuthor.set(row.author_id, [...(byAuthor.get(row.author_id) ?? []), row.section]);
      for (const [authorId, sections] of byAuthor)
        drafts.push({
          recipientUserId: authorId,
          kind: 'section_changed_after_comment',
          assessmentId: assessment.id,
          params: { title: assessment.title, sections: [...sections].sort().join(', ') },
        });
    }
    return out.notify(drafts);
  }
}

/** The field changes to `section` saved after `after`: per field, the value before the first change and after the last. */
export function changesAfter(
  versions: readonly { version: number; changed_at: Date; changes: Changes }[],
  section: CommentSection,
  after: Date,
): SectionChange[] {
  const fields = new Map<string, SectionChange & { all: { from: unknown; to: unknown }[] }>();
  for (const v of versions) {
    if (v.changed_at <= after) continue;
    for (const [field, change] of Object.entries(v.changes ?? {})) {
      if (sectionOfChange(field) !== section) continue;
      const earlier = fields.get(field);
      fields.set(field, {
        field,
        version: v.version,
        changedAt: v.changed_at.toISOString(),
        from: earlier ? earlier.from : change.from,
        to: change.to,
        all: [...(earlier?.all ?? []), change],
      });
    }
  }
  return [...fields.values()].map(({ all, ...change }) => {
    // Lists are changed item-wise (only the items that changed): composed item by item.
    const key = LIST_CHANGE_FIELDS[change.field];
    const composed = key ? composeListChanges(all, key) : undefined;
    return composed === undefined ? change : { ...change, from: composed?.from ?? [], to: composed?.to ?? [] };
  });
}
