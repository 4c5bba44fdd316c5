import type { ChainCheckResult, SignatureKind, SignatureVerification, SignatureView } from '@lava/contracts';
import type { EntityManager } from 'typeorm';
import { canonicalJson, jsonDifferences, sha256Hex } from './canonical-json';
import { loadPublicAssessment } from './public-assessment';

/** What a caller signs: the kind and its subject; the snapshot is read from the database in the same transaction. */
export interface SignatureDraft {
  kind: SignatureKind;
  assessmentId: string;
  /** The row signed: the assessment (screening, publication), statement, review round or decision. */
  subjectId: string;
  signedById: string | null;
  signerRole: string;
  signedAt: Date;
}

interface SignatureRow {
  id: string;
  organization_id: string;
  organization_name: string;
  sequence: number;
  kind: SignatureKind;
  assessment_id: string;
  subject_id: string;
  signer_role: string;
  signed_at: Date;
  snapshot: unknown;
  snapshot_hash: string;
  previous_hash: string | null;
  hash: string;
}

/**
 * Hash-chained signatures. Each signature stores a canonical JSON snapshot of what was signed, its
 * SHA-256 (`snapshot_hash`), the previous signature's hash in the same organization's chain, and
 * its own hash over the link:
 *
 *   hash = SHA-256(canonicalJson({ organizationId, sequence, kind, assessmentId, subjectId,
 *                                  signerRole, signedAt, snapshotHash, previousHash }))
 *
 * Verifying recomputes the snapshot from today's rows (a row changed in SQL no longer matches), the
 * stored snapshot's hash (a changed signature row fails), and the link (a removed or inserted
 * signature breaks the chain). The snapshots are documented in docs/publication.md.
 */
export async function sign(tx: EntityManager, draft: SignatureDraft): Promise<{ id: string; hash: string }> {
  const organizationId = await chainOrganization(tx, draft);
  // One signer at a time per organization, so sequence numbers and links never fork.
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('signature-chain:' || $1))`, [organizationId]);
  const [last]: { sequence: number; hash: string }[] = await tx.query(
    `SELECT sequence, hash FROM signatures WHERE organization_id = $1 ORDER BY sequence DESC LIMIT 1`,
    [organizationId],
  );
  const snapshot = await snapshotOf(tx, draft.kind, draft.assessmentId, draft.subjectId);
  const snapshotHash = sha256Hex(canonicalJson(snapshot));
  const sequence = (last?.sequence ?? 0) + 1;
  const previousHash = last?.hash ?? null;
  const signedAt = new Date(Math.floor(draft.signedAt.getTime()));
  const hash = linkHash({
    organizationId,
    sequence,
    kind: draft.kind,
    assessmentId: draft.assessmentId,
    subjectId: draft.subjectId,
    signerRole: draft.signerRole,
    signedAt: signedAt.toISOString(),
    snapshotHash,
    previousHash,
  });
  const [row]: { id: string }[] = await tx.query(
    `INSERT INTO signatures (organization_id, sequence, kind, assessment_id, subject_id, signed_by_id, signer_role, signed_at, snapshot, snapshot_hash, previous_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [
      organizationId,
      sequence,
      draft.kind,
      draft.assessmentId,
      draft.subjectId,
      draft.signedById,
      draft.signerRole,
      signedAt,
      canonicalJson(snapshot),
      snapshotHash,
      previousHash,
      hash,
    ],
  );
  return { id: row?.id ?? '', hash };
}

export function linkHash(link: {
  organizationId: string;
  sequence: number;
  kind: SignatureKind;
  assessmentId: string;
  subjectId: string;
  signerRole: string;
  signedAt: string;
  snapshotHash: string;
  previousHash: string | null;
}): string {
  return sha256Hex(canonicalJson(link));
}

/** Statements sign into their council's chain; everything else into the municipality's. */
async function chainOrganization(tx: EntityManager, draft: SignatureDraft): Promise<string> {
  if (draft.kind === 'statement_adopted' || draft.kind === 'statement_submitted') {
    const [row]: { youth_council_id: string }[] = await tx.query(
      `SELECT c.youth_council_id FROM statements s JOIN consultations c ON c.id = s.consultation_id WHERE s.id = $1`,
      [draft.subjectId],
    );
    if (row) return row.youth_council_id;
  }
  const [row]: { municipality_id: string }[] = await tx.query(`SELECT municipality_id FROM assessments WHERE id = $1`, [
    draft.assessmentId,
  ]);
  if (!row) throw new Error(`No assessment ${draft.assessmentId} to sign`);
  return row.municipality_id;
}

/**
 * The snapshot of what a signature covers, read from today's rows. Only ids, dates and the
 * signed texts: no organization or person names (a renamed committee does not break a signature).
 */
