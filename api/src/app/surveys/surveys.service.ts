// Over 400 lines: the survey's life from building to answers and results shares one row loader and the edit
// checks at the bottom. Next split along the domain: the child's public side (publicSurvey, answer).
import { BadRequestException, ConflictException, ForbiddenException, GoneException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  SURVEY_AGE_BANDS,
  SURVEY_LIMITS,
  type Language,
  type Page,
  type PublicSurvey,
  type SurveyAnswerResult,
  type SurveyFreeText,
  type SurveyInput,
  type SurveyListItem,
  type SurveyQuestion,
  type SurveyResults,
  type SurveyStatus,
  type SurveyText,
  type SurveyView,
  type SurveyViewsEntry,
} from '@lava/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AssessmentAccess } from '../assessments/assessment-access.service';
import type { Assessment } from '../assessments/assessment.entity';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { decodeCursor, toPage } from '../common/keyset-cursor';
import { requestProblems, type FieldProblem } from '../common/validation';
import { LavaConfig } from '../config/lava-config';
import { NotificationOutbox, type OutboxBatch } from '../notifications/notification-outbox.service';
import { summaryTexts, suppressResults, type RawCounts } from './survey-results';
import { viewsEntries } from './survey-views';
import type { SurveyAnswerDto, SurveyDto, UpdateSurveyDto } from './surveys.dto';

interface SurveyRow {
  id: string;
  assessment_id: string;
  languages: Language[];
  title: SurveyText;
  intro: SurveyText;
  questions: SurveyQuestion[];
  class_codes: string[];
  opens_at: Date;
  closes_at: Date;
  closed_at: Date | null;
  views_added_at: Date | null;
  views_entry: SurveyViewsEntry | null;
  version: number;
  created_at: Date;
  respondents?: number;
}

const STAFF_READ = ['official', 'reviewer', 'committee_chair', 'admin'];

export function surveyStatus(row: Pick<SurveyRow, 'opens_at' | 'closes_at' | 'closed_at'>, now = new Date()): SurveyStatus {
  if (row.closed_at || row.closes_at.getTime() <= now.getTime()) return 'closed';
  return row.opens_at.getTime() > now.getTime() ? 'scheduled' : 'open';
}

/**
 * Children's surveys: the official's side (create, edit, results, moderation, the summary for the
 * record) and the child's (read one survey, answer it). Counting is SQL; suppression in survey-results.
 */
