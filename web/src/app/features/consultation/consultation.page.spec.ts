import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ApiError, ConsultationDetail } from '@lava/contracts';
import { translocoTesting } from '../../../testing/translations';
import { ConsultationPage } from './consultation.page';

function consultation(overrides: Partial<ConsultationDetail> = {}): ConsultationDetail {
  return {
    id: 'c1',
    assessmentId: 'a1',
    assessmentTitle: 'Nuorisotalon aukioloajat',
    assessmentStage: 'consultation',
    youthCouncil: { id: 'y1', name: 'Kotka Youth Council' },
    round: 1,
    deadline: '2099-01-01T14:00:00.000Z',
    message: '',
    status: 'drafting',
    boardStatus: 'drafting',
    openedAt: '2026-11-20T10:00:00.000Z',
    closedAt: null,
    adoptedAt: null,
    submittedAt: null,
    pointCount: 1,
    answeredCount: 0,
    version: 1,
    plainLanguageSummary: 'Nuorisotalo on auki vähemmän iltoja.',
    statement: {
      id: 's1',
      adoptedAt: null,
      submittedAt: null,
      version: 2,
      points: [
        {
          id: 'p1',
          position: 1,
          text: '<b>Perjantait</b> ovat tärkeimmät',
          updatedBy: 'Aino',
          writtenBy: 'Aino',
          mine: false,
          updatedAt: '2026-11-20T10:00:00.000Z',
          disposition: null,
          dispositionReason: '',
          linkedSection: null,
          version: 1,
        },
      ],
      removedPoints: [],
    },
    can: { edit: true, adopt: true, submit: false, withdrawStatement: false, answer: false },
    viewer: 'council',
    councilOfficers: { chair: 'Aino', secretary: null },
    locked: null,
    feedback: null,
    ...overrides,
  };
}

async function settle(fixture: { whenStable: () => Promise<unknown>; detectChanges: () => void }): Promise<void> {
  await fixture.whenStable();
  await new Promise((resolve) => setTimeout(resolve));
  fixture.detectChanges();
  await fixture.whenStable();
}

async function render(detail: ConsultationDetail) {
  TestBed.configureTestingModule({
    imports: [ConsultationPage, translocoTesting()],
    providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
  });
  const fixture = TestBed.createComponent(ConsultationPage);
  fixture.componentRef.setInput('id', 'c1');
  const http = TestBed.inject(HttpTestingController);
  await fixture.whenStable();
  http.expectOne('/api/consultations/c1').flush(detail);
  await settle(fixture);
  return { fixture, http, el: fixture.nativeElement as HTMLElement };
}

