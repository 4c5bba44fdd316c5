import { hashLinkToken, newLinkToken } from '../src/app/auth/refresh-cookie';
import type { User } from '../src/app/users/user.entity';
import { createMunicipality, createUser, TEST_PASSWORD } from './support/factories';
import { eventually, startTestEnvironment, type TestEnvironment } from './support/test-app';

/**
 * Every route of the OpenAPI document, called as every kind of caller, against the status the
 * access rules promise. A route without a row here fails the test, so nothing new ships unlisted.
 */
/**
 * `consultedClosed`: a member of a youth council that was sent the fixture assessment in a round
 * that has closed. It reads no more than a council never asked (`youth`), except the history up to
 * the version it was sent.
 * `coordinator`: the regional coordinator of the fixture's region (issue 13). The fixture assessment
 * is in screening, which a coordinator never reads: every assessment route answers them as it
 * answers an official of another municipality (404), and only the dashboard opens. Their reading
 * once out of draft, and never the private parts, is in dashboard.int-spec.
 *
 * `bodyMember`: a member of a heard body in Kotka's register (a pupil council, issue 13) that was not
 * asked about the fixture assessment: it reads no more than a youth council never asked. The
 * e-mail-only link is no caller: its token, not a session, is the key (rows `/api/statement-links/…`,
 * the same answer for every caller).
 */
const CALLERS = [
  'anonymous',
  'official',
  'reviewer',
  'chair',
  'youth',
  'consultedClosed',
  'bodyMember',
  'admin',
  'otherMunicipality',
  'coordinator',
  'deactivated',
] as const;
type Caller = (typeof CALLERS)[number];
type Expected = Record<Caller, number>;

const everyone = (status: number): Expected => Object.fromEntries(CALLERS.map((c) => [c, status])) as Expected;
const signedIn = (status: number, overrides: Partial<Expected> = {}): Expected => ({
  ...everyone(status),
  anonymous: 401,
  deactivated: 401,
  consultedClosed: overrides.youth ?? status,
  coordinator: overrides.otherMunicipality ?? status,
  bodyMember: overrides.youth ?? status,
  ...overrides,
});

interface Fixture {
  kotkaAssessmentId: string;
  /** The assessment's current version (edits by earlier rows move it on). */
  version: () => Promise<number>;
  officialNotificationId: string;
  kotkaEducationId: string;
  kotkaMunicipalityId: string;
  users: Record<Exclude<Caller, 'anonymous'>, User> & { spare: User };
  /** Kotka's NGO (a heard body) with one e-mail-only contact. */
  bodyId: string;
  /** A second contact of the NGO, for the removal row (removing the first would take its link along). */
  spareContactId: string;
  /** The contact the link was sent to (kept; only its details are rewritten). */
  contactId: string;
  /** A valid statement link of an open request to the NGO (the token from its e-mail). */
  linkToken: string;
}

interface RouteCase {
  expected: Expected;
  path?: (f: Fixture) => string;
  body?: (f: Fixture, caller: Caller) => object | Promise<object>;
}

/** An id no thread or comment has (comments rows). */
const NO_SUCH_ID = '00000000-0000-4000-8000-00000000c0de';

/** A survey id nobody has, and a survey the municipality's official may create. */
const NO_SURVEY = '00000000-0000-4000-8000-00000000a050';
const SURVEY = {
  languages: ['fi'],
  title: { fi: 'Kysely', sv: '', en: '' },
  intro: { fi: '', sv: '', en: '' },
  questions: [{ id: 'q1', kind: 'smiley', faces: 3, text: { fi: 'Miltä tuntuu?', sv: '', en: '' }, options: [] }],
  opensAt: '2026-01-01T08:00:00.000Z',
  closesAt: '2026-02-01T08:00:00.000Z',
  classCodes: [],
};

/** A consultation (and point) id nobody has. */
const NO_CONSULTATION = '00000000-0000-4000-8000-00000000c0c0';

