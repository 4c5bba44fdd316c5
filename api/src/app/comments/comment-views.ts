import type { CommentAudience, CommentSection, CommentThreadView, CommentView, EarlierComments } from '@lava/contracts';
import { COMMENT_PAGE_SIZE, COMMENT_REVISIONS_SHOWN, sectionOfChange } from '@lava/contracts';
import { encodeCursor } from '../common/keyset-cursor';
import type { EntityManager } from 'typeorm';
import type { CommentAccess, CommentViewer } from './comment-access.service';

export interface ThreadRow {
  id: string;
  assessment_id: string;
  section: CommentSection;
  audience: CommentAudience;
  council_id: string | null;
  council_name: string | null;
  quote_field: string | null;
  quote_text: string | null;
  quote_start: number | null;
  quote_end: number | null;
  anchored_version: number;
  created_by_id: string;
  creator_name: string;
  created_at: Date;
  resolved_at: Date | null;
  resolved_by_id: string | null;
  resolver_name: string | null;
  version: number;
}

export interface CommentRow {
  id: string;
  thread_id: string;
  reply_to_id: string | null;
  author_id: string;
  author_name: string;
  council_id: string | null;
  body: string;
  created_at: Date;
  edited_at: Date | null;
  hidden_at: Date | null;
  hidden_reason: string | null;
  deleted_at: Date | null;
  version: number;
}

/** SELECT … FROM comment_threads t with the names a view needs; `nameColumn` is a fixed whitelist value. */
export function threadSelect(nameColumn: string): string {
  return `SELECT t.*, shown_name(cu.id, cu.display_name) AS creator_name, shown_name(ru.id, ru.display_name) AS resolver_name, o.${nameColumn} AS council_name
            FROM comment_threads t
            JOIN users cu ON cu.id = t.created_by_id
            LEFT JOIN users ru ON ru.id = t.resolved_by_id
            LEFT JOIN organizations o ON o.id = t.council_id`;
}

/** Names as others see them: `shown_name` (a youth council member by first name only; see its migration). */
export const COMMENT_SELECT = `SELECT c.*, shown_name(u.id, u.display_name) AS author_name FROM comments c JOIN users u ON u.id = c.author_id`;

/**
 * Whether a quoted passage is still there: the field's latest saved value (from the version
 * history, which records every change as `<section>.<field>`) still has the quote at its offsets.
 * A field that was not changed since the thread began keeps its passage; a change to a field the
 * history cannot give as text (or to the section, when the field is unknown) counts as changed.
 */
export function quoteChanged(
  thread: Pick<ThreadRow, 'section' | 'quote_field' | 'quote_text' | 'quote_start' | 'quote_end' | 'anchored_version'>,
  versions: readonly { version: number; changes: Record<string, { from: unknown; to: unknown }> }[],
): boolean {
  const field = thread.quote_field;
  if (field === null || thread.quote_text === null) return false;
  let latest: { value: unknown } | null = null;
  let sectionTouched = false;
  for (const v of versions) {
    if (v.version <= thread.anchored_version) continue;
    for (const [key, change] of Object.entries(v.changes ?? {})) {
      if (key === field) latest = { value: change.to };
      else if (key.startsWith(`${field}.`) || sectionOfChange(key) === thread.section) sectionTouched = true;
    }
  }
  if (latest !== null) {
    return typeof latest.value !== 'string' || latest.value.slice(thread.quote_start ?? 0, thread.quote_end ?? 0) !== thread.quote_text;
  }
  // A field named as the history names it (`<section>.<field>`) that was not saved since: unchanged.
  // A name the history does not use: any change to the section counts as a change.
  // A passage of the whole section (field = the section key): any change to the section counts.
  const historyName = field !== thread.section && sectionOfChange(field) === thread.section;
  return !historyName && sectionTouched;
}

/**
 * The views of comments as the viewer may see them (hidden and deleted texts are never included),
 * with their mentions, flags and newest COMMENT_REVISIONS_SHOWN earlier texts.
 */
