import { GoneException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Language, Page, PublicAssessmentPage, PublicationKind, RegisterEntry, SignatureVerification } from '@lava/contracts';
import { DataSource } from 'typeorm';
import { titleSearchQuery } from '../assessments/dto/list-assessments.query';
import { decodeCursor, toPage } from '../common/keyset-cursor';
import { nameColumn } from '../organizations/organizations.service';
import { agendaDocumentContent } from './agenda-documents';
import { openDecisions, type RegisterRow } from './open-decisions';
import type { RegisterQueryDto } from './publication.dto';
import { pdfFilename } from './publication.service';
import { loadPublicAssessment } from './public-assessment';
import { signaturesOf, verifySignature } from './signature-chain';

/**
 * The public register: what anyone may read without signing in. Only published rows of
 * `publications` are listed, and a published assessment is read through `loadPublicAssessment`,
 * which selects nothing private.
 */
@Injectable()
export class PublicRegisterService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Newest publications first; keyset pages on (published_at, assessment_id). */
  async list(query: RegisterQueryDto, language: Language): Promise<Page<RegisterEntry>> {
    const column = nameColumn(language);
    const where = ['p.published'];
    const params: unknown[] = [];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (query.municipalityId) add((p) => `p.municipality_id = ${p}`, query.municipalityId);
    if (query.committeeId) add((p) => `p.committee_id = ${p}`, query.committeeId);
    if (query.year !== undefined) {
      add((p) => `p.decided_on >= make_date(${p}::int, 1, 1)`, query.year);
      add((p) => `p.decided_on < make_date(${p}::int + 1, 1, 1)`, query.year);
    }
    if (query.outcome === 'screened_out') where.push(`p.kind = 'screening'`);
    else if (query.outcome) add((p) => `p.outcome = ${p}`, query.outcome);
    const search = query.q ? titleSearchQuery(query.q) : null;
    if (search) add((p) => `to_tsvector('simple', p.title || ' ' || coalesce(p.case_number, '')) @@ to_tsquery('simple', ${p})`, search);
    if (query.cursor) {
      const position = decodeCursor(query.cursor);
      params.push(position.createdAt, position.id);
      where.push(`(p.published_at, p.assessment_id) < ($${params.length - 1}, $${params.length})`);
    }
    params.push(query.limit + 1);
    const rows: RegisterRow[] = await this.db.query(
      `SELECT p.assessment_id, p.kind, p.title, p.case_number, p.municipality_id, m.${column} AS municipality_name,
              p.committee_id, c.${column} AS committee_name, p.outcome, to_char(p.decided_on, 'YYYY-MM-DD') AS decided_on,
              p.published_at, p.summary,
              (SELECT d.minutes_section FROM decisions d
                WHERE p.kind = 'assessment' AND d.assessment_id = p.assessment_id
                ORDER BY d.signed_at DESC LIMIT 1) AS minutes_section
         FROM publications p
         JOIN organizations m ON m.id = p.municipality_id
         JOIN organizations c ON c.id = p.committee_id
        WHERE ${where.join(' AND ')}
        ORDER BY p.published_at DESC, p.assessment_id DESC
        LIMIT $${params.length}`,
      params,
    );
    return toPage(rows, query.limit, (r) => ({ createdAt: r.published_at, id: r.assessment_id }), toEntry);
  }

  /** Municipalities with something published, for the register's first page. */
  async municipalities(language: Language): Promise<{ id: string; name: string; published: number }[]> {
    const column = nameColumn(language);
    const rows: { id: string; name: string; published: number }[] = await this.db.query(
      `SELECT m.id, m.${column} AS name, count(*)::int AS published
         FROM publications p JOIN organizations m ON m.id = p.municipality_id
        WHERE p.published GROUP BY m.id, m.${column} ORDER BY m.${column}`,
    );
    return rows;
  }

  /** Committees of a municipality with something published (the committee filter). */
  async committees(municipalityId: string, language: Language): Promise<{ id: string; name: string }[]> {
    const column = nameColumn(language);
    return this.db.query(
      `SELECT DISTINCT c.id, c.${column} AS name FROM publications p JOIN organizations c ON c.id = p.committee_id
        WHERE p.published AND p.municipality_id = $1 ORDER BY name`,
      [municipalityId],
    );
  }

  async page(id: string, language: Language): Promise<PublicAssessmentPage> {
    const row = await this.published(id);
    const column = nameColumn(language);
    // One connection and one snapshot for the whole page.
    const { assessment, documents, signatures } = await this.db.transaction('REPEATABLE READ', async (tx) => ({
      assessment: await loadPublicAssessment(tx, id, language),
      documents: (await tx.query(
        `SELECT language, sha256 FROM agenda_documents WHERE assessment_id = $1 AND content IS NOT NULL ORDER BY language`,
        [id],
      )) as { language: Language; sha256: string }[],
      signatures: await signaturesOf(tx, id, column),
    }));
    return {
      kind: row.kind,
      assessment,
      publishedAt: row.published_at.toISOString(),
      pdf: documents.map((d) => ({ language: d.language, sha256: d.sha256, url: `/api/public/assessments/${id}/pdf/${d.language}` })),
      signatures,
    };
  }

  async pdf(id: string, language: Language): Promise<{ content: Buffer; sha256: string; filename: string }> {
    await this.published(id);
    const document = await agendaDocumentContent(this.db, id, language);
    if (!document) throw new NotFoundException('The PDF is not ready yet. Try again in a moment.');
    const [row]: { case_number: string | null }[] = await this.db.query(`SELECT case_number FROM assessments WHERE id = $1`, [id]);
    return { content: document.content, sha256: document.sha256, filename: pdfFilename(row?.case_number ?? id, language) };
  }

  /**
   * Recomputes a signature. The values of what differs are shown only for a published assessment
   * (they are public then); otherwise only where it differs.
   */
  async verify(hash: string, language: Language): Promise<SignatureVerification & { published: boolean }> {
    const result = await this.db.transaction('REPEATABLE READ', (tx) => verifySignature(tx, hash, nameColumn(language)));
    if (!result) throw new NotFoundException('No signature has this hash.');
    const [row]: { published: boolean }[] = await this.db.query(`SELECT published FROM publications WHERE assessment_id = $1`, [
      result.signature.assessmentId,
    ]);
    const published = row?.published === true;
    return {
      ...result,
      published,
      differences: published ? result.differences : result.differences.map((d) => ({ path: d.path, signed: null, now: null })),
    };
  }

  /** The newest publications as an Atom feed (RFC 4287). */
  async feed(language: Language, municipalityId: string | undefined, selfUrl: string, siteUrl: string): Promise<string> {
    const page = await this.list({ limit: 50, municipalityId } as RegisterQueryDto, language);
    const updated = page.items[0]?.publishedAt ?? new Date(0).toISOString();
    const title = {
      fi: 'Lava: julkaistut lapsivaikutusten arvioinnit',
      sv: 'Lava: publicerade bedömningar av konsekvenser för barn',
      en: 'Lava: published child impact assessments',
    }[language];
    const entries = page.items
      .map(
        (e) => `  <entry>
    <id>urn:uuid:${e.id}</id>
    <title>${xml(e.title)}</title>
    <link rel="alternate" type="text/html" href="${xml(`${siteUrl}/public/assessments/${e.id}`)}"/>
    <updated>${e.publishedAt}</updated>
    <published>${e.publishedAt}</published>
    <author><name>${xml(`${e.municipality.name}, ${e.committee.name}`)}</name></author>
    <category term="${e.outcome ?? 'screened_out'}"/>
    <summary>${xml(e.summary)}</summary>
  </entry>`,
      )
      .join('\n');
    return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${language}">
  <id>${xml(selfUrl)}</id>
  <title>${xml(title)}</title>
  <link rel="self" type="application/atom+xml" href="${xml(selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${xml(`${siteUrl}/public`)}"/>
  <updated>${updated}</updated>
${entries}
</feed>
`;
  }

  /** 404 when never published, 410 with the reason when unpublished. */
  private async published(id: string): Promise<{ kind: PublicationKind; published_at: Date }> {
    const [row]: { kind: PublicationKind; published: boolean; published_at: Date; unpublish_reason: string | null }[] = await this.db.query(
      `SELECT kind, published, published_at, unpublish_reason FROM publications WHERE assessment_id = $1`,
      [id],
    );
    if (!row) throw new NotFoundException('No published assessment has this id.');
    if (!row.published) throw new GoneException(`This assessment was unpublished. Reason: ${row.unpublish_reason ?? '–'}`);
    return row;
  }
}

function toEntry(r: RegisterRow): RegisterEntry {
  return {
    id: r.assessment_id,
    kind: r.kind,
    title: r.title,
    caseNumber: r.case_number,
    municipality: { id: r.municipality_id, name: r.municipality_name },
    committee: { id: r.committee_id, name: r.committee_name },
    outcome: r.outcome,
    decidedOn: r.decided_on,
    publishedAt: r.published_at.toISOString(),
    summary: r.summary,
    openDecisions: openDecisions(r),
  };
}

function xml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c);
}
