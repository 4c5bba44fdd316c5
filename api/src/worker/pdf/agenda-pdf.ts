// Over 400 lines because it lays out one document from top to bottom, one short function per section of the
// record in print order; the drawing tools are in pdf-tools.ts and the words in agenda-texts.ts.
import type { Language, PublicAssessment, RecordAlternative } from '@lava/contracts';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { AGENDA_TEXTS, type AgendaTexts } from './agenda-texts';
import { SURVEY_VIEWS_LABEL, surveyLanguage } from '../../app/surveys/survey-results';

export interface AgendaPdfInput {
  assessment: PublicAssessment;
  language: Language;
  /** Before the decision every page says DRAFT. */
  draft: boolean;
  /** The latest signature of the assessment and where to verify it (printed at the end). */
  signature: { hash: string; verifyUrl: string } | null;
}

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;
/** pdfkit's table takes `structParent` (tagged Table/TR/TH/TD), which its types do not list yet. */
type TaggedTableOptions = PDFKit.Mixins.TableOptionsWithData & { structParent: Struct };
type Cell = string | { text: string; type: 'TH'; scope?: 'Row' | 'Column' };

const FONT_PACKAGE = '@expo-google-fonts/noto-sans';
const MARGIN = 56;
const BODY = 10;

let fontFiles: { regular: string; bold: string } | undefined;

/**
 * Noto Sans (TrueType, Latin with Finnish, Swedish and Sámi letters) from its npm package, so the
 * PDF never depends on the fonts of the machine that renders it. Found from the working directory
 * (the repository, or the Docker image's /app) since the bundled worker has no module path of its own.
 */
export function agendaFontFiles(): { regular: string; bold: string } {
  if (fontFiles) return fontFiles;
  const require = createRequire(join(process.cwd(), 'package.json'));
  const root = dirname(require.resolve(`${FONT_PACKAGE}/package.json`));
  const files = { regular: join(root, '400Regular', 'NotoSans_400Regular.ttf'), bold: join(root, '700Bold', 'NotoSans_700Bold.ttf') };
  for (const file of Object.values(files))
    if (!existsSync(file)) throw new Error(`Font file missing: ${file} (npm install ${FONT_PACKAGE})`);
  fontFiles = files;
  return files;
}

/**
 * The agenda attachment: the assessment as the committee reads it, as a tagged PDF (PDF/UA-style
 * structure: headings, tables with header cells, paragraphs in reading order, /Lang, the title
 * shown instead of the file name), with embedded fonts, a running header (case number and stage),
 * page numbers, and "DRAFT" across every page before the decision.
 */