@Injectable()
export class SurveysService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AssessmentAccess,
    private readonly outbox: NotificationOutbox,
    private readonly config: LavaConfig,
  ) {}

  // --- Staff ---

  async list(user: AuthenticatedUser, assessmentId: string, limit: number, cursor?: string): Promise<Page<SurveyListItem>> {
    await this.readableAssessment(user, assessmentId);
    const after = cursor ? decodeCursor(cursor) : null;
    const rows: SurveyRow[] = await this.db.query(
      `SELECT s.*, (SELECT count(*)::int FROM survey_answers a WHERE a.survey_id = s.id) AS respondents
         FROM surveys s
        WHERE s.assessment_id = $1 AND ($2::timestamptz IS NULL OR (s.created_at, s.id) < ($2, $3::uuid))
        ORDER BY s.created_at DESC, s.id DESC LIMIT $4`,
      [assessmentId, after?.createdAt ?? null, after?.id ?? null, limit + 1],
    );
    return toPage(
      rows,
      limit,
      (r) => ({ createdAt: r.created_at, id: r.id }),
      (r) => ({
        id: r.id,
        title: r.title,
        languages: r.languages,
        status: surveyStatus(r),
        opensAt: r.opens_at.toISOString(),
        closesAt: r.closes_at.toISOString(),
        respondents: r.respondents ?? 0,
        createdAt: r.created_at.toISOString(),
      }),
    );
  }

  async create(user: AuthenticatedUser, assessmentId: string, dto: SurveyDto): Promise<SurveyView> {
    checkSurvey(dto);
    const id = await this.outbox.run(async (tx, out) => {
      const assessment = await this.editableAssessment(tx, user, assessmentId);
      const [row]: SurveyRow[] = await tx.query(
        `INSERT INTO surveys (assessment_id, created_by_id, languages, title, intro, questions, class_codes, opens_at, closes_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          assessment.id,
          user.id,
          dto.languages,
          dto.title,
          dto.intro,
          JSON.stringify(dto.questions),
          dto.classCodes,
          dto.opensAt,
          dto.closesAt,
        ],
      );
      const id = (row as SurveyRow).id;
      await this.scheduleClosing(out, id, new Date(dto.closesAt));
      return id;
    });
    return this.get(user, id);
  }

  async get(user: AuthenticatedUser, id: string): Promise<SurveyView> {
    const row = await this.row(this.db.manager, id);
    const assessment = await this.readableAssessment(user, row.assessment_id);
    const [{ n }]: { n: number }[] = await this.db.query(`SELECT count(*)::int AS n FROM survey_answers WHERE survey_id = $1`, [id]);
    return {
      id: row.id,
      assessmentId: row.assessment_id,
      assessmentTitle: assessment.title,
      languages: row.languages,
      title: row.title,
      intro: row.intro,
      questions: row.questions,
      classCodes: row.class_codes,
      opensAt: row.opens_at.toISOString(),
      closesAt: row.closes_at.toISOString(),
      status: surveyStatus(row),
      version: row.version,
      respondents: n,
      createdAt: row.created_at.toISOString(),
      addedToViewsAt: row.views_added_at?.toISOString() ?? null,
      mayEdit: await this.mayEdit(user, assessment),
    };
  }

  async update(user: AuthenticatedUser, id: string, dto: UpdateSurveyDto): Promise<SurveyView> {
    checkSurvey(dto);
    await this.outbox.run(async (tx, out) => {
      const row = await this.row(tx, id, true);
      await this.editableAssessment(tx, user, row.assessment_id);
      if (row.version !== dto.version)
        throw new ConflictException(`Someone changed the survey meanwhile (version ${row.version}, you had ${dto.version}). Reload it.`);
      const [{ n }]: { n: number }[] = await tx.query(`SELECT count(*)::int AS n FROM survey_answers WHERE survey_id = $1`, [id]);
      if (n > 0 && JSON.stringify(questionShape(row.questions)) !== JSON.stringify(questionShape(dto.questions)))
        throw new ConflictException(
          'Children have already answered: the questions and their options can no longer change (texts and dates can).',
        );
      await tx.query(
        `UPDATE surveys SET languages = $2, title = $3, intro = $4, questions = $5, class_codes = $6, opens_at = $7, closes_at = $8,
                closed_at = CASE WHEN $8::timestamptz > now() THEN NULL ELSE closed_at END, version = version + 1
          WHERE id = $1`,
        [id, dto.languages, dto.title, dto.intro, JSON.stringify(dto.questions), dto.classCodes, dto.opensAt, dto.closesAt],
      );
      if (row.closes_at.getTime() === new Date(dto.closesAt).getTime()) return;
      await out.cancelScheduled(id, ['survey_close']);
      await this.scheduleClosing(out, id, new Date(dto.closesAt));
    });
    return this.get(user, id);
  }

  async remove(user: AuthenticatedUser, id: string): Promise<void> {
    await this.outbox.run(async (tx, out) => {
      const row = await this.row(tx, id, true);
      await this.editableAssessment(tx, user, row.assessment_id);
      await out.cancelScheduled(id, ['survey_close']);
      await tx.query(`DELETE FROM surveys WHERE id = $1`, [id]);
    });
  }

  async results(user: AuthenticatedUser, id: string): Promise<SurveyResults> {
    const row = await this.row(this.db.manager, id);
    await this.readableAssessment(user, row.assessment_id);
    return suppressResults(row.id, row.questions, await this.counts(this.db.manager, row.id, row.questions), this.config.SURVEY_MIN_CELL);
  }

  /** Free texts not hidden, newest first (keyset pages): the official keeps or hides each. */
  async freeTexts(user: AuthenticatedUser, id: string, limit: number, cursor?: string, onlyKept = false): Promise<Page<SurveyFreeText>> {
    const row = await this.row(this.db.manager, id);
    await this.readableAssessment(user, row.assessment_id);
    const after = cursor ? decodeCursor(cursor) : null;
    const rows: { id: string; question_id: string; text: string; status: 'pending' | 'kept'; created_at: Date }[] = await this.db.query(
      `SELECT id, question_id, text, status, created_at FROM survey_free_texts
        WHERE survey_id = $1 AND status <> 'hidden' AND ($5 = false OR status = 'kept')
          AND ($2::timestamptz IS NULL OR (created_at, id) < ($2, $3::uuid))
        ORDER BY created_at DESC, id DESC LIMIT $4`,
      [id, after?.createdAt ?? null, after?.id ?? null, limit + 1, onlyKept],
    );
    return toPage(
      rows,
      limit,
      (r) => ({ createdAt: r.created_at, id: r.id }),
      (r) => ({ id: r.id, questionId: r.question_id, text: r.text, status: r.status, createdAt: r.created_at.toISOString() }),
    );
  }

  /** Keeps or hides a free text. Hiding erases its words at once: a hidden text is never shown or exported again. */
  async moderate(user: AuthenticatedUser, id: string, textId: string, status: 'kept' | 'hidden'): Promise<void> {
    await this.db.transaction(async (tx) => {
      const row = await this.row(tx, id);
      await this.editableAssessment(tx, user, row.assessment_id);
      const [current]: { status: string }[] = await tx.query(
        `SELECT status FROM survey_free_texts WHERE id = $1 AND survey_id = $2 FOR UPDATE`,
        [textId, id],
      );
      if (!current || current.status === 'hidden') throw new NotFoundException('No such answer text.');
      await tx.query(`UPDATE survey_free_texts SET status = $2, text = CASE WHEN $2 = 'hidden' THEN NULL ELSE text END WHERE id = $1`, [
        textId,
        status,
      ]);
    });
  }

  /** The results as CSV: suppressed counts (empty cell when suppressed) and the kept free texts only. */
  async exportCsv(user: AuthenticatedUser, id: string, language: Language): Promise<string> {
    const row = await this.row(this.db.manager, id);
    await this.readableAssessment(user, row.assessment_id);
    const lang = row.languages.includes(language) ? language : (row.languages[0] ?? 'fi');
    const results = suppressResults(
      row.id,
      row.questions,
      await this.counts(this.db.manager, id, row.questions),
      this.config.SURVEY_MIN_CELL,
    );
    const kept: { question_id: string; text: string }[] = await this.db.query(
      `SELECT question_id, text FROM survey_free_texts WHERE survey_id = $1 AND status = 'kept' ORDER BY created_at, id`,
      [id],
    );
    const cell = (v: string | number | null) => {
      const text = v === null ? '' : String(v);
      return /[",\n;]/.test(text) || /^[=+\-@]/.test(text) ? `"${text.replace(/^([=+\-@])/, "'$1").replace(/"/g, '""')}"` : text;
    };
    const lines = [['question', 'answer', 'count', ...SURVEY_AGE_BANDS].map(cell).join(',')];
    lines.push(['respondents', '', results.respondents].map(cell).join(','));
    for (const q of results.questions) {
      const question = row.questions.find((x) => x.id === q.questionId);
      if (!question) continue;
      for (const r of q.rows) {
        const label = question.options.find((o) => o.id === r.value)?.label[lang] ?? r.value;
        lines.push([question.text[lang], label, r.count, ...SURVEY_AGE_BANDS.map((b) => r.byAgeBand[b] ?? null)].map(cell).join(','));
      }
    }
    for (const t of kept) {
      const question = row.questions.find((x) => x.id === t.question_id);
      lines.push([question?.text[lang] ?? t.question_id, t.text, ''].map(cell).join(','));
    }
    return lines.join('\r\n') + '\r\n';
  }

  /** "Add to children's views": the results summary (never raw answers or free texts) into the record's children's views. */
  async addToViews(user: AuthenticatedUser, id: string): Promise<SurveyViewsEntry> {
    return this.db.transaction(async (tx) => {
      const row = await this.row(tx, id, true);
      await this.editableAssessment(tx, user, row.assessment_id);
      const results = suppressResults(row.id, row.questions, await this.counts(tx, id, row.questions), this.config.SURVEY_MIN_CELL);
      if (!results.shown)
        throw new ConflictException(`The results are shown from ${results.minCell} answers on; ${results.respondents} so far.`);
      const survey = { ...row, opensAt: row.opens_at.toISOString(), closesAt: row.closes_at.toISOString() };
      const entry: SurveyViewsEntry = {
        surveyId: row.id,
        method: 'survey',
        title: row.title,
        languages: row.languages,
        respondents: results.respondents,
        opensAt: survey.opensAt,
        closesAt: survey.closesAt,
        summary: summaryTexts(survey, results),
        addedAt: new Date().toISOString(),
      };
      await tx.query(`UPDATE surveys SET views_entry = $2, views_added_at = now() WHERE id = $1`, [id, JSON.stringify(entry)]);
      return entry;
    });
  }

  /** The survey summaries in the record's children's views, oldest first. */
  async viewsEntries(user: AuthenticatedUser, assessmentId: string): Promise<SurveyViewsEntry[]> {
    await this.access.readable(null, user, assessmentId);
    return viewsEntries(this.db.manager, assessmentId);
  }

  // --- The child's side (no account) ---

  async publicSurvey(id: string): Promise<PublicSurvey> {
    const row = await this.publicRow(id);
    const [a]: { planned_meeting_date: string | null }[] = await this.db.query(
      `SELECT to_char(planned_meeting_date, 'YYYY-MM-DD') AS planned_meeting_date FROM assessments WHERE id = $1`,
      [row.assessment_id],
    );
    return {
      id: row.id,
      languages: row.languages,
      title: row.title,
      intro: row.intro,
      questions: row.questions,
      status: surveyStatus(row),
      opensAt: row.opens_at.toISOString(),
      closesAt: row.closes_at.toISOString(),
      asksClassCode: row.class_codes.length > 0,
      publicPath: `/public/assessments/${row.assessment_id}`,
      plannedMeetingDate: a?.planned_meeting_date ?? null,
    };
  }

  /**
   * One child's answer, checked against the survey and written in one statement (the answer row and
   * its free texts). The id comes from the device: a retry finds it and counts nothing new.
   */
  async answer(id: string, dto: SurveyAnswerDto): Promise<SurveyAnswerResult> {
    const row = await this.publicRow(id);
    const status = surveyStatus(row);
    if (status === 'closed') throw new GoneException('This survey has closed. Thank you for your interest!');
    if (status === 'scheduled') throw new ConflictException('This survey has not opened yet.');
    let classCode: string | null = null;
    if (row.class_codes.length > 0) {
      if (!dto.classCode) throw new BadRequestException('Write the class code your teacher gave you.');
      if (!row.class_codes.includes(dto.classCode))
        throw new BadRequestException('The class code is not right. Check it with your teacher.');
      classCode = dto.classCode;
    }
    const { choices, ageBand, texts } = readAnswers(row.questions, dto.answers);
    const [result]: { inserted: number }[] = await this.db.query(
      `WITH a AS (
         INSERT INTO survey_answers (id, survey_id, language, age_band, class_code, choices)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING RETURNING id),
       t AS (
         INSERT INTO survey_free_texts (survey_id, answer_id, question_id, text)
         SELECT $2, a.id, x.q, x.t FROM a, unnest($7::text[], $8::text[]) AS x(q, t) RETURNING 1)
       SELECT count(*)::int AS inserted FROM a`,
      [dto.id, id, dto.language, ageBand, classCode, JSON.stringify(choices), texts.map((t) => t.questionId), texts.map((t) => t.text)],
    );
    return { recorded: true, duplicate: (result?.inserted ?? 0) === 0 };
  }

  // --- Helpers ---

  private async counts(manager: EntityManager, id: string, questions: SurveyQuestion[]): Promise<RawCounts> {
    const [totals, cells, answered, ageBands, classes] = await Promise.all([
      manager.query(
        `SELECT count(*)::int AS n, to_char(min(answered_on), 'YYYY-MM-DD') AS first, to_char(max(answered_on), 'YYYY-MM-DD') AS last
           FROM survey_answers WHERE survey_id = $1`,
        [id],
      ) as Promise<{ n: number; first: string | null; last: string | null }[]>,
      manager.query(
        `SELECT q.key AS "questionId", v.value, coalesce(a.age_band, '') AS "ageBand", count(*)::int AS n
           FROM survey_answers a
           CROSS JOIN LATERAL jsonb_each(a.choices) AS q
           CROSS JOIN LATERAL jsonb_array_elements_text(
             CASE jsonb_typeof(q.value) WHEN 'array' THEN q.value ELSE jsonb_build_array(q.value) END) AS v(value)
          WHERE a.survey_id = $1
          GROUP BY 1, 2, 3`,
        [id],
      ) as Promise<RawCounts['cells']>,
      manager.query(
        `SELECT "questionId", sum(n)::int AS n FROM (
           SELECT q.key AS "questionId", count(*) AS n FROM survey_answers a CROSS JOIN LATERAL jsonb_object_keys(a.choices) AS q(key)
            WHERE a.survey_id = $1 GROUP BY 1
           UNION ALL
           SELECT question_id, count(*) FROM survey_free_texts WHERE survey_id = $1 GROUP BY 1
           UNION ALL
           SELECT '#age', count(*) FROM survey_answers WHERE survey_id = $1 AND age_band IS NOT NULL) x
         GROUP BY 1`,
        [id],
      ) as Promise<RawCounts['answered']>,
      manager.query(
        `SELECT age_band AS "ageBand", count(*)::int AS n FROM survey_answers WHERE survey_id = $1 AND age_band IS NOT NULL GROUP BY 1`,
        [id],
      ) as Promise<RawCounts['ageBands']>,
      manager.query(
        `SELECT class_code AS code, count(*)::int AS n FROM survey_answers WHERE survey_id = $1 AND class_code IS NOT NULL GROUP BY 1 ORDER BY 1`,
        [id],
      ) as Promise<RawCounts['classes']>,
    ]);
    const ageQuestion = questions.find((q) => q.kind === 'age_band');
    return {
      respondents: totals[0]?.n ?? 0,
      firstAnswerOn: totals[0]?.first ?? null,
      lastAnswerOn: totals[0]?.last ?? null,
      cells,
      answered: answered.map((a) => (a.questionId === '#age' && ageQuestion ? { ...a, questionId: ageQuestion.id } : a)),
      ageBands,
      classes,
    };
  }

  private async scheduleClosing(out: OutboxBatch, id: string, closesAt: Date): Promise<string[]> {
    return out.schedule([{ kind: 'survey_close', subjectId: id, dueAt: closesAt, params: { closesAt: closesAt.toISOString() } }]);
  }

  private async row(manager: EntityManager, id: string, lock = false): Promise<SurveyRow> {
    const [row]: SurveyRow[] = await manager.query(`SELECT * FROM surveys WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    if (!row) throw new NotFoundException('No such survey.');
    return row;
  }

  private async publicRow(id: string): Promise<SurveyRow> {
    const [row]: SurveyRow[] = await this.db.query(
      `SELECT id, assessment_id, languages, title, intro, questions, class_codes, opens_at, closes_at, closed_at FROM surveys WHERE id = $1`,
      [id],
    );
    if (!row) throw new NotFoundException('No such survey. Check the link.');
    return row;
  }

  /** Municipal staff of the assessment's municipality read surveys and results (a consulted council does not). */
  private async readableAssessment(user: AuthenticatedUser, assessmentId: string): Promise<Assessment> {
    const assessment = await this.access.readable(null, user, assessmentId);
    const actor = await this.access.actor(user, assessment);
    if (!actor.roles.some((r) => STAFF_READ.includes(r))) throw new NotFoundException('No such survey.');
    return assessment;
  }

  private async mayEdit(user: AuthenticatedUser, assessment: Assessment): Promise<boolean> {
    const actor = await this.access.actor(user, assessment);
    return assessment.responsibleOfficialId === user.id || actor.roles.includes('official');
  }

  /** The municipality's officials (the responsible one among them) make and run surveys. */
  private async editableAssessment(tx: EntityManager, user: AuthenticatedUser, assessmentId: string): Promise<Assessment> {
    const assessment = await this.access.readable(tx, user, assessmentId);
    const actor = await this.access.actor(user, assessment);
    if (!actor.roles.some((r) => STAFF_READ.includes(r))) throw new NotFoundException('No such assessment.');
    if (!(await this.mayEdit(user, assessment)))
      throw new ForbiddenException('Only the officials of the municipality make and run surveys of its assessments.');
    return assessment;
  }
}

/** What may not change once children answered: the questions' ids, kinds, faces and option ids. */
const questionShape = (questions: SurveyQuestion[]) =>
  questions.map((q) => ({ id: q.id, kind: q.kind, faces: q.faces ?? null, options: q.options.map((o) => o.id) }));

/** The checks a DTO cannot make; 400 naming each field. */
function checkSurvey(dto: SurveyInput): void {
  const problems: FieldProblem[] = [];
  const needs = (text: SurveyText, field: string) => {
    for (const language of dto.languages)
      if (!text[language]) problems.push({ field: `${field}.${language}`, messages: ['is required in each language of the survey'] });
  };
  if (new Set(dto.languages).size !== dto.languages.length) problems.push({ field: 'languages', messages: ['names a language twice'] });
  needs(dto.title, 'title');
  const opens = new Date(dto.opensAt).getTime();
  const closes = new Date(dto.closesAt).getTime();
  if (!(closes > opens)) problems.push({ field: 'closesAt', messages: ['must be after the opening'] });
  if (new Set(dto.classCodes).size !== dto.classCodes.length) problems.push({ field: 'classCodes', messages: ['names a code twice'] });
  const ids = new Set<string>();
  dto.questions.forEach((q, i) => {
    const field = `questions.${i}`;
    if (ids.has(q.id)) problems.push({ field: `${field}.id`, messages: ['repeats the id of another question'] });
    ids.add(q.id);
    if (q.kind !== 'age_band') needs(q.text, `${field}.text`);
    if (q.kind === 'smiley' && q.faces !== 3 && q.faces !== 5) problems.push({ field: `${field}.faces`, messages: ['must be 3 or 5'] });
    if (q.kind !== 'smiley') q.faces = null;
    if (q.kind === 'single' || q.kind === 'multiple') {
      if (q.options.length < 2) problems.push({ field: `${field}.options`, messages: ['must have at least 2 options'] });
      const optionIds = new Set<string>();
      q.options.forEach((o, j) => {
        if (optionIds.has(o.id)) problems.push({ field: `${field}.options.${j}.id`, messages: ['repeats the id of another option'] });
        optionIds.add(o.id);
        needs(o.label, `${field}.options.${j}.label`);
      });
    } else q.options = [];
  });
  if (dto.questions.filter((q) => q.kind === 'age_band').length > 1)
    problems.push({ field: 'questions', messages: ['may ask the age band only once'] });
  if (problems.length) throw requestProblems(problems);
}

/** Checks a child's answers against the questions; 400 in the child's language for anything not right. */
function readAnswers(
  questions: SurveyQuestion[],
  answers: Record<string, unknown>,
): { choices: Record<string, number | string | string[]>; ageBand: string | null; texts: { questionId: string; text: string }[] } {
  const choices: Record<string, number | string | string[]> = {};
  const texts: { questionId: string; text: string }[] = [];
  let ageBand: string | null = null;
  for (const [key, value] of Object.entries(answers)) {
    const index = questions.findIndex((q) => q.id === key);
    const q = questions[index];
    if (!q) throw new BadRequestException('An answer is for a question this survey does not have. Load the survey again.');
    const number = index + 1;
    const unknownOption = () => new BadRequestException(`Your answer to question ${number} is not one of its choices.`);
    switch (q.kind) {
      case 'smiley':
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > (q.faces ?? 3)) throw unknownOption();
        choices[key] = value;
        break;
      case 'single':
        if (typeof value !== 'string' || !q.options.some((o) => o.id === value)) throw unknownOption();
        choices[key] = value;
        break;
      case 'multiple':
        if (!Array.isArray(value) || value.length === 0 || value.length > q.options.length) throw unknownOption();
        if (new Set(value).size !== value.length || !value.every((v) => typeof v === 'string' && q.options.some((o) => o.id === v)))
          throw unknownOption();
        choices[key] = value as string[];
        break;
      case 'age_band':
        if (typeof value !== 'string' || !(SURVEY_AGE_BANDS as readonly string[]).includes(value)) throw unknownOption();
        ageBand = value;
        break;
      case 'text': {
        if (typeof value !== 'string') throw unknownOption();
        const text = value.trim();
        if (text.length > SURVEY_LIMITS.freeText)
          throw new BadRequestException(`Your answer to question ${number} is too long: at most ${SURVEY_LIMITS.freeText} characters.`);
        if (text) texts.push({ questionId: key, text });
        break;
      }
    }
  }
  return { choices, ageBand, texts };
}
