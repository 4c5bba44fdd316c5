import type { Language } from './roles';

/**
 * Bodies an organization may hear besides youth councils (issue 13). A body is an organization of
 * kind `heard_body` under a municipality or a wellbeing services county; its type says what it is.
 */
export const BODY_TYPES = [
  'pupil_council',
  'youth_group',
  'ngo',
  'parish',
  'disability_council',
  'childrens_ombudsman',
  'parents_association',
  'other',
] as const;
export type BodyType = (typeof BODY_TYPES)[number];

/** An e-mail-only contact of a body: answers statement requests through a one-time link, without an account. */
export interface BodyContactView {
  id: string;
  organizationId: string;
  name: string;
  email: string;
  language: Language;
}

/** `POST /api/admin/organizations/:id/contacts`. */
export interface CreateBodyContactRequest {
  name: string;
  email: string;
  language: Language;
}

/** Every call of a statement link carries the token from the link's fragment in its body. */
export interface StatementLinkRequest {
  token: string;
}

/** `PUT /api/statement-links/draft` and `POST /api/statement-links/submit`: the statement's points, in order. */
export interface StatementLinkPointsRequest extends StatementLinkRequest {
  points: string[];
  /** The draft's version the page last saw; a save over a newer draft (another tab) is refused with 409. */
  version?: number;
}

/** What an e-mail-only contact sees through the link (`POST /api/statement-links/open`). */
export interface StatementLinkView {
  contactName: string;
  contactLanguage: Language;
  bodyName: string;
  organizationName: string;
  assessmentTitle: string;
  message: string;
  deadline: string;
  plainLanguageSummary: string;
  /** The draft kept so far (saved as the contact types), or the submitted points. */
  points: string[];
  /** The draft's version, sent back with the next save. */
  version: number;
  submittedAt: string | null;
}

export const STATEMENT_LINK_LIMITS = { points: 30, pointLength: 5000 } as const;