export function renderAgendaPdf(input: AgendaPdfInput): Promise<Buffer> {
  const { assessment: a, language, draft } = input;
  const t = AGENDA_TEXTS[language];
  const fonts = agendaFontFiles();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN + 14, bottom: MARGIN, left: MARGIN, right: MARGIN },
    pdfVersion: '1.7',
    tagged: true,
    lang: t.lang,
    displayTitle: true,
    bufferPages: true,
    info: { Title: `${t.documentTitle}: ${a.title}`, Subject: a.caseNumber ?? '', Creator: 'Lava', Producer: 'Lava' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('body', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  doc.font('body').fontSize(BODY);

  const root = doc.struct('Document');
  doc.addStructure(root);
  const w = new Writer(doc, root, t);

  w.heading(1, a.title);
  w.paragraph(t.documentTitle);
  w.table(
    [
      [th(t.caseNumber), a.caseNumber ?? t.notGiven],
      [th(t.municipality), a.municipality.name],
      [th(t.committee), a.committee.name],
      [th(t.plannedMeeting), a.plannedMeetingDate ?? t.notGiven],
      [th(t.responsibleOfficial), a.responsibleOfficial],
      [th(t.stage), t.stages[a.stage]],
    ],
    [150, '*'],
  );

  w.heading(2, t.sections.summary);
  w.paragraph(a.plainLanguageSummary);

  w.heading(2, t.sections.screening);
  const s = a.screening;
  w.table(
    [
      [th(t.fields.affectsChildren), s.affectsChildren === null ? t.notGiven : s.affectsChildren ? t.yes : t.no],
      [th(t.fields.impactKind), s.impactKind ? t.impactKinds[s.impactKind] : t.notGiven],
      [th(t.fields.ageGroups), s.ageGroups.map((g) => t.ageGroups[g]).join(', ') || t.notGiven],
      [th(t.fields.signedBy), s.signedBy ? `${s.signedBy}, ${date(s.signedAt)}` : t.notGiven],
    ],
    [150, '*'],
  );
  w.field(t.fields.rationale, s.rationale);

  if (s.affectsChildren !== false) recordSections(w, a, t);
  statements(w, a, t);
  review(w, a, t);
  decision(w, a, t);

  if (input.signature) {
    w.heading(2, t.sections.verification);
    w.field(t.fields.signatureHash, input.signature.hash);
    w.link(t.fields.verifyAt, input.signature.verifyUrl);
  }

  root.end();
  decoratePages(doc, a, t, draft);
  doc.end();
  return done;
}

/** An alternative's name: as the official wrote it, or a default alternative's name in the document's language. */
function alternativeName(alternative: RecordAlternative, t: AgendaTexts): string {
  return alternative.title || (alternative.defaultName ? t.defaultAlternatives[alternative.defaultName] : '');
}

/** The record's content sections, in the drafting page's order. */
function recordSections(w: Writer, a: PublicAssessment, t: AgendaTexts): void {
  const r = a.record;
  w.heading(2, t.sections.scope);
  w.field(t.fields.childrenAffected, r.scope.childrenAffected);
  if (r.scope.vulnerableGroups.length > 0)
    w.table(
      [
        [th(t.fields.group, 'Column'), th(t.fields.note, 'Column')],
        ...r.scope.vulnerableGroups.map((g) => [(t.vulnerable as Record<string, string>)[g.group] ?? g.group, g.note]),
      ],
      [180, '*'],
      t.fields.vulnerableGroups,
    );

  w.heading(2, t.sections.legalBasis);
  w.field(t.fields.uncrcArticles, r.legalBasis.uncrcArticles.join(', '));
  w.field(t.fields.nationalLaw, r.legalBasis.nationalLaw);
  w.field(t.fields.welfarePlan, r.legalBasis.welfarePlan);

  w.heading(2, t.sections.alternatives);
  r.alternatives.items.forEach((alt, i) => w.field(`${i + 1}. ${alternativeName(alt, t)}`, alt.description));

  w.heading(2, t.sections.evidence);
  if (r.evidence.items.length > 0)
    w.table(
      [
        [th(t.fields.source, 'Column'), th(t.fields.date, 'Column'), th(t.fields.finding, 'Column')],
        ...r.evidence.items.map((e) => [e.url ? `${e.source}\n${e.url}` : e.source, e.date ?? t.notGiven, e.finding]),
      ],
      [140, 70, '*'],
    );
  w.field(t.fields.evidenceGaps, r.evidence.gaps);

  w.heading(2, t.sections.childrensViews);
  w.field(t.fields.methods, r.childrensViews.methods.map((m) => t.methods[m]).join(', '));
  w.field(t.fields.howGathered, r.childrensViews.howGathered);
  w.field(t.fields.whatTheySaid, r.childrensViews.whatTheySaid);
  if (r.childrensViews.notHeardReason) w.field(t.notHeardReason, r.childrensViews.notHeardReason);
  for (const v of a.surveyViews ?? []) {
    const language = surveyLanguage(t.lang, v.languages);
    w.field(`${SURVEY_VIEWS_LABEL[language]}: ${v.title[language]}`, v.summary[language]);
  }

  w.heading(2, t.sections.impactMatrix);
  impactMatrix(w, a, t);

  w.heading(2, t.sections.mitigation);
  w.paragraph(r.mitigation.text);
  w.heading(2, t.sections.changesMade);
  w.paragraph(r.changesMade.text);
  w.heading(2, t.sections.recommendation);
  w.paragraph(r.recommendation.text);
  w.field(t.fields.bestInterests, r.recommendation.bestInterests);
  w.heading(2, t.sections.communication);
  w.paragraph(r.communication.text);

  w.heading(2, t.sections.followUp);
  if (r.followUp.indicators.length > 0)
    w.table(
      [
        [th(t.fields.indicator, 'Column'), th(t.fields.owner, 'Column'), th(t.fields.dueDate, 'Column')],
        ...r.followUp.indicators.map((i) => [i.indicator, i.owner || t.notGiven, i.dueDate ?? t.notGiven]),
      ],
      ['*', 140, 80],
    );
  else w.paragraph('');
}

/**
 * The impact matrix as one table per alternative, one row per impact (its articles, groups and
 * wellbeing tags; "not stated" where no judgement was chosen). The one place that knows the matrix's shape.
 */
export function impactMatrix(w: Writer, a: PublicAssessment, t: AgendaTexts): void {
  const groupName = (group: string): string =>
    group === 'all'
      ? t.allChildren
      : ((t.ageGroups as Record<string, string>)[group] ?? (t.vulnerable as Record<string, string>)[group] ?? group);
  for (const alternative of a.record.alternatives.items) {
    const rows = a.record.impactMatrix.rows.filter((row) => row.alternativeId === alternative.id);
    w.heading(3, `${t.fields.alternative}: ${alternativeName(alternative, t)}`);
    if (rows.length === 0) {
      w.paragraph('');
      continue;
    }
    w.table(
      [
        [
          th(t.fields.article, 'Column'),
          th(t.fields.group, 'Column'),
          th(t.fields.direction, 'Column'),
          th(t.fields.directness, 'Column'),
          th(t.fields.term, 'Column'),
          th(t.fields.note, 'Column'),
        ],
        ...rows.map((row) => [
          row.articles.length > 0 ? row.articles.join(', ') : t.notStated,
          row.groups.length > 0 ? row.groups.map(groupName).join(', ') : t.notStated,
          row.direction ? t.directions[row.direction] : t.notStated,
          row.directness ? t.directness[row.directness] : t.notStated,
          row.term ? t.terms[row.term] : t.notStated,
          row.wellbeing.length > 0 ? `${row.note}${row.note ? '\n' : ''}(${row.wellbeing.join(', ')})` : row.note,
        ]),
      ],
      [42, 80, 62, 58, 58, '*'],
    );
  }
}

function statements(w: Writer, a: PublicAssessment, t: AgendaTexts): void {
  w.heading(2, t.sections.statements);
  if (a.statements.length === 0) {
    w.paragraph(t.fields.noStatements);
    return;
  }
  for (const statement of a.statements) {
    w.heading(3, `${statement.council.name} (${statement.round}. ${t.fields.round})`);
    w.table(
      [
        [th(t.fields.adopted), statement.adoptedAt ?? t.notGiven],
        [th(t.fields.submitted), date(statement.submittedAt) || t.notGiven],
      ],
      [150, '*'],
    );
    for (const point of statement.points) {
      w.heading(4, `${t.fields.point} ${point.position}`);
      w.paragraph(point.text);
      w.field(
        `${t.fields.answer}: ${point.disposition ? t.dispositions[point.disposition] : t.fields.unanswered}`,
        point.dispositionReason,
        true,
      );
    }
  }
}

function review(w: Writer, a: PublicAssessment, t: AgendaTexts): void {
  w.heading(2, t.sections.review);
  const r = a.review;
  if (!r) {
    w.paragraph(t.fields.noReview);
    return;
  }
  w.table(
    [
      [th(t.fields.reviewRound), String(r.round)],
      [th(t.fields.reviewOutcome), t.reviewOutcomes[r.outcome]],
      [th(t.fields.reviewEnded), date(r.endedAt)],
      [th(t.fields.checklistDone), r.itemsDone.map((item) => t.checklist[item]).join('; ') || t.notGiven],
    ],
    [150, '*'],
  );
}

function decision(w: Writer, a: PublicAssessment, t: AgendaTexts): void {
  w.heading(2, t.sections.decision);
  const d = a.decision;
  if (!d) {
    w.paragraph(t.fields.noDecision);
    return;
  }
  w.table(
    [
      [th(t.fields.outcome), t.outcomes[d.outcome]],
      [th(t.fields.meetingDate), d.meetingDate],
      [th(t.fields.minutesSection), d.minutesSection],
      [th(t.fields.followUpDate), d.followUpDate ?? t.notGiven],
      [th(t.fields.decisionSignedBy), `${d.signedBy}, ${date(d.signedAt)}`],
    ],
    [150, '*'],
  );
  w.field(t.fields.decisionText, d.decisionText);
}

/** Header, page number and the DRAFT mark on every page: artifacts, so screen readers skip them. */
function decoratePages(doc: Doc, a: PublicAssessment, t: AgendaTexts, draft: boolean): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { width, height } = doc.page;
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .font('body')
      .fontSize(8)
      .fillColor('#444444')
      .text(`${a.caseNumber ?? a.title} · ${t.stages[a.stage]}${draft ? ` · ${t.draft}` : ''}`, MARGIN, MARGIN - 24, {
        width: width - 2 * MARGIN,
        lineBreak: false,
      });
    doc.text(t.page(i - range.start + 1, range.count), MARGIN, height - MARGIN + 20, {
      width: width - 2 * MARGIN,
      align: 'right',
      lineBreak: false,
    });
    doc.endMarkedContent();
    if (draft) {
      doc.markContent('Artifact', { type: 'Layout' });
      doc.save();
      doc.rotate(-35, { origin: [width / 2, height / 2] });
      doc
        .font('bold')
        .fontSize(96)
        .fillColor('#b00020', 0.12)
        .text(t.draft, 0, height / 2 - 60, { width, align: 'center', lineBreak: false });
      doc.restore();
      doc.endMarkedContent();
    }
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor('black', 1);
}