export async function snapshotOf(db: EntityManager, kind: SignatureKind, assessmentId: string, subjectId: string): Promise<unknown> {
  switch (kind) {
    case 'screening_signed': {
      const [a]: Record<string, unknown>[] = await db.query(
        `SELECT id AS "assessmentId", screening_affects_children AS "affectsChildren", screening_impact_kind AS "impactKind",
                screening_age_groups AS "ageGroups", screening_rationale AS rationale, screening_signed_by_id AS "signedById",
                to_char(screening_signed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "signedAt"
           FROM assessments WHERE id = $1`,
        [assessmentId],
      );
      return { kind, screening: a ?? null };
    }
    case 'statement_adopted':
    case 'statement_submitted': {
      const [s]: Record<string, unknown>[] = await db.query(
        `SELECT s.id AS "statementId", s.consultation_id AS "consultationId", c.assessment_id AS "assessmentId",
                c.youth_council_id AS "councilId", c.round, to_char(s.adopted_at, 'YYYY-MM-DD') AS "adoptedAt",
                to_char(s.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "submittedAt"
           FROM statements s JOIN consultations c ON c.id = s.consultation_id WHERE s.id = $1`,
        [subjectId],
      );
      const points: { position: number; text: string }[] = await db.query(
        `SELECT position, text FROM statement_points WHERE statement_id = $1 AND deleted_at IS NULL ORDER BY position`,
        [subjectId],
      );
      if (!s) return { kind, statement: null };
      // Adoption covers the points as adopted; the submission also covers when it was submitted.
      if (kind === 'statement_adopted') delete s['submittedAt'];
      return { kind, statement: s, points };
    }
    case 'review_approved': {
      const [r]: { checklist: Record<string, { done?: boolean }> }[] & Record<string, unknown>[] = await db.query(
        `SELECT id AS "roundId", assessment_id AS "assessmentId", round, outcome, ended_by_id AS "endedById",
                to_char(ended_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "endedAt", checklist
           FROM review_rounds WHERE id = $1`,
        [subjectId],
      );
      if (!r) return { kind, review: null };
      const itemsDone = Object.entries(r.checklist)
        .filter(([, entry]) => entry.done === true)
        .map(([item]) => item)
        .sort();
      const review: Record<string, unknown> = { ...r, itemsDone };
      delete review['checklist'];
      return { kind, review };
    }
    case 'decision_signed': {
      const [d]: Record<string, unknown>[] = await db.query(
        `SELECT id AS "decisionId", assessment_id AS "assessmentId", committee_id AS "committeeId", outcome,
                to_char(meeting_date, 'YYYY-MM-DD') AS "meetingDate", minutes_section AS "minutesSection", decision_text AS "decisionText",
                to_char(follow_up_date, 'YYYY-MM-DD') AS "followUpDate", signed_by_id AS "signedById",
                to_char(signed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "signedAt"
           FROM decisions WHERE id = $1`,
        [subjectId],
      );
      if (!d) return { kind, decision: null };
      // A recorded decision signs the record it decided; tabling or returning signs the decision event only.
      const decided = ['approved', 'approved_as_modified', 'rejected'].includes(String(d['outcome']));
      return { kind, decision: d, ...(decided ? { record: await recordSnapshot(db, assessmentId) } : {}) };
    }
    case 'publication': {
      const [p]: Record<string, unknown>[] = await db.query(
        `SELECT assessment_id AS "assessmentId", kind AS "publicationKind" FROM publications WHERE assessment_id = $1`,
        [assessmentId],
      );
      return { kind, publication: p ?? null, record: await recordSnapshot(db, assessmentId) };
    }
  }
}

/**
 * The record as signed at review approval, decision and publication: the public assessment without
 * names and without what may change afterwards by design (the stage, the ex-post evaluation).
 */
async function recordSnapshot(db: EntityManager, assessmentId: string): Promise<unknown> {
  const a = await loadPublicAssessment(db, assessmentId, 'fi');
  return {
    title: a.title,
    caseNumber: a.caseNumber,
    committeeId: a.committee.id,
    plainLanguageSummary: a.plainLanguageSummary,
    screening: { ...a.screening, signedBy: undefined },
    record: a.record,
    statements: a.statements.map((s) => ({ ...s, council: s.council.id })),
  };
}

const VIEW_COLUMNS = (column: string) => `
  s.id, s.organization_id, o.${column} AS organization_name, s.sequence, s.kind, s.assessment_id, s.subject_id, s.signer_role,
  s.signed_at, s.snapshot, s.snapshot_hash, s.previous_hash, s.hash`;