describe('ConsultationPage', () => {
  it('shows the council the one next step and the plain-language summary before the statement, with HTML as text', async () => {
    const { el } = await render(consultation());
    const headings = [...el.querySelectorAll('h2')].map((h) => h.textContent?.trim());
    expect(headings.slice(0, 2)).toEqual(['What next?', 'In short, in plain words']);
    expect(el.textContent).toContain('When the council has agreed on the points at its meeting, record the meeting date.');
    const point = el.querySelector<HTMLTextAreaElement>('#point-p1');
    expect(point?.value).toBe('<b>Perjantait</b> ovat tärkeimmät');
    expect(el.querySelector('b')).toBeNull();
  });

  it('tells a member who is not the chair or secretary who records the adoption, instead of the form', async () => {
    const { el } = await render(
      consultation({ can: { edit: true, adopt: false, submit: false, withdrawStatement: false, answer: false } }),
    );
    expect(el.querySelector('#meeting-date')).toBeNull();
    expect(el.textContent).toContain('Your council’s chair (Aino) records the meeting where you adopted the statement.');
    expect(el.textContent).toContain('your chair or secretary records the meeting date');
  });

  it('names both officers, or says whom to ask when the council has neither', async () => {
    const cannot = { edit: true, adopt: false, submit: false, withdrawStatement: false, answer: false };
    const both = await render(consultation({ can: cannot, councilOfficers: { chair: 'Aino', secretary: 'Eetu' } }));
    expect(both.el.textContent).toContain('Your council’s chair (Aino) or secretary (Eetu) records the meeting');
    TestBed.resetTestingModule();
    const none = await render(consultation({ can: cannot, councilOfficers: { chair: null, secretary: null } }));
    expect(none.el.textContent).toContain('Your council has no chair or secretary in Lava yet. Ask your municipality’s admin to add them.');
  });

  it('keeps both texts when another member saved the point first, and saves the member’s own text over the newer version on request', async () => {
    const { fixture, http, el } = await render(consultation());
    const point = el.querySelector<HTMLTextAreaElement>('#point-p1');
    if (!point) throw new Error('no point editor');
    point.value = 'Minun versioni';
    point.dispatchEvent(new Event('input'));
    await settle(fixture);
    // No save button: the point saves itself when typing pauses, or at once when the field is left.
    expect([...el.querySelectorAll('button')].some((b) => b.textContent?.includes('Save point'))).toBe(false);
    point.dispatchEvent(new Event('blur'));

    const save = http.expectOne('/api/consultations/c1/points/p1');
    expect(save.request.body).toEqual({ version: 1, text: 'Minun versioni' });
    const conflict: ApiError = {
      statusCode: 409,
      error: 'Conflict',
      message: 'Onni changed this point while you were editing it.',
      conflict: { currentVersion: 2, changes: [] },
    };
    save.flush(conflict, { status: 409, statusText: 'Conflict' });
    await settle(fixture);
    const theirs = consultation();
    for (const p of theirs.statement?.points ?? []) Object.assign(p, { text: 'Onnin versio', updatedBy: 'Onni', version: 2 });
    http.expectOne('/api/consultations/c1').flush(theirs);
    await settle(fixture);

    const group = el.querySelector('.conflict');
    expect(group?.textContent).toContain('Onni changed this point at the same time');
    expect(group?.textContent).toContain('Onnin versio');
    expect(group?.textContent).toContain('Minun versioni');
    expect(el.querySelector<HTMLTextAreaElement>('#point-p1')?.value).toBe('Minun versioni');
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('Someone else saved the same point just before you.');

    [...el.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Save my text')?.click();
    const again = http.expectOne('/api/consultations/c1/points/p1');
    expect(again.request.body).toEqual({ version: 2, text: 'Minun versioni' });
    // The council's private discussion (comment threads) loads beside the statement; not this test's concern.
    http.match((request) => request.url.includes('/comment-'));
    http.verify();
  });

  it('asks before removing another member’s point, and offers the removed point back', async () => {
    const { fixture, http, el } = await render(consultation());
    const button = (text: string) => [...el.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
    button('Remove point 1')?.click();
    await settle(fixture);
    // Aino wrote it: nothing is sent before a yes.
    http.expectNone((request) => request.method === 'DELETE');
    expect(el.querySelector('.confirm')?.textContent).toContain('Aino wrote this point. Do you want to remove it?');
    button('Yes, remove')?.click();
    const removal = http.expectOne((request) => request.method === 'DELETE');
    expect(removal.request.urlWithParams).toBe('/api/consultations/c1/points/p1?version=1');
    const after = consultation();
    const statement = after.statement;
    if (!statement) throw new Error('no statement');
    statement.removedPoints = [
      {
        id: 'p1',
        position: 1,
        text: '<b>Perjantait</b> ovat tärkeimmät',
        removedBy: 'Onni',
        removedAt: '2026-11-21T10:00:00.000Z',
        undoUntil: '2026-11-22T10:00:00.000Z',
        version: 2,
      },
    ];
    statement.points = [];
    removal.flush(after);
    await settle(fixture);
    expect(el.querySelector('.removed')?.textContent).toContain('Onni removed this. You can bring it back until');
    button('Bring the point back')?.click();
    const restore = http.expectOne('/api/consultations/c1/points/p1/restore');
    expect(restore.request.body).toEqual({ version: 2 });
    http.match((request) => request.url.includes('/comment-'));
  });

  it('removes the member’s own point without asking', async () => {
    const own = consultation();
    for (const p of own.statement?.points ?? []) p.mine = true;
    const { http, el } = await render(own);
    [...el.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Remove point 1')?.click();
    http.expectOne((request) => request.method === 'DELETE');
    http.match((request) => request.url.includes('/comment-'));
  });
});