export async function commentViews(
  manager: EntityManager,
  viewer: CommentViewer,
  comments: readonly (CommentRow & { thread: Pick<ThreadRow, 'audience'>; writable: boolean })[],
): Promise<CommentView[]> {
  if (comments.length === 0) return [];
  const commentIds = comments.map((c) => c.id);
  const [revisions, mentions, flags] = await Promise.all([
    manager.query(
      `SELECT comment_id, body, written_at, total FROM (
         SELECT comment_id, body, written_at, id, count(*) OVER (PARTITION BY comment_id)::int AS total,
                row_number() OVER (PARTITION BY comment_id ORDER BY written_at DESC, id DESC) AS from_newest
           FROM comment_revisions WHERE comment_id = ANY($1)) r
        WHERE from_newest <= $2 ORDER BY written_at, id`,
      [commentIds, COMMENT_REVISIONS_SHOWN],
    ) as Promise<{ comment_id: string; body: string; written_at: Date; total: number }[]>,
    manager.query(
      `SELECT m.comment_id, u.id, shown_name(u.id, u.display_name) AS display_name FROM comment_mentions m JOIN users u ON u.id = m.user_id
        WHERE m.comment_id = ANY($1) ORDER BY 3`,
      [commentIds],
    ) as Promise<{ comment_id: string; id: string; display_name: string }[]>,
    manager.query(
      `SELECT comment_id, count(*)::int AS count, bool_or(user_id = $2) AS mine,
              coalesce(array_agg(reason ORDER BY created_at) FILTER (WHERE reason <> ''), '{}') AS reasons
         FROM comment_flags WHERE comment_id = ANY($1) GROUP BY comment_id`,
      [commentIds, viewer.user.id],
    ) as Promise<{ comment_id: string; count: number; mine: boolean; reasons: string[] }[]>,
  ]);
  const flagsOf = new Map(flags.map((f) => [f.comment_id, f]));
  return comments.map((c) => {
    const gone = c.hidden_at !== null || c.deleted_at !== null;
    const flag = flagsOf.get(c.id);
    const own = gone ? [] : revisions.filter((r) => r.comment_id === c.id);
    const moderated = viewer.moderator && c.thread.audience !== 'council';
    return {
      id: c.id,
      threadId: c.thread_id,
      replyToId: c.reply_to_id,
      author: { id: c.author_id, displayName: c.author_name },
      text: gone ? null : c.body,
      createdAt: c.created_at.toISOString(),
      editedAt: c.edited_at?.toISOString() ?? null,
      revisions: own.map((r) => ({ text: r.body, writtenAt: r.written_at.toISOString() })),
      olderRevisions: own.length ? (own[0]?.total ?? own.length) - own.length : 0,
      mentions: gone ? [] : mentions.filter((m) => m.comment_id === c.id).map((m) => ({ id: m.id, displayName: m.display_name })),
      hidden: c.hidden_at ? { at: c.hidden_at.toISOString(), reason: c.hidden_reason ?? '' } : null,
      deletedAt: c.deleted_at?.toISOString() ?? null,
      flagCount: flag?.count ?? 0,
      flaggedByMe: flag?.mine ?? false,
      ...(moderated ? { flagReasons: gone ? [] : (flag?.reasons ?? []) } : {}),
      version: c.version,
      canEdit: !gone && c.writable && c.author_id === viewer.user.id,
      canHide: moderated && c.deleted_at === null,
    };
  });
}

/** Replies before `position` (oldest first) and what is still earlier; the opening comment is never among them. */
export async function earlierReplies(
  manager: EntityManager,
  threadId: string,
  position: { createdAt: Date; id: string },
  limit: number,
): Promise<{ rows: CommentRow[]; earlier: EarlierComments | null }> {
  const after = `(c.created_at, c.id) > (SELECT f.created_at, f.id FROM comments f WHERE f.thread_id = $1 ORDER BY f.created_at, f.id LIMIT 1)`;
  const rows: (CommentRow & { before_these: number })[] = await manager.query(
    `SELECT page.*, (SELECT count(*)::int FROM comments c WHERE c.thread_id = $1 AND ${after}
                       AND (c.created_at, c.id) < (page.created_at, page.id)) AS before_these
       FROM (${COMMENT_SELECT} WHERE c.thread_id = $1 AND (c.created_at, c.id) < ($2, $3) AND ${after}
             ORDER BY c.created_at DESC, c.id DESC LIMIT $4) page
      ORDER BY page.created_at, page.id`,
    [threadId, position.createdAt, position.id, limit],
  );
  const oldest = rows[0];
  return {
    rows,
    earlier: oldest && oldest.before_these > 0 ? { count: oldest.before_these, cursor: commentCursor(oldest) } : null,
  };
}