const MATRIX: Record<string, RouteCase> = {
  'POST /api/auth/login': {
    // Each caller signs in with their own account; "anonymous" uses an address nobody has.
    expected: { ...everyone(200), anonymous: 401, deactivated: 401 },
    body: (f, caller) => ({ email: caller === 'anonymous' ? 'nobody@test.example' : f.users[caller].email, password: TEST_PASSWORD }),
  },
  'GET /api/auth/me': { expected: signedIn(200) },
  // Without a refresh cookie there is nothing to refresh; logging out always succeeds.
  'POST /api/auth/refresh': { expected: everyone(401) },
  'POST /api/auth/logout': { expected: everyone(204) },
  // Organization sign-in: public, and absent (404) unless OIDC_ISSUER is configured.
  'GET /api/auth/providers': { expected: everyone(200) },
  'GET /api/auth/oidc': { expected: everyone(404) },
  'GET /api/auth/oidc/callback': { expected: everyone(404) },
  'GET /api/committees': { expected: signedIn(200) },
  'POST /api/assessments': {
    // Only an official of the committee's municipality starts assessments.
    expected: signedIn(403, { official: 201 }),
    body: (f) => ({ title: 'Access matrix assessment', committeeId: f.kotkaEducationId }),
  },
  'GET /api/assessments': { expected: signedIn(200) },
  'GET /api/assessments/{id}': {
    // Existence does not leak: a record one may not read answers 404, like a missing one.
    expected: signedIn(200, { youth: 404, otherMunicipality: 404 }),
    path: (f) => `/api/assessments/${f.kotkaAssessmentId}`,
  },
  'PATCH /api/assessments/{id}': {
    // Only the responsible official edits the content; others who may read it get 403.
    expected: signedIn(403, { official: 200, youth: 404, otherMunicipality: 404 }),
    path: (f) => `/api/assessments/${f.kotkaAssessmentId}`,
    body: async (f) => ({ version: await f.version(), screening: { rationale: 'Edited in the access matrix' } }),
  },
  'GET /api/assessments/{id}/actions': {
    expected: signedIn(200, { youth: 404, otherMunicipality: 404 }),
    path: (f) => `/api/assessments/${f.kotkaAssessmentId}/actions`,
  },
  'POST /api/assessments/{id}/transitions': {
    // The official may try, but screening is unanswered: the workflow refuses with 409.
    expected: signedIn(403, { official: 409, youth: 404, otherMunicipality: 404 }),
    path: (f) => `/api/assessments/${f.kotkaAssessmentId}/transitions`,
    body: async (f) => ({ action: 'start_full_assessment', version: await f.version() }),
  },
  'GET /api/assessments/{id}/versions': {
    // A council whose round has closed reads the history up to what it was sent (version 1 here).
    expected: signedIn(200, { youth: 404, consultedClosed: 200, otherMunicipality: 404 }),
    path: (f) => `/api/assessments/${f.kotkaAssessmentId}/versions`,
  },
  'GET /api/assessments/{id}/versions/compare': {
    // Version 2 exists: the official's PATCH row above made it (after what the closed council was sent).
    expected: signedIn(200, { youth: 404, otherMunicipality: 404 }),
    path: (f) => `/api/assessments/${f.kotkaAssessmentId}/versions/compare?from=1&to=2`,
  },
  'GET /api/notifications': { expected: signedIn(200) },
  'POST /api/notifications/stream-ticket': { expected: signedIn(200) },
  // The bell's event stream opens only with a ticket (a bearer token is not enough; see notification-stream.int-spec.ts).
  'GET /api/notifications/stream': { expected: everyone(401) },
  'PATCH /api/me': { expected: signedIn(200), body: () => ({ language: 'fi' }) },
  // Personal calendar feed: one's own (calendar-feed.int-spec.ts has the rest); the feed itself is public, its secret the key.
  'GET /api/me/calendar-feed': { expected: signedIn(200) },
  'POST /api/me/calendar-feed': { expected: signedIn(201) },
  'DELETE /api/me/calendar-feed': { expected: signedIn(204) },
  'GET /api/calendar/{file}': { expected: everyone(404), path: () => `/api/calendar/${'A'.repeat(43)}.ics` },
  // Admin routes are no secret (403 to others); a person outside the admin's organizations is 404.
  'GET /api/admin/users': { expected: signedIn(403, { admin: 200 }) },
  'GET /api/admin/organizations': { expected: signedIn(403, { admin: 200 }) },
  'POST /api/admin/organizations': {
    expected: signedIn(403, { admin: 201 }),
    body: (f) => ({
      parentId: f.kotkaMunicipalityId,
      kind: 'committee',
      names: { fi: 'Matriisilautakunta', sv: 'Matrisnämnden', en: 'Matrix Committee' },
    }),
  },
  'PATCH /api/admin/organizations/{id}': {
    expected: signedIn(403, { admin: 200 }),
    path: (f) => `/api/admin/organizations/${f.kotkaEducationId}`,
    body: () => ({ names: { fi: 'Sivistyslautakunta', sv: 'Bildningsnämnden', en: 'Education Committee' } }),
  },
  'PUT /api/admin/organizations/{id}/oidc-email-domains': {
    expected: signedIn(403, { admin: 200 }),
    path: (f) => `/api/admin/organizations/${f.kotkaMunicipalityId}/oidc-email-domains`,
    body: () => ({ domains: ['kotka.example'] }),
  },
  'PUT /api/admin/organizations/{id}/languages': {
    expected: signedIn(403, { admin: 200 }),
    path: (f) => `/api/admin/organizations/${f.kotkaMunicipalityId}/languages`,
    body: () => ({ languages: ['fi'] }),
  },
  'GET /api/admin/organizations/{id}/wellbeing': {
    expected: signedIn(403, { admin: 200 }),
    path: (f) => `/api/admin/organizations/${f.kotkaMunicipalityId}/wellbeing`,
  },
  'PUT /api/admin/organizations/{id}/wellbeing': {
    expected: signedIn(403, { admin: 200 }),
    path: (f) => `/api/admin/organizations/${f.kotkaMunicipalityId}/wellbeing`,
    body: () => ({ framework: 'shanarri' }),
  },
  // A heard body's e-mail-only contacts (issue 13; heard-bodies.int-spec has the rest).
  'GET /api/admin/organizations/{id}/contacts': {
    expected: signedIn(403, { admin: 200 }),
    path: (f) => `/api/admin/organizations/${f.bodyId}/contacts`,
  },
  'POST /api/admin/organizations/{id}/contacts': {
    expected: signedIn(403, { admin: 201 }),
    path: (f) => `/api/admin/organizations/${f.bodyId}/contacts`,
    body: () => ({ name: 'Matriisi', email: `matrix-${Date.now()}@ngo.example`, language: 'fi' }),
  },
  'PUT /api/admin/organizations/{id}/contacts/{contactId}': {
    expected: signedIn(403, { admin: 200 }),
    path: (f) => `/api/admin/organizations/${f.bodyId}/contacts/${f.contactId}`,
    body: () => ({ name: 'Maija', email: 'maija@mll.example', language: 'fi' }),
  },
  'DELETE /api/admin/organizations/{id}/contacts/{contactId}': {
    // Only the admin removes the contact (one admin among the callers, so nobody tries it twice).
    expected: signedIn(403, { admin: 204 }),
    path: (f) => `/api/admin/organizations/${f.bodyId}/contacts/${f.spareContactId}`,
  },
  // The e-mail-only link: the token is the key, whoever calls (no session needed, none used).
  'POST /api/statement-links/open': { expected: everyone(200), body: (f) => ({ token: f.linkToken }) },
  'PUT /api/statement-links/draft': { expected: everyone(200), body: (f) => ({ token: f.linkToken, points: ['Matriisi'] }) },
  // Submitting uses the link up (heard-bodies.int-spec): here an unknown token, 404 for everyone.
  'POST /api/statement-links/submit': { expected: everyone(404), body: () => ({ token: 'x'.repeat(43), points: ['Matriisi'] }) },
  'PUT /api/admin/users/{id}/memberships': {
    expected: signedIn(403, { admin: 200 }),
    path: (f) => `/api/admin/users/${f.users.spare.id}/memberships`,
    body: (f) => ({ memberships: [{ organizationId: f.kotkaMunicipalityId, role: 'official' }] }),
  },
  'POST /api/admin/users/{id}/deactivate': {
    expected: signedIn(403, { admin: 200 }),
    path: (f) => `/api/admin/users/${f.users.spare.id}/deactivate`,
  },
  'POST /api/admin/users/{id}/reactivate': {
    expected: signedIn(403, { admin: 204 }),
    path: (f) => `/api/admin/users/${f.users.spare.id}/reactivate`,
  },
  // Privacy: everyone downloads their own data; erasure is for admins, and Kouvola's official is outside the (Kotka) admin's scope.
  'GET /api/me/data': { expected: signedIn(200) },
  'POST /api/admin/users/{id}/erase': {
    expected: signedIn(403, { admin: 404 }),
    path: (f) => `/api/admin/users/${f.users.otherMunicipality.id}/erase`,
    body: () => ({ reason: 'access matrix' }),
  },
  'POST /api/notifications/{id}/read': {
    expected: signedIn(404, { official: 204 }),
    path: (f) => `/api/notifications/${f.officialNotificationId}/read`,
  },
  'GET /api/me/notification-preferences': { expected: signedIn(200) },
  'PUT /api/me/notification-preferences': {
    expected: signedIn(200),
    body: () => ({ items: [{ kind: 'assessment_created', channel: 'email' }] }),
  },
  // Admin routes are no secret: non-admins get 403. No failed notification exists, so the admin's retry is 404.
  'GET /api/admin/notifications/failed': { expected: signedIn(403, { admin: 200 }) },
  'POST /api/admin/notifications/{id}/retry': {
    expected: signedIn(403, { admin: 404 }),
    path: (f) => `/api/admin/notifications/${f.officialNotificationId}/retry`,
  },
  'GET /api/admin/queues': { expected: signedIn(403, { admin: 200 }) },
  // Invitations: admins invite into their own organizations (others 403).
  'POST /api/admin/invitations': {
    expected: signedIn(403, { admin: 201 }),
    body: (f) => ({
      email: 'matrix-invitee@test.example',
      language: 'fi',
      memberships: [{ organizationId: f.kotkaMunicipalityId, role: 'official' }],
    }),
  },
  'GET /api/admin/invitations': { expected: signedIn(403, { admin: 200 }) },
  // The invited person's side is public: the link's token is the proof (an unknown one is 404 for everyone).
  'POST /api/invitations/lookup': { expected: everyone(404), body: () => ({ token: 'u'.repeat(43) }) },
  'POST /api/invitations/accept': {
    expected: everyone(404),
    body: () => ({ token: 'u'.repeat(43), password: 'a long enough password' }),
  },
  // Password reset is public and answers alike whether or not the address has an account.
  'POST /api/auth/password-reset': { expected: everyone(202), body: () => ({ email: 'nobody@test.example' }) },
  'POST /api/auth/password-reset/complete': {
    expected: everyone(404),
    body: () => ({ token: 'u'.repeat(43), password: 'a long enough password' }),
  },
  // --- Record content (rows for record routes go here) ---
  // --- Review and decision (rows go here) ---
  // The review is internal to the municipality's staff; the fixture is in screening, so the responsible
  // official's reviewer changes are refused by stage (409) and nobody is assigned to tick the checklist.
  'GET /api/assessments/{id}/review': {
    expected: signedIn(200, { youth: 404, otherMunicipality: 404 }),
    path: (f) => `/api/assessments/${f.kotkaAssessmentId}/review`,
  },
  'GET /api/assessments/{id}/reviewer-candidates': {
    expected: signedIn(403, { official: 200, youth: 404, otherMunicipality: 404 }),
    path: (f) => `/api/assessments/${f.kotkaAssessmentId}/reviewer-candidates`,
  },
  'POST /api/assessments/{id}/reviewers': {
    expected: signedIn(403, { official: 409, youth: 404, otherMunicipality: 404 }),
    path: (f) => `/api/assessments/${f.kotkaAssessmentId}/reviewers`,
    body: (f) => ({ userId: f.users.reviewer.id }),
  },
  'DELETE /api/assessments/{id}/reviewers/{userId}': {
    expected: signedIn(403, { official: 409, youth: 404, otherMunicipality: 404 }),
    path: (f) => `/api/assessments/${f.kotkaAssessmentId}/reviewers/${f.users.reviewer.id}`,
  },
  'PUT /api/assessments/{id}/review/checklist/{item}': {
    expected: signedIn(403, { youth: 404, otherMunicipality: 404 }),
    path: (f) => `/api/assessments/${f.kotkaAssessmentId}/review/checklist/evidence_gaps_stated`,
    body: () => ({ done: true, version: 1 }),
  },
  'GET /api/assessments/{id}/decisions': {
    expected: signedIn(200, { youth: 404, otherMunicipality: 404 }),
    path: (f) => `/api/assessments/${f.kotkaAssessmentId}/decisions`,
  },
  // --- Consultation and statements (rows go here) ---
  // The fixture assessment is in screening and no council is consulted: staff read its (empty) board,
  // the official may not plan in screening (409), others may not plan (403), a council not asked and
  // another municipality see nothing (404). Routes on one request use an id nobody has (404 to all);
  // who may do what on a real request is covered by consultations.int-spec.ts.
  'GET /api/assessments/{id}/consultations': {
    expected: signedIn(200, { youth: 404, otherMunicipality: 404 }),
    path: (f) => `/api/assessments/${f.kotkaAssessmentId}/consultations`,
  },
  'GET /api/assessments/{id}/youth-councils': {
    expected: signedIn(200, { youth: 404, otherMunicipality: 404 }),
    path: (f) => `/api/assessments/${f.kotkaAssessmentId}/youth-councils`,
  },
  'POST /api/assessments/{id}/consultations': {
    expected: signedIn(403, { official: 409, youth: 404, otherMunicipality: 404 }),
    path: (f) => `/api/assessments/${f.kotkaAssessmentId}/consultations`,
    body: () => ({ youthCouncilId: NO_CONSULTATION, deadline: new Date(Date.now() + 14 * 86_400_000).toISOString() }),
  },
  'GET /api/consultations': { expected: signedIn(200) },
  'GET /api/consultations/{id}': { expected: signedIn(404), path: () => `/api/consultations/${NO_CONSULTATION}` },
  'PATCH /api/consultations/{id}': {
    expected: signedIn(404),
    path: () => `/api/consultations/${NO_CONSULTATION}`,
    body: () => ({ version: 1, deadline: new Date(Date.now() + 14 * 86_400_000).toISOString() }),
  },
  'DELETE /api/consultations/{id}': { expected: signedIn(404), path: () => `/api/consultations/${NO_CONSULTATION}?version=1` },
  'POST /api/consultations/{id}/withdraw': {
    expected: signedIn(404),
    path: () => `/api/consultations/${NO_CONSULTATION}/withdraw`,
    body: () => ({ version: 1 }),
  },
  'PUT /api/consultations/{id}/points/{pointId}/disposition': {
    expected: signedIn(404),
    path: () => `/api/consultations/${NO_CONSULTATION}/points/${NO_CONSULTATION}/disposition`,
    body: () => ({ version: 1, disposition: 'accepted', reason: 'Hyvä ehdotus.' }),
  },
  'POST /api/consultations/{id}/points': {
    expected: signedIn(404),
    path: () => `/api/consultations/${NO_CONSULTATION}/points`,
    body: () => ({ text: 'Kohta' }),
  },
  'PATCH /api/consultations/{id}/points/{pointId}': {
    expected: signedIn(404),
    path: () => `/api/consultations/${NO_CONSULTATION}/points/${NO_CONSULTATION}`,
    body: () => ({ version: 1, text: 'Kohta' }),
  },
  'DELETE /api/consultations/{id}/points/{pointId}': {
    expected: signedIn(404),
    path: () => `/api/consultations/${NO_CONSULTATION}/points/${NO_CONSULTATION}?version=1`,
  },
  'POST /api/consultations/{id}/points/{pointId}/restore': {
    expected: signedIn(404),
    path: () => `/api/consultations/${NO_CONSULTATION}/points/${NO_CONSULTATION}/restore`,
    body: () => ({ version: 1 }),
  },
  'POST /api/consultations/{id}/statement/adopt': {
    expected: signedIn(404),
    path: () => `/api/consultations/${NO_CONSULTATION}/statement/adopt`,
    body: () => ({ version: 1, meetingDate: '2026-01-15' }),
  },
  'POST /api/consultations/{id}/statement/submit': {
    expected: signedIn(404),
    path: () => `/api/consultations/${NO_CONSULTATION}/statement/submit`,
    body: () => ({ version: 1 }),
  },
  'POST /api/consultations/{id}/statement/withdraw': {
    expected: signedIn(404),
    path: () => `/api/consultations/${NO_CONSULTATION}/statement/withdraw`,
    body: () => ({ version: 1 }),
  },
  // --- Comments (rows go here) ---
  // The fixture assessment is in screening: staff read its comments but write none yet (409); a youth
  // council not consulted cannot read it (404). A council whose round closed keeps its own threads
  // and the flags on sections changed since it commented (the comments' own rule), and writes
  // nothing. Thread and comment rows use an id nobody has (404 to all); comments.int-spec.ts
  // covers every rule on real threads.
  'GET /api/assessments/{id}/comment-access': {
    expected: signedIn(200, { youth: 404, consultedClosed: 200, otherMunicipality: 404 }),
    path: (f) => `/api/assessments/${f.kotkaAssessmentId}/comment-access`,
  },
  'GET /api/assessments/{id}/comment-threads': {
    expected: signedIn(200, { youth: 404, consultedClosed: 200, otherMunicipality: 404 }),
    path: (f) => `/api/assessments/${f.kotkaAssessmentId}/comment-threads`,
  },
  'POST /api/assessments/{id}/comment-threads': {
    expected: signedIn(409, { youth: 404, consultedClosed: 403, otherMunicipality: 404 }),
    path: (f) => `/api/assessments/${f.kotkaAssessmentId}/comment-threads`,
    body: () => ({ section: 'scope', audience: 'staff', text: 'Matriisin kommentti' }),
  },
  'GET /api/assessments/{id}/comment-mentionables': {
    expected: signedIn(200, { youth: 404, consultedClosed: 403, otherMunicipality: 404 }),
    path: (f) => `/api/assessments/${f.kotkaAssessmentId}/comment-mentionables?audience=staff`,
  },
  'GET /api/assessments/{id}/comment-changes': {
    expected: signedIn(200, { youth: 404, consultedClosed: 200, otherMunicipality: 404 }),
    path: (f) => `/api/assessments/${f.kotkaAssessmentId}/comment-changes`,
  },
  'PUT /api/assessments/{id}/comment-changes/answer': {
    // Only a consulted youth council answers; staff get 403.
    expected: signedIn(403, { youth: 404, consultedClosed: 409, otherMunicipality: 404 }),
    path: (f) => `/api/assessments/${f.kotkaAssessmentId}/comment-changes/answer`,
    body: async (f) => ({ answer: 'stands', assessmentVersion: await f.version() }),
  },
  'GET /api/comment-threads/{threadId}/comments': {
    expected: signedIn(404),
    path: () =>
      `/api/comment-threads/${NO_SUCH_ID}/comments?before=WyIyMDI2LTAxLTAxVDAwOjAwOjAwLjAwMFoiLCIwMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDAiXQ`,
  },
  'POST /api/comment-threads/{threadId}/comments': {
    expected: signedIn(404),
    path: () => `/api/comment-threads/${NO_SUCH_ID}/comments`,
    body: () => ({ text: 'Vastaus' }),
  },
  'POST /api/comment-threads/{threadId}/resolve': {
    expected: signedIn(404),
    path: () => `/api/comment-threads/${NO_SUCH_ID}/resolve`,
    body: () => ({ version: 1 }),
  },
  'POST /api/comment-threads/{threadId}/reopen': {
    expected: signedIn(404),
    path: () => `/api/comment-threads/${NO_SUCH_ID}/reopen`,
    body: () => ({ version: 1 }),
  },
  'PATCH /api/comments/{commentId}': {
    expected: signedIn(404),
    path: () => `/api/comments/${NO_SUCH_ID}`,
    body: () => ({ text: 'Muokattu', version: 1 }),
  },
  'DELETE /api/comments/{commentId}': { expected: signedIn(404), path: () => `/api/comments/${NO_SUCH_ID}` },
  'POST /api/comments/{commentId}/flags': { expected: signedIn(404), path: () => `/api/comments/${NO_SUCH_ID}/flags`, body: () => ({}) },
  'POST /api/comments/{commentId}/hide': {
    expected: signedIn(404),
    path: () => `/api/comments/${NO_SUCH_ID}/hide`,
    body: () => ({ reason: 'Asiaton' }),
  },
  'POST /api/comments/{commentId}/unhide': { expected: signedIn(404), path: () => `/api/comments/${NO_SUCH_ID}/unhide` },
  // --- Publication: agenda PDFs, publishing, the public register (publication.int-spec.ts has the rest) ---
  // Whoever may read the assessment sees and asks for its PDFs; the fixture has none made yet (no worker here).
  'GET /api/assessments/{id}/documents': {
    expected: signedIn(200, { youth: 404, otherMunicipality: 404 }),
    path: (f) => `/api/assessments/${f.kotkaAssessmentId}/documents`,
  },
  'POST /api/assessments/{id}/documents': {
    expected: signedIn(202, { youth: 404, otherMunicipality: 404 }),
    path: (f) => `/api/assessments/${f.kotkaAssessmentId}/documents`,
  },
  // Whether a PDF is ready depends on the worker's timing: ask for one of an assessment nobody has (publication.int-spec downloads real ones).
  'GET /api/assessments/{id}/documents/{language}': {
    expected: signedIn(404),
    path: () => `/api/assessments/${NO_SUCH_ID}/documents/fi.pdf`,
  },
  'GET /api/assessments/{id}/publication': {
    expected: signedIn(200, { youth: 404, otherMunicipality: 404 }),
    path: (f) => `/api/assessments/${f.kotkaAssessmentId}/publication`,
  },
  // The responsible official and the committee's chair may, but not in screening (409); other staff 403.
  'POST /api/assessments/{id}/publication': {
    expected: signedIn(403, { official: 409, chair: 409, youth: 404, otherMunicipality: 404 }),
    path: (f) => `/api/assessments/${f.kotkaAssessmentId}/publication`,
    body: () => ({ version: 0 }),
  },
  'POST /api/assessments/{id}/publication/unpublish': {
    expected: signedIn(403, { official: 409, chair: 409, youth: 404, otherMunicipality: 404 }),
    path: (f) => `/api/assessments/${f.kotkaAssessmentId}/publication/unpublish`,
    body: () => ({ version: 0, reason: 'Virhe' }),
  },
  // The public register: open to everyone; an unpublished assessment does not exist there.
  'GET /api/public/assessments': { expected: everyone(200) },
  'GET /api/public/municipalities': { expected: everyone(200) },
  'GET /api/public/municipalities/{id}/committees': {
    expected: everyone(200),
    path: (f) => `/api/public/municipalities/${f.kotkaMunicipalityId}/committees`,
  },
  'GET /api/public/assessments/{id}': { expected: everyone(404), path: (f) => `/api/public/assessments/${f.kotkaAssessmentId}` },
  'GET /api/public/assessments/{id}/pdf/{language}': {
    expected: everyone(404),
    path: (f) => `/api/public/assessments/${f.kotkaAssessmentId}/pdf/fi`,
  },
  'GET /api/public/verify/{hash}': { expected: everyone(404), path: () => `/api/public/verify/${'0'.repeat(64)}` },
  'GET /api/public/feed.atom': { expected: everyone(200) },
  // --- Notifications and scheduling (rows go here) ---
  // Sets the queue dashboard's cookie (the dashboard itself, /api/admin/queues/board/, is not in the document: queue-board.int-spec).
  // Only for admins of a top-level organization: the matrix's admin is the region's; a municipality's admin gets 403 (queue-board.int-spec).
  'POST /api/admin/queues/board-session': { expected: signedIn(403, { admin: 200 }) },
  'GET /api/health': { expected: everyone(200) },
  // The dashboard (issue 13): officials, admins and the regional coordinator, each over their scope.
  'GET /api/dashboard': { expected: signedIn(403, { official: 200, admin: 200, otherMunicipality: 200, coordinator: 200 }) },
  'GET /api/dashboard/tables/{table}': {
    expected: signedIn(403, { official: 200, admin: 200, otherMunicipality: 200, coordinator: 200 }),
    path: () => '/api/dashboard/tables/stages?format=csv',
  },
  // Off unless DEMO_MODE (never in production).
  'GET /api/demo-accounts': { expected: everyone(404) },
  // --- Children's surveys (issue 14): the rules with real surveys are in surveys.int-spec ---
  'GET /api/assessments/{id}/surveys': {
    expected: signedIn(200, { youth: 404, otherMunicipality: 404 }),
    path: (f) => `/api/assessments/${f.kotkaAssessmentId}/surveys`,
  },
  'POST /api/assessments/{id}/surveys': {
    // The municipality's officials make surveys; other staff read them.
    expected: signedIn(403, { official: 201, youth: 404, otherMunicipality: 404 }),
    path: (f) => `/api/assessments/${f.kotkaAssessmentId}/surveys`,
    body: () => SURVEY,
  },
  'GET /api/assessments/{id}/survey-views': {
    expected: signedIn(200, { youth: 404, otherMunicipality: 404 }),
    path: (f) => `/api/assessments/${f.kotkaAssessmentId}/survey-views`,
  },
  'GET /api/surveys/{id}': { expected: signedIn(404), path: () => `/api/surveys/${NO_SURVEY}` },
  'PUT /api/surveys/{id}': { expected: signedIn(404), path: () => `/api/surveys/${NO_SURVEY}`, body: () => ({ ...SURVEY, version: 1 }) },
  'DELETE /api/surveys/{id}': { expected: signedIn(404), path: () => `/api/surveys/${NO_SURVEY}` },
  'GET /api/surveys/{id}/results': { expected: signedIn(404), path: () => `/api/surveys/${NO_SURVEY}/results` },
  'GET /api/surveys/{id}/free-texts': { expected: signedIn(404), path: () => `/api/surveys/${NO_SURVEY}/free-texts` },
  'PATCH /api/surveys/{id}/free-texts/{textId}': {
    expected: signedIn(404),
    path: () => `/api/surveys/${NO_SURVEY}/free-texts/${NO_SUCH_ID}`,
    body: () => ({ status: 'kept' }),
  },
  'GET /api/surveys/{id}/export.csv': { expected: signedIn(404), path: () => `/api/surveys/${NO_SURVEY}/export.csv` },
  'POST /api/surveys/{id}/views': { expected: signedIn(404), path: () => `/api/surveys/${NO_SURVEY}/views` },
  'GET /api/surveys/{id}/poster/{language}': { expected: signedIn(404), path: () => `/api/surveys/${NO_SURVEY}/poster/fi` },
  'GET /api/public/surveys/{id}': { expected: everyone(404), path: () => `/api/public/surveys/${NO_SURVEY}` },
  'POST /api/public/surveys/{id}/answers': {
    expected: everyone(404),
    path: () => `/api/public/surveys/${NO_SURVEY}/answers`,
    body: () => ({ id: '00000000-0000-4000-8000-0000000a0501', language: 'fi', answers: {} }),
  },
};