export function toSignatureView(r: SignatureRow): SignatureView {
  return {
    id: r.id,
    kind: r.kind,
    sequence: r.sequence,
    organization: { id: r.organization_id, name: r.organization_name },
    assessmentId: r.assessment_id,
    signedAt: r.signed_at.toISOString(),
    signerRole: r.signer_role,
    snapshotHash: r.snapshot_hash,
    previousHash: r.previous_hash,
    hash: r.hash,
  };
}

export async function signaturesOf(db: EntityManager, assessmentId: string, column: string): Promise<SignatureView[]> {
  const rows: SignatureRow[] = await db.query(
    `SELECT ${VIEW_COLUMNS(column)} FROM signatures s JOIN organizations o ON o.id = s.organization_id
      WHERE s.assessment_id = $1 ORDER BY s.signed_at DESC, s.sequence DESC`,
    [assessmentId],
  );
  return rows.map(toSignatureView);
}

/** Recomputes one signature: its snapshot from today's rows, its stored snapshot's hash, and its link. Null when no such hash. */
export async function verifySignature(db: EntityManager, hash: string, column: string): Promise<SignatureVerification | null> {
  const [row]: SignatureRow[] = await db.query(
    `SELECT ${VIEW_COLUMNS(column)} FROM signatures s JOIN organizations o ON o.id = s.organization_id WHERE s.hash = $1`,
    [hash],
  );
  if (!row) return null;
  return verifyRow(db, row);
}

async function verifyRow(db: EntityManager, row: SignatureRow): Promise<SignatureVerification> {
  const now = await snapshotOf(db, row.kind, row.assessment_id, row.subject_id);
  const snapshotIntact = sha256Hex(canonicalJson(row.snapshot)) === row.snapshot_hash;
  const [previous]: { hash: string }[] = await db.query(`SELECT hash FROM signatures WHERE organization_id = $1 AND sequence = $2`, [
    row.organization_id,
    row.sequence - 1,
  ]);
  const recomputed = linkHash({
    organizationId: row.organization_id,
    sequence: row.sequence,
    kind: row.kind,
    assessmentId: row.assessment_id,
    subjectId: row.subject_id,
    signerRole: row.signer_role,
    signedAt: row.signed_at.toISOString(),
    snapshotHash: row.snapshot_hash,
    previousHash: row.previous_hash,
  });
  const chainIntact = recomputed === row.hash && (row.sequence === 1 ? row.previous_hash === null : previous?.hash === row.previous_hash);
  const differences = jsonDifferences(row.snapshot, now);
  return {
    signature: toSignatureView(row),
    matches: snapshotIntact && chainIntact && differences.length === 0,
    snapshotIntact,
    chainIntact,
    differences,
  };
}

/** Re-checks every signature of one organization's chain (the daily job). */
export async function checkChain(db: EntityManager, organizationId: string): Promise<ChainCheckResult> {
  const rows: SignatureRow[] = await db.query(
    `SELECT ${VIEW_COLUMNS('name_fi')} FROM signatures s JOIN organizations o ON o.id = s.organization_id
      WHERE s.organization_id = $1 ORDER BY s.sequence`,
    [organizationId],
  );
  const broken: ChainCheckResult['broken'] = [];
  let expectedSequence = 1;
  for (const row of rows) {
    const result = await verifyRow(db, row);
    const gap = row.sequence !== expectedSequence;
    expectedSequence = row.sequence + 1;
    if (!result.snapshotIntact) broken.push({ signatureId: row.id, sequence: row.sequence, reason: 'snapshot' });
    else if (!result.chainIntact || gap) broken.push({ signatureId: row.id, sequence: row.sequence, reason: 'chain' });
    else if (result.differences.length > 0 && (await frozen(db, row)))
      broken.push({ signatureId: row.id, sequence: row.sequence, reason: 'record' });
  }
  return { organizationId, checked: rows.length, broken };
}

/**
 * Whether the workflow forbids what this signature covers to change, so a difference can only be
 * tampering: review rounds, decisions and publications never change once signed; a screening or a
 * statement may be edited and signed again until the assessment is decided, so only the latest
 * signature of its subject counts, and only once the assessment is decided.
 */
async function frozen(db: EntityManager, row: SignatureRow): Promise<boolean> {
  if (row.kind === 'review_approved' || row.kind === 'decision_signed' || row.kind === 'publication') return true;
  const [state]: { immutable: boolean; latest: boolean }[] = await db.query(
    `SELECT a.stage IN ('decided', 'follow_up', 'closed') AS immutable,
            NOT EXISTS (SELECT 1 FROM signatures later WHERE later.subject_id = $2 AND later.kind = $3 AND later.sequence > $4
                          AND later.organization_id = $5) AS latest
       FROM assessments a WHERE a.id = $1`,
    [row.assessment_id, row.subject_id, row.kind, row.sequence, row.organization_id],
  );
  return state?.immutable === true && state.latest;
}
