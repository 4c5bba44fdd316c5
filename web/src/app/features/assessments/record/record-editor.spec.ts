import { HttpErrorResponse } from '@angular/common/http';
import type { ApiError, AssessmentDetail, UpdateAssessmentRequest } from '@lava/contracts';
import { detail } from '../test-data';
import { RecordEditor, patchBody, type RecordPort } from './record-editor';

function httpError(status: number, body: ApiError): HttpErrorResponse {
  return new HttpErrorResponse({ status, error: body });
}

/** A fake API: records PATCH bodies and answers with what the test queues. */
function fakePort(initial: AssessmentDetail = detail()) {
  const sent: UpdateAssessmentRequest[] = [];
  const answers: ((body: UpdateAssessmentRequest) => AssessmentDetail | HttpErrorResponse)[] = [];
  let current = initial;
  const port: RecordPort & { saved: jest.Mock } = {
    update: jest.fn(async (body: UpdateAssessmentRequest) => {
      sent.push(body);
      const answer = answers.shift();
      const result = answer ? answer(body) : apply(current, body);
      if (result instanceof HttpErrorResponse) throw result;
      current = result;
      return result;
    }),
    get: jest.fn(async () => current),
    saved: jest.fn(),
  };
  return {
    port,
    sent,
    answers,
    setServer: (d: AssessmentDetail) => (current = d),
  };
}

/** What the API would store for a PATCH (enough for these tests). */
function apply(d: AssessmentDetail, body: UpdateAssessmentRequest): AssessmentDetail {
  return {
    ...d,
    version: d.version + 1,
    screening: { ...d.screening, ...body.screening },
    plainLanguageSummary: body.plainLanguageSummary ?? d.plainLanguageSummary,
  };
}

async function settleTimers(ms = 1000) {
  await jest.advanceTimersByTimeAsync(ms);
}

describe('patchBody', () => {
  it('sends only the given fields, nested as the API wants them', () => {
    expect(patchBody({ 'screening.rationale': 'x', plainLanguageSummary: 'y' }, 4)).toEqual({
      version: 4,
      screening: { rationale: 'x' },
      plainLanguageSummary: 'y',
    });
    expect(patchBody({ 'screening.affectsChildren': null }, 2)).toEqual({ version: 2, screening: { affectsChildren: null } });
  });

  it('nests content fields by section (`<section>.<field>`) and sends lists whole', () => {
    const items = [
      { id: 'a1', title: 'Proposal', description: '', defaultName: null },
      { id: 'a2', title: 'No change', description: '', defaultName: null },
    ];
    expect(
      patchBody(
        {
          'mitigation.text': 'm',
          'recommendation.bestInterests': 'b',
          'recommendation.text': 'r',
          'alternatives.items': items,
          title: 'T',
        },
        7,
      ),
    ).toEqual({
      version: 7,
      mitigation: { text: 'm' },
      recommendation: { bestInterests: 'b', text: 'r' },
      alternatives: { items },
      title: 'T',
    });
  });
});