function th(text: string, scope: 'Row' | 'Column' = 'Row'): Cell {
  return { text, type: 'TH', scope };
}

/** YYYY-MM-DD of an ISO date-time, in Finnish time (as the minutes date it). */
function date(iso: string | null): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(new Date(iso));
}

/** Writes tagged blocks under the document's root element, in reading order. */
export class Writer {
  constructor(
    private readonly doc: Doc,
    private readonly root: Struct,
    private readonly t: AgendaTexts,
  ) {}

  heading(level: 1 | 2 | 3 | 4, text: string): void {
    const size = { 1: 18, 2: 14, 3: 12, 4: 10.5 }[level];
    const space = { 1: 0, 2: 14, 3: 8, 4: 6 }[level];
    // Keep a heading with at least a few lines of what follows it.
    if (this.doc.y + size * 2 + 80 > this.doc.page.height - this.doc.page.margins.bottom) this.doc.addPage();
    else this.doc.moveDown(space / BODY);
    this.doc
      .font('bold')
      .fontSize(size)
      .fillColor('black')
      .text(text, this.doc.page.margins.left, this.doc.y, { structParent: this.root, structType: `H${level}` });
    this.doc.font('body').fontSize(BODY).moveDown(0.3);
  }

  paragraph(text: string): void {
    this.doc
      .font('body')
      .fontSize(BODY)
      .text(text.trim() === '' ? this.t.notGiven : text.trim(), this.doc.page.margins.left, this.doc.y, {
        structParent: this.root,
        structType: 'P',
        paragraphGap: 4,
      });
  }

