// Over 400 lines: threads, replies, edits and moderation share the loading, visibility and quoting helpers
// (access rules are in comment-access.ts, limits in comment-rate-limit.ts). Next split: moderation (flag/hide).
import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  RECORD_SECTIONS,
  sectionOfChange,
  type CommentAudience,
  type CommentPage,
  type CommentPermissions,
  type CommentSection,
  type CommentThreadPage,
  type CommentThreadView,
  type Language,
  type MentionCandidates,
} from '@lava/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { AuditService } from '../audit/audit.service';
import { decodeCursor, toPage } from '../common/keyset-cursor';
import { NotificationOutbox, type NotificationDraft } from '../notifications/notification-outbox.service';
import { nameColumn } from '../organizations/organizations.service';
import { CommentAccess, type CommentViewer, type ThreadScope } from './comment-access.service';
import { CommentRateLimit } from './comment-rate-limit';
import { COMMENT_SELECT, commentViews, earlierReplies, threadSelect, threadViews, type CommentRow, type ThreadRow } from './comment-views';
import type {
  CreateCommentDto,
  CreateThreadDto,
  EarlierCommentsQueryDto,
  EditCommentDto,
  FlagCommentDto,
  HideCommentDto,
  ListThreadsQueryDto,
  MentionablesQueryDto,
  QuoteDto,
} from './dto/comment.dto';
import { staleVersion } from '../common/stale-version';

const isRecordSection = (section: string) => (RECORD_SECTIONS as readonly string[]).includes(section);

/**
 * Comment threads on an assessment: who may start, read, answer, edit, resolve, flag and hide,
 * enforced here (CommentAccess holds the rules); every change audited in its transaction, and
 * `comment_added` / `mentioned` notifications written to the outbox with it.
 */