describe('RecordEditor', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('saves the changed fields about a second after typing stops, with the version it has', async () => {
    const { port, sent } = fakePort(detail({ version: 3 }));
    const editor = new RecordEditor(port);
    editor.load(detail({ version: 3 }));

    editor.set('screening.rationale', 'Aff');
    await settleTimers(500);
    editor.set('screening.rationale', 'Affects pupils');
    await settleTimers(900);
    expect(sent).toEqual([]);
    await settleTimers(100);

    expect(sent).toEqual([{ version: 3, screening: { rationale: 'Affects pupils' } }]);
    expect(editor.status().kind).toBe('saved');
    expect(editor.version()).toBe(4);
    expect(editor.pending()).toEqual([]);
    expect(port.saved).toHaveBeenCalledTimes(1);
  });

  it('saves at once on flush (blur) and saves again what was typed during the request', async () => {
    const { port, sent, answers } = fakePort();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const editor = new RecordEditor(port);
    editor.load(detail({ version: 1 }));
    answers.push((body) => apply(detail({ version: 1 }), body));
    (port.update as jest.Mock).mockImplementationOnce(async (body: UpdateAssessmentRequest) => {
      sent.push(body);
      await gate;
      return apply(detail({ version: 1 }), body);
    });

    editor.set('plainLanguageSummary', 'Short');
    const first = editor.flush();
    expect(editor.status().kind).toBe('saving');
    editor.set('plainLanguageSummary', 'Short and clear');
    release();
    await first;
    await settleTimers(1000);

    expect(sent).toEqual([
      { version: 1, plainLanguageSummary: 'Short' },
      { version: 2, plainLanguageSummary: 'Short and clear' },
    ]);
    expect(editor.pending()).toEqual([]);
    expect(editor.value('plainLanguageSummary')).toBe('Short and clear');
  });

  it('on a stale version keeps my text: untouched fields are re-saved, both-changed fields wait for a choice', async () => {
    const mine = detail({ version: 2, screening: { ...detail().screening, rationale: 'Old rationale' } });
    const { port, sent, answers, setServer } = fakePort(mine);
    const editor = new RecordEditor(port);
    editor.load(mine);

    // Meanwhile another session saved version 3 with a new rationale.
    const theirs = detail({ version: 3, screening: { ...detail().screening, rationale: 'Their rationale' } });
    setServer(theirs);
    answers.push(() =>
      httpError(409, {
        statusCode: 409,
        error: 'Conflict',
        message: 'Anna saved a newer version.',
        conflict: {
          currentVersion: 3,
          changes: [
            { version: 3, changedAt: '2026-11-20T10:05:00.000Z', changedBy: 'Anna', kind: 'edited', fields: ['screening.rationale'] },
          ],
        },
      }),
    );

    editor.set('screening.rationale', 'My rationale');
    editor.set('plainLanguageSummary', 'My summary');
    await editor.flush();
    await settleTimers(0);

    // The summary (which they did not touch) went on top of version 3; the rationale waits.
    expect(sent).toEqual([
      { version: 2, screening: { rationale: 'My rationale' }, plainLanguageSummary: 'My summary' },
      { version: 3, plainLanguageSummary: 'My summary' },
    ]);
    expect(editor.status().kind).toBe('conflict');
    expect(editor.conflict()?.changes[0].changedBy).toBe('Anna');
    expect(editor.conflict()?.fields).toEqual([{ field: 'screening.rationale', theirs: 'Their rationale' }]);
    expect(editor.value('screening.rationale')).toBe('My rationale');

    // Keeping mine tells the API the save resolves a conflict (kept as its own version).
    await editor.keepMine('screening.rationale');
    expect(sent[2]).toEqual({ version: 4, resolvesConflict: true, screening: { rationale: 'My rationale' } });
    expect(editor.conflict()).toBeNull();
    expect(editor.status().kind).toBe('saved');
    expect(editor.detail()?.screening.rationale).toBe('My rationale');
    expect(editor.detail()?.plainLanguageSummary).toBe('My summary');
  });

  it('on a stale version merges a list item by item: their new evidence and my edited one are both kept, with no question', async () => {
    const evidence = (id: string, finding: string) => ({ id, source: `Source ${id}`, url: '', date: null, finding });
    const base = detail({ version: 1, evidence: { items: [evidence('e1', 'old'), evidence('e2', 'old')], gaps: '' } });
    const { port, sent, answers, setServer } = fakePort(base);
    const editor = new RecordEditor(port);
    editor.load(base);

    const theirs = detail({
      version: 2,
      evidence: { items: [evidence('e1', 'old'), evidence('e2', 'old'), evidence('e3', 'theirs')], gaps: '' },
    });
    setServer(theirs);
    answers.push(() =>
      httpError(409, {
        statusCode: 409,
        error: 'Conflict',
        message: 'stale',
        conflict: {
          currentVersion: 2,
          changes: [{ version: 2, changedAt: '', changedBy: 'Anna', kind: 'edited', fields: ['evidence.items'] }],
        },
      }),
    );
    answers.push((body) => ({ ...theirs, version: 3, evidence: { ...theirs.evidence, ...body.evidence } }) as typeof theirs);

    editor.set('evidence.items', [evidence('e1', 'mine'), evidence('e2', 'old')]);
    await editor.flush();
    await settleTimers(0);

    // The panel still tells who saved meanwhile, but asks about nothing.
    expect(editor.conflict()?.fields).toEqual([]);
    expect(sent[1]).toEqual({ version: 2, evidence: { items: [evidence('e1', 'mine'), evidence('e2', 'old'), evidence('e3', 'theirs')] } });
    expect(editor.status().kind).toBe('saved');
  });

  it('"save a version" saves what is pending first, then names the version; a refusal comes back as the API sentence', async () => {
    const { port, sent, answers } = fakePort();
    const editor = new RecordEditor(port);
    editor.load(detail({ version: 1 }));
    editor.set('plainLanguageSummary', 'Draft summary');
    expect(await editor.saveVersion('Before the workshop')).toEqual({ ok: true });
    expect(sent).toEqual([
      { version: 1, plainLanguageSummary: 'Draft summary' },
      { version: 2, versionName: 'Before the workshop' },
    ]);
    expect(editor.pending()).toEqual([]);

    answers.push(() =>
      httpError(400, { statusCode: 400, error: 'Bad Request', message: 'Nothing has been edited since the last version.' }),
    );
    expect(await editor.saveVersion('Again')).toEqual({ ok: false, message: 'Nothing has been edited since the last version.' });
    expect(editor.status().kind).toBe('saved');
  });

  it('"use theirs" takes the saved text and sends nothing for it', async () => {
    const { port, sent, answers, setServer } = fakePort();
    const editor = new RecordEditor(port);
    editor.load(detail({ version: 1 }));
    setServer(detail({ version: 2, plainLanguageSummary: 'Their summary' }));
    answers.push(() =>
      httpError(409, {
        statusCode: 409,
        error: 'Conflict',
        message: 'stale',
        conflict: {
          currentVersion: 2,
          changes: [{ version: 2, changedAt: '', changedBy: 'Anna', kind: 'edited', fields: ['plainLanguageSummary'] }],
        },
      }),
    );
    editor.set('plainLanguageSummary', 'Mine');
    await editor.flush();
    expect(editor.status().kind).toBe('conflict');

    await editor.useTheirs('plainLanguageSummary');
    expect(editor.value('plainLanguageSummary')).toBe('Their summary');
    expect(sent).toHaveLength(1);
    expect(editor.conflict()).toBeNull();
    expect(editor.pending()).toEqual([]);
  });

  it('locks editing with the workflow refusals, and reports other errors with the API message', async () => {
    const { port, answers } = fakePort();
    const editor = new RecordEditor(port);
    editor.load(detail());
    answers.push(() =>
      httpError(409, {
        statusCode: 409,
        error: 'Conflict',
        message: 'Refused',
        refusals: [{ code: 'content_read_only', message: 'read only', params: { stage: 'review' } }],
      }),
    );
    editor.set('screening.rationale', 'x');
    await editor.flush();
    expect(editor.status()).toEqual({ kind: 'error', message: 'Refused' });
    expect(editor.refusals().map((r) => r.code)).toEqual(['content_read_only']);
    expect(editor.editable()).toBe(false);
    editor.set('screening.rationale', 'y');
    expect(editor.value('screening.rationale')).toBe('x');

    const other = new RecordEditor(fakePort().port);
    const failing = fakePort();
    failing.answers.push(() =>
      httpError(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Check',
        details: [{ field: 'screening.rationale', messages: ['too long'] }],
      }),
    );
    const bad = new RecordEditor(failing.port);
    bad.load(detail());
    bad.set('screening.rationale', 'z');
    await bad.flush();
    expect(bad.status()).toEqual({ kind: 'error', message: 'screening.rationale: too long' });
    expect(other.status().kind).toBe('idle');
  });

  it('settle() saves what is pending before a transition', async () => {
    const { port, sent } = fakePort(detail({ version: 5 }));
    const editor = new RecordEditor(port);
    editor.load(detail({ version: 5 }));
    editor.set('screening.affectsChildren', true);
    editor.set('screening.ageGroups', ['7-12', '0-6']);
    expect(await editor.settle()).toBe(true);
    expect(sent).toEqual([{ version: 5, screening: { affectsChildren: true, ageGroups: ['0-6', '7-12'] } }]);
    expect(editor.version()).toBe(6);
  });

  it('setMany saves an alternative and its matrix rows in one PATCH, and takes the rows the API added', async () => {
    const alternatives = [
      { id: 'a1', title: 'Proposal', description: '', defaultName: null },
      { id: 'a2', title: 'No change', description: '', defaultName: null },
    ];
    const start = detail({ version: 4, alternatives: { items: alternatives } });
    const { port, sent, answers } = fakePort(start);
    const editor = new RecordEditor(port);
    editor.load(start);
    const third = { id: 'a3', title: '', description: '', defaultName: null };
    editor.setMany({ 'alternatives.items': [...alternatives, third] });
    // The API answers with the general-principle rows it added for the new alternative.
    const added = [2, 3, 6, 12].map((article) => ({
      id: `r${article}`,
      alternativeId: 'a3',
      articles: [article],
      groups: [],
      wellbeing: [],
      direction: null,
      directness: null,
      term: null,
      note: '',
    }));
    answers.push(() => ({ ...start, version: 5, alternatives: { items: [...alternatives, third] }, impactMatrix: { rows: added } }));
    await settleTimers();
    expect(sent).toEqual([{ version: 4, alternatives: { items: [...alternatives, third] } }]);
    expect(editor.value('impactMatrix.rows')).toEqual(added);
    expect(editor.pending()).toEqual([]);
    await settleTimers(3000);
    expect(sent).toHaveLength(1);
  });
});
