import { RECORD_SECTIONS, type RecordSection } from './assessments';

/**
 * Comments on an assessment. A thread is anchored to a section of the record (a RECORD_SECTIONS
 * key) or, for a youth council's private statement drafting, to `statement`; optionally to a
 * passage quoted from one field of that section.
 *
 * Who sees a thread depends on its audience:
 * - `staff`: municipal staff (the municipality's officials, reviewers and admins, the deciding
 *   committee's chair); written during draft and review. Youth council members never see these.
 * - `consultation`: started by a consulted youth council during its consultation; seen by staff
 *   and that council only (not by other councils). Staff may reply during the consultation.
 * - `council`: a council's own drafting threads; only that council's members see them.
 */
export const COMMENT_AUDIENCES = ['staff', 'consultation', 'council'] as const;
export type CommentAudience = (typeof COMMENT_AUDIENCES)[number];

/** What a thread may be anchored to. */
export const COMMENT_SECTIONS = [...RECORD_SECTIONS, 'statement'] as const;
export type CommentSection = RecordSection | 'statement';

export function isCommentSection(value: unknown): value is CommentSection {
  return typeof value === 'string' && (COMMENT_SECTIONS as readonly string[]).includes(value);
}

/** Limits (characters), enforced by the API and shown by the web form. */
export const COMMENT_MAX_LENGTH = 5000;
export const COMMENT_QUOTE_MAX_LENGTH = 1000;
export const COMMENT_REASON_MAX_LENGTH = 500;
export const COMMENT_MAX_MENTIONS = 20;
/** A thread view carries its opening comment and at most this many of its latest replies; earlier ones come by page. */
export const COMMENT_PAGE_SIZE = 50;
/** A comment view carries at most this many of its earlier texts (the newest ones). */
export const COMMENT_REVISIONS_SHOWN = 20;

export interface PersonRef {
  id: string;
  displayName: string;
}

/** An earlier text of an edited comment. */
export interface CommentRevision {
  text: string;
  /** When this text was written (the comment's creation or an earlier edit). */
  writtenAt: string;
}

export interface CommentView {
  id: string;
  threadId: string;
  /** The comment this one answers (null: the thread's opening comment or a reply to the thread). */
  replyToId: string | null;
  author: PersonRef;
  /** null when hidden by a moderator or deleted: the text is never sent then. */
  text: string | null;
  createdAt: string;
  /** Set when the author edited it; `revisions` holds the earlier texts, oldest first. */
  editedAt: string | null;
  revisions: CommentRevision[];
  /** Earlier texts older than those in `revisions`, not sent (at most COMMENT_REVISIONS_SHOWN are). */
  olderRevisions: number;
  mentions: PersonRef[];
  hidden: { at: string; reason: string } | null;
  deletedAt: string | null;
  /** How many people flagged it; moderators also get the reasons. */
  flagCount: number;
  flaggedByMe: boolean;
  flagReasons?: string[];
  version: number;
  /** What the caller may do with it. */
  canEdit: boolean;
  canHide: boolean;
}

export interface CommentQuote {
  /** The field the passage was taken from, as named in the version history (`screening.rationale`). */
  field: string;
  text: string;
  /** Offsets in the field's text when the passage was chosen (start inclusive, end exclusive). */
  start: number;
  end: number;
  /** True when the field has changed so that the passage is no longer there as quoted. */
  changed: boolean;
}

export interface CommentThreadView {
  id: string;
  assessmentId: string;
  section: CommentSection;
  audience: CommentAudience;
  /** The youth council of a `consultation` or `council` thread. */
  council: { id: string; name: string } | null;
  quote: CommentQuote | null;
  createdBy: PersonRef;
  createdAt: string;
  resolved: { at: string; by: PersonRef } | null;
  /** Oldest first: the opening comment, then the latest replies (at most COMMENT_PAGE_SIZE of them). */
  comments: CommentView[];
  /** Replies between the opening comment and those in `comments`, not sent; null when none. */
  earlier: EarlierComments | null;
  version: number;
  /** What the caller may do now (the API has the last word). */
  canReply: boolean;
  canResolve: boolean;
}

/** Replies not sent yet: `GET /api/comment-threads/{id}/comments?before={cursor}` gives the newest of them. */
export interface EarlierComments {
  count: number;
  cursor: string;
}

/** `GET /api/comment-threads/{id}/comments?before=…`: replies just before the cursor, oldest first. */
export interface CommentPage {
  items: CommentView[];
  /** Replies still earlier than these (after the opening comment); null when none. */
  earlier: EarlierComments | null;
}

export interface CommentThreadPage {
  items: CommentThreadView[];
  nextCursor: string | null;
}

export interface CreateCommentThreadRequest {
  section: CommentSection;
  audience: CommentAudience;
  /** Required only when the caller belongs to more than one consulted youth council. */
  councilId?: string;
  text: string;
  /** User ids of people @mentioned; each must be able to see the thread. */
  mentionIds?: string[];
  quote?: { field: string; text: string; start: number; end: number };
}

export interface CreateCommentRequest {
  text: string;
  replyToId?: string;
  mentionIds?: string[];
}

export interface EditCommentRequest {
  text: string;
  version: number;
  mentionIds?: string[];
}

export interface ThreadStateRequest {
  version: number;
}

export interface FlagCommentRequest {
  reason?: string;
}

export interface HideCommentRequest {
  reason: string;
}

/** What the caller may do on an assessment's comments, and in which audiences. */
export interface CommentPermissions {
  /** Audiences the caller may start a thread in now (empty: read only). */
  canStart: CommentAudience[];
  /** The youth councils the caller speaks for here (consulted, caller a member). */
  councils: { id: string; name: string }[];
  moderator: boolean;
  /** Per section: how many open (unresolved) threads the caller can see. */
  openCounts: Partial<Record<CommentSection, number>>;
}

/** People one may @mention in a thread of this audience (those who can see it). */
export interface MentionCandidates {
  items: PersonRef[];
}

export const STATEMENT_STANDING_ANSWERS = ['stands', 'will_revise'] as const;
export type StatementStandingAnswer = (typeof STATEMENT_STANDING_ANSWERS)[number];

/** One field change in a section since a council's latest comment on it. */
export interface SectionChange {
  field: string;
  version: number;
  changedAt: string;
  /** The value before the first change after the comment, and now. Text values diff word by word. */
  from: unknown;
  to: unknown;
}

export interface ChangedSection {
  section: CommentSection;
  /** The council's latest comment on the section. */
  lastCommentedAt: string;
  changes: SectionChange[];
}

export interface CouncilChanges {
  council: { id: string; name: string };
  sections: ChangedSection[];
  /** The council's latest answer, if any. */
  answer: { answer: StatementStandingAnswer; assessmentVersion: number; answeredAt: string; by: PersonRef } | null;
  /** True while there are changes newer than the latest answer (the council is asked again). */
  answerNeeded: boolean;
}

/**
 * Sections changed after a council commented on them. Content is read-only during a consultation,
 * so such changes are made after a return to draft; the council sees them in its next consultation
 * round. "Since their comments" means after the council's latest comment on that section, in any
 * round; commenting on the section again, or answering, settles it until the next change.
 */
export interface CommentChanges {
  currentVersion: number;
  councils: CouncilChanges[];
}

export interface StatementStandingRequest {
  councilId?: string;
  answer: StatementStandingAnswer;
  /** The assessment version the council looked at. */
  assessmentVersion: number;
}