@Injectable()
export class CommentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CommentAccess,
    private readonly audit: AuditService,
    private readonly outbox: NotificationOutbox,
    private readonly rateLimit: CommentRateLimit,
  ) {}

  async permissions(user: AuthenticatedUser, assessmentId: string, language: Language): Promise<CommentPermissions> {
    const viewer = await this.access.viewer(null, user, assessmentId, language);
    const canStart = (['staff', 'consultation', 'council'] as const).filter((audience) => {
      if (audience === 'staff') return this.access.mayWrite(viewer, { audience, councilId: null });
      return [...viewer.councils.values()].some((c) => this.access.mayWrite(viewer, { audience, councilId: c.id }));
    });
    const { clause, params } = visibleClause(viewer, 2);
    const counts: { section: CommentSection; count: number }[] = await this.db.query(
      `SELECT t.section, count(*)::int AS count FROM comment_threads t
        WHERE t.assessment_id = $1 AND t.resolved_at IS NULL AND ${clause} GROUP BY t.section`,
      [assessmentId, ...params],
    );
    return {
      canStart: [...canStart],
      councils: [...viewer.councils.values()].map((c) => ({ id: c.id, name: c.name })),
      moderator: viewer.moderator,
      openCounts: Object.fromEntries(counts.map((c) => [c.section, c.count])),
    };
  }

  async list(user: AuthenticatedUser, assessmentId: string, query: ListThreadsQueryDto, language: Language): Promise<CommentThreadPage> {
    const viewer = await this.access.viewer(null, user, assessmentId, language);
    const params: unknown[] = [assessmentId];
    const visible = visibleClause(viewer, 2);
    params.push(...visible.params);
    const where = [`t.assessment_id = $1`, visible.clause];
    if (query.section) where.push(`t.section = $${params.push(query.section)}`);
    if (query.audience) where.push(`t.audience = $${params.push(query.audience)}`);
    if (query.cursor) {
      const position = decodeCursor(query.cursor);
      where.push(`(t.created_at, t.id) < ($${params.push(position.createdAt)}, $${params.push(position.id)})`);
    }
    const rows: ThreadRow[] = await this.db.query(
      `${threadSelect(nameColumn(language))} WHERE ${where.join(' AND ')} ORDER BY t.created_at DESC, t.id DESC LIMIT $${params.push(query.limit + 1)}`,
      params,
    );
    const page = toPage(
      rows,
      query.limit,
      (r) => ({ createdAt: r.created_at, id: r.id }),
      (r) => r,
    );
    return { items: await threadViews(this.db.manager, this.access, viewer, page.items), nextCursor: page.nextCursor };
  }

  async mentionables(user: AuthenticatedUser, assessmentId: string, query: MentionablesQueryDto): Promise<MentionCandidates> {
    const viewer = await this.access.viewer(null, user, assessmentId);
    if (query.audience !== 'staff' && !query.councilId)
      throw new BadRequestException({
        message: 'Please check the request. councilId: is required for youth council threads',
        details: [{ field: 'councilId', messages: ['is required for youth council threads'] }],
      });
    const scope: ThreadScope = { audience: query.audience, councilId: query.audience === 'staff' ? null : (query.councilId ?? null) };
    if (!this.access.canSee(viewer, scope)) throw new ForbiddenException('You cannot see threads of that audience.');
    return { items: (await this.access.mentionable(null, viewer.assessment, scope)).filter((p) => p.id !== user.id) };
  }

  async createThread(user: AuthenticatedUser, assessmentId: string, dto: CreateThreadDto, language: Language): Promise<CommentThreadView> {
    const threadId = await this.outbox.run(async (tx, out) => {
      const viewer = await this.access.viewer(tx, user, assessmentId, language);
      const scope = this.startScope(viewer, dto.audience, dto.councilId);
      if (dto.section === 'statement' && dto.audience !== 'council')
        throw badField('section', 'statement is only for a youth council’s own drafting threads (audience council)');
      this.access.requireWrite(viewer, scope);
      if (dto.quote) checkQuote(dto.section, dto.quote);
      const mentionIds = dto.mentionIds ?? [];
      await this.access.requireMentionable(tx, viewer.assessment, scope, mentionIds);
      await this.rateLimit.take(user.id, { comment: true, mentions: othersIn(mentionIds, user.id) });
      const [thread]: { id: string }[] = await tx.query(
        `INSERT INTO comment_threads (assessment_id, section, audience, council_id, quote_field, quote_text, quote_start, quote_end, anchored_version, created_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          assessmentId,
          dto.section,
          scope.audience,
          scope.councilId,
          dto.quote?.field ?? null,
          dto.quote?.text ?? null,
          dto.quote?.start ?? null,
          dto.quote?.end ?? null,
          viewer.assessment.version,
          user.id,
        ],
      );
      const id = (thread as { id: string }).id;
      const commentId = await this.insertComment(tx, viewer, id, scope, dto.text, null, mentionIds);
      await this.audit.record(tx, {
        actorUserId: user.id,
        entityType: 'assessment',
        entityId: assessmentId,
        action: 'comment.thread_started',
        details: { threadId: id, commentId, section: dto.section, audience: scope.audience },
      });
      const drafts = this.mentionDrafts(viewer, dto.section, mentionIds, await shownNameOf(tx, user.id));
      await out.notify(drafts);
      return id;
    });
    return this.threadView(user, threadId, language);
  }

  async reply(user: AuthenticatedUser, threadId: string, dto: CreateCommentDto, language: Language): Promise<CommentThreadView> {
    await this.outbox.run(async (tx, out) => {
      const { viewer, thread, scope } = await this.loadThread(tx, user, threadId, language, true);
      this.access.requireWrite(viewer, scope);
      if (thread.resolved_at) throw new ConflictException('This thread is resolved. Reopen it to reply.');
      if (dto.replyToId) {
        const [target]: CommentRow[] = await tx.query(`SELECT * FROM comments WHERE id = $1 AND thread_id = $2`, [dto.replyToId, threadId]);
        if (!target) throw badField('replyToId', 'is not a comment of this thread');
        if (target.hidden_at) throw new ConflictException('That comment was hidden by a moderator; it cannot be replied to.');
        if (target.deleted_at) throw new ConflictException('That comment was deleted; it cannot be replied to.');
      }
      const mentionIds = dto.mentionIds ?? [];
      await this.access.requireMentionable(tx, viewer.assessment, scope, mentionIds);
      await this.rateLimit.take(user.id, { comment: true, mentions: othersIn(mentionIds, user.id) });
      const commentId = await this.insertComment(tx, viewer, threadId, scope, dto.text, dto.replyToId ?? null, mentionIds);
      await tx.query(`UPDATE comment_threads SET updated_at = now() WHERE id = $1`, [threadId]);
      await this.audit.record(tx, {
        actorUserId: user.id,
        entityType: 'assessment',
        entityId: thread.assessment_id,
        action: 'comment.replied',
        details: { threadId, commentId },
      });
      // Everyone who wrote in the thread hears of the reply, except its author and those mentioned in it (they hear of that).
      const participants: { author_id: string }[] = await tx.query(
        `SELECT DISTINCT c.author_id FROM comments c JOIN users u ON u.id = c.author_id
          WHERE c.thread_id = $1 AND c.deleted_at IS NULL AND u.active AND c.author_id <> $2 AND NOT (c.author_id = ANY($3::uuid[]))`,
        [threadId, user.id, mentionIds],
      );
      const visibleTo = new Set((await this.access.mentionable(tx, viewer.assessment, scope)).map((p) => p.id));
      const author = await shownNameOf(tx, user.id);
      const drafts: NotificationDraft[] = participants
        .filter((p) => visibleTo.has(p.author_id))
        .map((p) => ({
          recipientUserId: p.author_id,
          kind: 'comment_added',
          assessmentId: thread.assessment_id,
          params: { title: viewer.assessment.title, section: thread.section, author },
        }));
      drafts.push(...this.mentionDrafts(viewer, thread.section, mentionIds, author));
      await out.notify(drafts);
    });
    return this.threadView(user, threadId, language);
  }

  async edit(user: AuthenticatedUser, commentId: string, dto: EditCommentDto, language: Language): Promise<CommentThreadView> {
    const threadId = await this.outbox.run(async (tx, out) => {
      const { viewer, thread, scope, comment } = await this.loadComment(tx, user, commentId, language);
      if (comment.author_id !== user.id) throw new ForbiddenException('You can edit only your own comments.');
      if (comment.hidden_at) throw new ConflictException('This comment was hidden by a moderator and can no longer be edited.');
      if (comment.deleted_at) throw new ConflictException('This comment was deleted.');
      this.access.requireWrite(viewer, scope);
      if (comment.version !== dto.version)
        throw staleVersion(
          `This comment was changed meanwhile (now version ${comment.version}, you edited version ${dto.version}). Reload to see it.`,
          { currentVersion: comment.version },
        );
      const previous = new Set(
        ((await tx.query(`SELECT user_id FROM comment_mentions WHERE comment_id = $1`, [commentId])) as { user_id: string }[]).map(
          (r) => r.user_id,
        ),
      );
      const mentionIds = dto.mentionIds ?? [...previous];
      await this.access.requireMentionable(tx, viewer.assessment, scope, mentionIds);
      const added = mentionIds.filter((id) => !previous.has(id));
      // An edit is not a new comment, but each newly mentioned person is notified.
      await this.rateLimit.take(user.id, { comment: false, mentions: othersIn(added, user.id) });
      if (dto.text !== comment.body) {
        await tx.query(`INSERT INTO comment_revisions (comment_id, body, written_at) VALUES ($1, $2, $3)`, [
          commentId,
          comment.body,
          comment.edited_at ?? comment.created_at,
        ]);
      }
      await tx.query(`UPDATE comments SET body = $2, edited_at = now(), version = version + 1 WHERE id = $1`, [commentId, dto.text]);
      await tx.query(`DELETE FROM comment_mentions WHERE comment_id = $1`, [commentId]);
      if (mentionIds.length)
        await tx.query(`INSERT INTO comment_mentions (comment_id, user_id) SELECT $1, unnest($2::uuid[])`, [commentId, mentionIds]);
      await this.audit.record(tx, {
        actorUserId: user.id,
        entityType: 'assessment',
        entityId: thread.assessment_id,
        action: 'comment.edited',
        details: { threadId: thread.id, commentId, version: comment.version + 1 },
      });
      await out.notify(this.mentionDrafts(viewer, thread.section, added, await shownNameOf(tx, user.id)));
      return thread.id;
    });
    return this.threadView(user, threadId, language);
  }

  async remove(user: AuthenticatedUser, commentId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const { viewer, thread, scope, comment } = await this.loadComment(tx, user, commentId, 'fi');
      if (comment.author_id !== user.id) throw new ForbiddenException('You can delete only your own comments.');
      if (comment.deleted_at) throw new ConflictException('This comment is already deleted.');
      this.access.requireWrite(viewer, scope);
      await tx.query(`UPDATE comments SET deleted_at = now(), version = version + 1 WHERE id = $1`, [commentId]);
      await this.audit.record(tx, {
        actorUserId: user.id,
        entityType: 'assessment',
        entityId: thread.assessment_id,
        action: 'comment.deleted',
        details: { threadId: thread.id, commentId },
      });
    });
  }

  async setResolved(
    user: AuthenticatedUser,
    threadId: string,
    resolved: boolean,
    version: number,
    language: Language,
  ): Promise<CommentThreadView> {
    await this.db.transaction(async (tx) => {
      const { viewer, thread, scope } = await this.loadThread(tx, user, threadId, language, true);
      this.access.requireWrite(viewer, scope);
      if (thread.version !== version)
        throw staleVersion(
          `This thread was changed meanwhile (now version ${thread.version}, you saw version ${version}). Reload to see it.`,
          {
            currentVersion: thread.version,
          },
        );
      if (resolved === (thread.resolved_at !== null))
        throw new ConflictException(resolved ? 'This thread is already resolved.' : 'This thread is already open.');
      await tx.query(
        `UPDATE comment_threads SET resolved_at = $2, resolved_by_id = $3, updated_at = now(), version = version + 1 WHERE id = $1`,
        [threadId, resolved ? new Date() : null, resolved ? user.id : null],
      );
      await this.audit.record(tx, {
        actorUserId: user.id,
        entityType: 'assessment',
        entityId: thread.assessment_id,
        action: resolved ? 'comment.thread_resolved' : 'comment.thread_reopened',
        details: { threadId, section: thread.section },
      });
    });
    return this.threadView(user, threadId, language);
  }

  async flag(user: AuthenticatedUser, commentId: string, dto: FlagCommentDto): Promise<void> {
    await this.db.transaction(async (tx) => {
      const { thread, comment } = await this.loadComment(tx, user, commentId, 'fi');
      if (comment.author_id === user.id) throw new ConflictException('You cannot flag your own comment; edit or delete it instead.');
      if (comment.hidden_at || comment.deleted_at) throw new ConflictException('This comment is no longer shown.');
      await tx.query(
        `INSERT INTO comment_flags (comment_id, user_id, reason) VALUES ($1, $2, $3)
         ON CONFLICT (comment_id, user_id) DO UPDATE SET reason = EXCLUDED.reason, created_at = now()`,
        [commentId, user.id, dto.reason ?? ''],
      );
      await this.audit.record(tx, {
        actorUserId: user.id,
        entityType: 'assessment',
        entityId: thread.assessment_id,
        action: 'comment.flagged',
        reason: dto.reason || null,
        details: { threadId: thread.id, commentId },
      });
    });
  }

  async hide(user: AuthenticatedUser, commentId: string, dto: HideCommentDto, language: Language): Promise<CommentThreadView> {
    const threadId = await this.db.transaction(async (tx) => {
      const { viewer, thread, comment } = await this.loadComment(tx, user, commentId, language);
      requireModerator(viewer, thread.audience);
      if (comment.deleted_at) throw new ConflictException('This comment was deleted.');
      if (comment.hidden_at) throw new ConflictException('This comment is already hidden.');
      await tx.query(`UPDATE comments SET hidden_at = now(), hidden_by_id = $2, hidden_reason = $3, version = version + 1 WHERE id = $1`, [
        commentId,
        user.id,
        dto.reason,
      ]);
      // The hidden text is kept in the audit trail (and the row), never sent to a client again.
      await this.audit.record(tx, {
        actorUserId: user.id,
        entityType: 'assessment',
        entityId: thread.assessment_id,
        action: 'comment.hidden',
        reason: dto.reason,
        details: { threadId: thread.id, commentId, authorId: comment.author_id, hiddenText: comment.body },
      });
      return thread.id;
    });
    return this.threadView(user, threadId, language);
  }

  async unhide(user: AuthenticatedUser, commentId: string, language: Language): Promise<CommentThreadView> {
    const threadId = await this.db.transaction(async (tx) => {
      const { viewer, thread, comment } = await this.loadComment(tx, user, commentId, language);
      requireModerator(viewer, thread.audience);
      if (!comment.hidden_at) throw new ConflictException('This comment is not hidden.');
      await tx.query(
        `UPDATE comments SET hidden_at = NULL, hidden_by_id = NULL, hidden_reason = NULL, version = version + 1 WHERE id = $1`,
        [commentId],
      );
      await this.audit.record(tx, {
        actorUserId: user.id,
        entityType: 'assessment',
        entityId: thread.assessment_id,
        action: 'comment.unhidden',
        details: { threadId: thread.id, commentId, hiddenReason: comment.hidden_reason },
      });
      return thread.id;
    });
    return this.threadView(user, threadId, language);
  }

  /** Replies of a long thread earlier than those its view carries, by keyset on (created_at, id). */
  async earlierComments(
    user: AuthenticatedUser,
    threadId: string,
    query: EarlierCommentsQueryDto,
    language: Language,
  ): Promise<CommentPage> {
    const position = decodeCursor(query.before);
    const { viewer, thread, scope } = await this.loadThread(this.db.manager, user, threadId, language, false);
    const { rows, earlier } = await earlierReplies(this.db.manager, threadId, position, query.limit);
    const writable = this.access.mayWrite(viewer, scope);
    return {
      items: await commentViews(
        this.db.manager,
        viewer,
        rows.map((r) => ({ ...r, thread, writable })),
      ),
      earlier,
    };
  }

  async threadView(user: AuthenticatedUser, threadId: string, language: Language): Promise<CommentThreadView> {
    const { viewer, thread } = await this.loadThread(this.db.manager, user, threadId, language, false);
    const [view] = await threadViews(this.db.manager, this.access, viewer, [thread]);
    return view as CommentThreadView;
  }

  // --- helpers ---------------------------------------------------------------------------------

  private startScope(viewer: CommentViewer, audience: CommentAudience, councilId: string | undefined): ThreadScope {
    if (audience === 'staff') {
      if (councilId) throw badField('councilId', 'is only for youth council threads');
      return { audience, councilId: null };
    }
    return { audience, councilId: this.access.writingCouncil(viewer, councilId).id };
  }

  private async loadThread(
    manager: EntityManager,
    user: AuthenticatedUser,
    threadId: string,
    language: Language,
    lock: boolean,
  ): Promise<{ viewer: CommentViewer; thread: ThreadRow; scope: ThreadScope }> {
    if (lock) await manager.query(`SELECT id FROM comment_threads WHERE id = $1 FOR UPDATE`, [threadId]);
    const [thread]: ThreadRow[] = await manager.query(`${threadSelect(nameColumn(language))} WHERE t.id = $1`, [threadId]);
    if (!thread) throw new NotFoundException('No such comment thread.');
    const viewer = await this.viewerOrMissing(manager, user, thread.assessment_id, language, 'No such comment thread.');
    const scope = { audience: thread.audience, councilId: thread.council_id };
    if (!this.access.canSee(viewer, scope)) throw new NotFoundException('No such comment thread.');
    return { viewer, thread, scope };
  }

  private async loadComment(
    tx: EntityManager,
    user: AuthenticatedUser,
    commentId: string,
    language: Language,
  ): Promise<{ viewer: CommentViewer; thread: ThreadRow; scope: ThreadScope; comment: CommentRow }> {
    const [found]: { thread_id: string }[] = await tx.query(`SELECT thread_id FROM comments WHERE id = $1`, [commentId]);
    if (!found) throw new NotFoundException('No such comment.');
    try {
      const loaded = await this.loadThread(tx, user, found.thread_id, language, true);
      const [comment]: CommentRow[] = await tx.query(`${COMMENT_SELECT} WHERE c.id = $1 FOR UPDATE OF c`, [commentId]);
      return { ...loaded, comment: comment as CommentRow };
    } catch (error) {
      if (error instanceof NotFoundException) throw new NotFoundException('No such comment.');
      throw error;
    }
  }

  private async viewerOrMissing(
    manager: EntityManager,
    user: AuthenticatedUser,
    assessmentId: string,
    language: Language,
    message: string,
  ) {
    try {
      return await this.access.viewer(manager, user, assessmentId, language);
    } catch (error) {
      if (error instanceof NotFoundException) throw new NotFoundException(message);
      throw error;
    }
  }

  private async insertComment(
    tx: EntityManager,
    viewer: CommentViewer,
    threadId: string,
    scope: ThreadScope,
    text: string,
    replyToId: string | null,
    mentionIds: readonly string[],
  ): Promise<string> {
    // A council member writes for the thread's council; staff write for themselves.
    const councilId = scope.councilId && viewer.councils.has(scope.councilId) && !viewer.staff ? scope.councilId : null;
    const [row]: { id: string }[] = await tx.query(
      `INSERT INTO comments (thread_id, reply_to_id, author_id, council_id, body) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [threadId, replyToId, viewer.user.id, councilId, text],
    );
    const id = (row as { id: string }).id;
    if (mentionIds.length)
      await tx.query(`INSERT INTO comment_mentions (comment_id, user_id) SELECT $1, unnest($2::uuid[])`, [id, [...mentionIds]]);
    return id;
  }

  /** `author`: the writer's name as others see it (shownNameOf). */
  private mentionDrafts(viewer: CommentViewer, section: string, mentionIds: readonly string[], author: string): NotificationDraft[] {
    return mentionIds
      .filter((id) => id !== viewer.user.id)
      .map((id) => ({
        recipientUserId: id,
        kind: 'mentioned' as const,
        assessmentId: viewer.assessment.id,
        params: { title: viewer.assessment.title, section, author },
      }));
  }
}

/** SQL for "threads this viewer may see" (parameters numbered from `first`). */
export function visibleClause(viewer: CommentViewer, first: number): { clause: string; params: unknown[] } {
  return {
    clause: `(($${first}::boolean AND t.audience IN ('staff', 'consultation'))
              OR (t.audience IN ('consultation', 'council') AND t.council_id = ANY($${first + 1}::uuid[])))`,
    params: [viewer.staff, [...viewer.councils.keys()]],
  };
}

/** A person's name as others see it, for notifications (the rule is the database's shown_name). */
async function shownNameOf(tx: EntityManager, userId: string): Promise<string> {
  const [row]: { name: string }[] = await tx.query(`SELECT shown_name(id, display_name) AS name FROM users WHERE id = $1`, [userId]);
  return row?.name ?? '';
}

/** How many of the mentioned are someone else (mentioning oneself notifies nobody). */
function othersIn(mentionIds: readonly string[], userId: string): number {
  return new Set(mentionIds.filter((id) => id !== userId)).size;
}

function requireModerator(viewer: CommentViewer, audience: CommentAudience): void {
  if (!viewer.moderator || audience === 'council')
    throw new ForbiddenException('Only an official of the municipality or an admin hides or restores comments.');
}

function badField(field: string, problem: string): BadRequestException {
  return new BadRequestException({ message: `Please check the request. ${field}: ${problem}`, details: [{ field, messages: [problem] }] });
}

/** A quoted passage belongs to the thread's section and its offsets match its length. */
function checkQuote(section: CommentSection, quote: QuoteDto): void {
  const ownField =
    quote.field === section ||
    quote.field.startsWith(`${section}.`) ||
    (isRecordSection(section) && sectionOfChange(quote.field) === section);
  if (!ownField) throw badField('quote.field', `is not a field of the section ${section}`);
  if (quote.end <= quote.start) throw badField('quote.end', 'must be after quote.start');
  if (quote.end - quote.start !== quote.text.length) throw badField('quote.text', 'must be the text between quote.start and quote.end');
}