  /** A labelled text: the label as a small heading-like paragraph, then the text. */
  field(label: string, text: string, indented = false): void {
    const x = this.doc.page.margins.left + (indented ? 14 : 0);
    const width = this.doc.page.width - this.doc.page.margins.right - x;
    this.doc.font('bold').fontSize(BODY).text(label, x, this.doc.y, { structParent: this.root, structType: 'P', width });
    this.doc.font('body').text(text.trim() === '' ? this.t.notGiven : text.trim(), x, this.doc.y, {
      structParent: this.root,
      structType: 'P',
      width,
      paragraphGap: 6,
    });
  }

  /** A labelled address, small enough to stay on one line, and a link. */
  link(label: string, url: string): void {
    const x = this.doc.page.margins.left;
    this.doc.font('bold').fontSize(BODY).text(label, x, this.doc.y, { structParent: this.root, structType: 'P' });
    this.doc
      .font('body')
      .fontSize(7.5)
      .fillColor('#0b4f9c')
      .text(url, x, this.doc.y, { structParent: this.root, structType: 'P', link: url, lineBreak: false });
    this.doc.fillColor('black').fontSize(BODY).moveDown(0.6);
  }

  table(rows: Cell[][], widths: (number | string)[], caption?: string): void {
    if (caption)
      this.doc
        .font('bold')
        .fontSize(BODY)
        .text(caption, this.doc.page.margins.left, this.doc.y, { structParent: this.root, structType: 'Caption' });
    this.doc.font('body').fontSize(9);
    const options: TaggedTableOptions = {
      position: { x: this.doc.page.margins.left },
      structParent: this.root,
      columnStyles: widths.map((width) => ({ width })),
      defaultStyle: { border: 0.5, borderColor: '#999999', padding: 4 },
      data: rows.map((row) =>
        row.map((cell) =>
          typeof cell === 'string'
            ? { text: cell.trim() === '' ? this.t.notGiven : cell }
            : { ...cell, backgroundColor: '#eeeeee', font: { src: 'bold' } },
        ),
      ),
    };
    this.doc.table(options);
    this.doc.font('body').fontSize(BODY).moveDown(0.6);
  }
}