describe('access matrix', () => {
  let env: TestEnvironment;
  let fixture: Fixture;
  const tokens = new Map<Caller, string>();

  beforeAll(async () => {
    env = await startTestEnvironment();
    const kotka = await createMunicipality(env.db, 'Kotka');
    const kouvola = await createMunicipality(env.db, 'Kouvola');
    const users = {
      official: await createUser(env.db, 'official', kotka.municipality),
      reviewer: await createUser(env.db, 'reviewer', kotka.municipality),
      chair: await createUser(env.db, 'committee_chair', kotka.education),
      youth: await createUser(env.db, 'youth_council_member', kotka.youthCouncil),
      admin: await createUser(
        env.db,
        'admin',
        (await env.db.query(`SELECT * FROM organizations WHERE id = $1`, [kotka.municipality.parentId]))[0],
      ),
      // A member of Hamina's youth council, whose round on the fixture assessment closed (below).
      consultedClosed: await createUser(env.db, 'youth_council_member', (await createMunicipality(env.db, 'Hamina')).youthCouncil),
      otherMunicipality: await createUser(env.db, 'official', kouvola.municipality),
      coordinator: await createUser(
        env.db,
        'regional_coordinator',
        (await env.db.query(`SELECT * FROM organizations WHERE id = $1`, [kotka.municipality.parentId]))[0],
      ),
      bodyMember: await createUser(
        env.db,
        'youth_council_member',
        (
          await env.db.query(
            `INSERT INTO organizations (kind, parent_id, name_fi, name_sv, name_en, body_type)
             VALUES ('heard_body', $1, 'Koulun oppilaskunta', 'Skolans elevkår', 'School pupil council', 'pupil_council') RETURNING *`,
            [kotka.municipality.id],
          )
        )[0],
      ),
      deactivated: await createUser(env.db, 'official', kotka.municipality),
      // Someone for the admin routes to act on.
      spare: await createUser(env.db, 'official', kotka.municipality),
    };
    for (const caller of CALLERS.filter((c): c is Exclude<Caller, 'anonymous'> => c !== 'anonymous'))
      tokens.set(caller, await env.login(users[caller].email));
    // Deactivated after signing in: the token they hold must stop working at once.
    await env.db.query(`UPDATE users SET active = false WHERE id = $1`, [users.deactivated.id]);

    await env.startWorker();
    const created = await env
      .http()
      .post('/api/assessments')
      .set('Authorization', `Bearer ${tokens.get('official')}`)
      .send({ title: 'Kotka only', committeeId: kotka.education.id })
      .expect(201);
    const notificationId = await eventually(async () => {
      const [row] = await env.db.query(
        `SELECT id FROM notifications WHERE recipient_user_id = $1 AND assessment_id = $2 AND delivered_at IS NOT NULL`,
        [users.official.id, created.body.id],
      );
      return row?.id as string | undefined;
    });
    // The closed round: sent version 1, opened and closed yesterday.
    await env.db.query(
      `INSERT INTO consultations (assessment_id, youth_council_id, round, deadline, opened_at, closed_at, sent_version)
       SELECT $1, ms.organization_id, 1, now() - interval '1 day', now() - interval '2 days', now() - interval '1 day', 1
         FROM memberships ms WHERE ms.user_id = $2`,
      [created.body.id, users.consultedClosed.id],
    );
    // Kotka's NGO, its e-mail-only contact, and an open request to it on a second assessment (put in consultation directly).
    const [ngo] = await env.db.query(
      `INSERT INTO organizations (kind, parent_id, name_fi, name_sv, name_en, body_type)
       VALUES ('heard_body', $1, 'MLL Kotka', 'MLL Kotka', 'MLL Kotka', 'ngo') RETURNING id`,
      [kotka.municipality.id],
    );
    const [contact] = await env.db.query(
      `INSERT INTO body_contacts (organization_id, name, email, language) VALUES ($1, 'Maija', 'maija@mll.example', 'fi') RETURNING id`,
      [ngo.id],
    );
    const [spare] = await env.db.query(
      `INSERT INTO body_contacts (organization_id, name, email, language) VALUES ($1, 'Pekka', 'pekka@mll.example', 'sv') RETURNING id`,
      [ngo.id],
    );
    const asked = await env
      .http()
      .post('/api/assessments')
      .set('Authorization', `Bearer ${tokens.get('official')}`)
      .send({ title: 'Kotka asks its NGO', committeeId: kotka.education.id })
      .expect(201);
    await env.db.query(`UPDATE assessments SET stage = 'consultation' WHERE id = $1`, [asked.body.id]);
    const linkToken = newLinkToken();
    await env.db.query(
      `WITH c AS (
         INSERT INTO consultations (assessment_id, youth_council_id, round, deadline, opened_at, sent_version, status)
         VALUES ($1, $2, 1, now() + interval '7 days', now(), 1, 'not_started') RETURNING id),
       s AS (INSERT INTO statements (consultation_id) SELECT id FROM c)
       INSERT INTO consultation_links (consultation_id, contact_id, token_hash, expires_at)
       SELECT id, $3, $4, now() + interval '7 days' FROM c`,
      [asked.body.id, ngo.id, contact.id, hashLinkToken(linkToken)],
    );
    fixture = {
      bodyId: ngo.id,
      spareContactId: spare.id,
      contactId: contact.id,
      linkToken,
      kotkaAssessmentId: created.body.id,
      version: async () => (await env.db.query(`SELECT version FROM assessments WHERE id = $1`, [created.body.id]))[0].version,
      officialNotificationId: notificationId,
      kotkaEducationId: kotka.education.id,
      kotkaMunicipalityId: kotka.municipality.id,
      users,
    };
  });

  afterAll(() => env?.close());

  it('has a row for every route in the OpenAPI document, and no row for a route that is gone', async () => {
    const document = (await env.http().get('/api/openapi.json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes.sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it.each(Object.keys(MATRIX))('%s answers every caller as expected', async (route) => {
    const [method, template] = route.split(' ') as [string, string];
    const spec = MATRIX[route];
    const actual: Partial<Expected> = {};
    for (const caller of CALLERS) {
      let request = env.http()[method.toLowerCase() as 'get' | 'post' | 'patch' | 'put'](spec.path ? spec.path(fixture) : template);
      const token = tokens.get(caller);
      if (token && caller !== 'anonymous') request = request.set('Authorization', `Bearer ${token}`);
      const response = await (spec.body ? request.send(await spec.body(fixture, caller)) : request);
      actual[caller] = response.status;
      // No error body ever carries a stack trace or SQL.
      if (response.status >= 400) {
        expect(JSON.stringify(response.body)).not.toMatch(/\bat .+\.(js|ts):\d+|QueryFailedError|SELECT /);
        expect(typeof response.body.message).toBe('string');
      }
    }
    expect(actual).toEqual(spec.expected);
  });

  it('sends security headers and allows cross-origin calls only from the web app', async () => {
    const response = await env.http().get('/api/health').set('Origin', 'https://evil.example');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBeDefined();
    expect(response.headers['access-control-allow-origin']).not.toBe('https://evil.example');
    const allowed = await env.http().get('/api/health').set('Origin', env.config.WEB_ORIGIN);
    expect(allowed.headers['access-control-allow-origin']).toBe(env.config.WEB_ORIGIN);
  });
});