function commentCursor(row: Pick<CommentRow, 'created_at' | 'id'>): string {
  return encodeCursor({ createdAt: row.created_at, id: row.id });
}

/**
 * Builds the views of the given threads as the viewer may see them: each with its opening comment
 * and its latest COMMENT_PAGE_SIZE replies; how many lie between, and where they start, in `earlier`.
 */
export async function threadViews(
  manager: EntityManager,
  access: CommentAccess,
  viewer: CommentViewer,
  threads: readonly ThreadRow[],
): Promise<CommentThreadView[]> {
  if (threads.length === 0) return [];
  const ids = threads.map((t) => t.id);
  const comments: (CommentRow & { from_start: string; total: number })[] = await manager.query(
    `SELECT * FROM (
       SELECT c.*, shown_name(u.id, u.display_name) AS author_name,
              row_number() OVER (PARTITION BY c.thread_id ORDER BY c.created_at, c.id) AS from_start,
              row_number() OVER (PARTITION BY c.thread_id ORDER BY c.created_at DESC, c.id DESC) AS from_end,
              count(*) OVER (PARTITION BY c.thread_id)::int AS total
         FROM comments c JOIN users u ON u.id = c.author_id WHERE c.thread_id = ANY($1)) ranked
      WHERE from_start = 1 OR from_end <= $2
      ORDER BY created_at, id`,
    [ids, COMMENT_PAGE_SIZE],
  );
  const threadOf = new Map(threads.map((t) => [t.id, t]));
  const writableOf = new Map(threads.map((t) => [t.id, access.mayWrite(viewer, { audience: t.audience, councilId: t.council_id })]));
  const views = await commentViews(
    manager,
    viewer,
    comments.map((c) => ({ ...c, thread: threadOf.get(c.thread_id) as ThreadRow, writable: writableOf.get(c.thread_id) ?? false })),
  );
  const viewOf = new Map(views.map((v) => [v.id, v]));

  const quoted = threads.filter((t) => t.quote_text !== null);
  const minAnchor = Math.min(...quoted.map((t) => t.anchored_version));
  // Which fields each later version changed, with the values only of the quoted fields: a long
  // history of whole texts is not read into the API for a thread list.
  const versions: { version: number; changes: Record<string, { from: unknown; to: unknown }> }[] = Number.isFinite(minAnchor)
    ? await manager.query(
        `SELECT v.version, jsonb_object_agg(f.key, CASE WHEN f.key = ANY($3) THEN f.value ELSE 'null'::jsonb END) AS changes
           FROM assessment_versions v CROSS JOIN LATERAL jsonb_each(v.changes) f
          WHERE v.assessment_id = $1 AND v.version > $2
          GROUP BY v.version ORDER BY v.version`,
        [viewer.assessment.id, minAnchor, [...new Set(quoted.map((t) => t.quote_field).filter((f) => f !== null))]],
      )
    : [];

  return threads.map((t) => {
    const writable = writableOf.get(t.id) ?? false;
    const own = comments.filter((c) => c.thread_id === t.id);
    const replies = own.filter((c) => String(c.from_start) !== '1');
    const total = own[0]?.total ?? 0;
    const notSent = total - own.length;
    const oldestReply = replies[0];
    return {
      id: t.id,
      assessmentId: t.assessment_id,
      section: t.section,
      audience: t.audience,
      council: t.council_id ? { id: t.council_id, name: t.council_name ?? '' } : null,
      quote:
        t.quote_text !== null && t.quote_field !== null
          ? {
              field: t.quote_field,
              text: t.quote_text,
              start: t.quote_start ?? 0,
              end: t.quote_end ?? 0,
              changed: quoteChanged(t, versions),
            }
          : null,
      createdBy: { id: t.created_by_id, displayName: t.creator_name },
      createdAt: t.created_at.toISOString(),
      resolved: t.resolved_at
        ? { at: t.resolved_at.toISOString(), by: { id: t.resolved_by_id ?? '', displayName: t.resolver_name ?? '' } }
        : null,
      comments: own.map((c) => viewOf.get(c.id) as CommentView),
      earlier: notSent > 0 && oldestReply ? { count: notSent, cursor: commentCursor(oldestReply) } : null,
      version: t.version,
      canReply: writable && t.resolved_at === null,
      canResolve: writable,
    };
  });
}
