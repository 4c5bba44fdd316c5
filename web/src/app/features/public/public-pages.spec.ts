import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { emptyRecordContent, type AssessmentDetail, type PublicAssessmentPage, type PublicationStatus } from '@lava/contracts';
import { translocoTesting } from '../../../testing/translations';
import { AuthService } from '../../core/auth/auth.service';
import { LANGUAGE_STORAGE_KEY } from '../../core/i18n/languages';
import { detail } from '../assessments/test-data';
import { PublicAssessmentPageComponent } from './public-assessment.page';
import { PublicationPanel } from './publication-panel';

const settle = async (fixture: { whenStable: () => Promise<unknown>; detectChanges: () => void }) => {
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fixture.whenStable();
    fixture.detectChanges();
  }
};

const PAGE: PublicAssessmentPage = {
  kind: 'assessment',
  publishedAt: '2027-02-20T10:00:00.000Z',
  assessment: {
    id: 'a1',
    title: 'School network 2027–2030',
    caseNumber: 'KOT/412/2026',
    stage: 'decided',
    municipality: { id: 'm1', name: 'Kotka' },
    committee: { id: 'c1', name: 'Education committee' },
    plannedMeetingDate: '2027-02-17',
    responsibleOfficial: 'Anna Virtanen',
    plainLanguageSummary: 'The town decides which schools you go to.',
    screening: {
      affectsChildren: true,
      impactKind: 'direct',
      ageGroups: ['7-12'],
      rationale: 'Longer trips.',
      signedBy: 'Anna Virtanen',
      signedAt: '2026-11-02T10:00:00.000Z',
    },
    record: {
      ...emptyRecordContent(),
      alternatives: { items: [{ id: 'alt1', title: 'The proposal', description: 'Merge two schools.', defaultName: null }] },
      impactMatrix: {
        rows: [
          {
            id: 'r1',
            alternativeId: 'alt1',
            articles: [28],
            groups: ['rural_areas'],
            wellbeing: [],
            direction: 'negative',
            directness: 'direct',
            term: 'long',
            note: 'Longer trips.',
          },
        ],
      },
    },
    statements: [
      {
        council: { id: 'y1', name: 'Kotka youth council' },
        round: 1,
        adoptedAt: '2026-12-01',
        submittedAt: '2026-12-02T09:00:00.000Z',
        points: [
          { position: 1, text: 'Build the cycle path first.', disposition: 'accepted', dispositionReason: 'It is in the 2027 budget.' },
        ],
      },
    ],
    review: null,
    decision: {
      outcome: 'approved_as_modified',
      meetingDate: '2027-02-17',
      minutesSection: '§ 42',
      decisionText: 'Approved with a 2.5 km transport limit.',
      followUpDate: '2029-08-31',
      signedBy: 'Leena Mäkinen',
      signedAt: '2027-02-17T16:30:00.000Z',
    },
  },
  pdf: [{ language: 'en', sha256: 'f'.repeat(64), url: '/api/public/assessments/a1/pdf/en' }],
  signatures: [
    {
      id: 's1',
      kind: 'publication',
      sequence: 7,
      organization: { id: 'm1', name: 'Kotka' },
      assessmentId: 'a1',
      signedAt: '2027-02-20T10:00:00.000Z',
      signerRole: 'official',
      snapshotHash: 'a'.repeat(64),
      previousHash: 'b'.repeat(64),
      hash: 'c'.repeat(64),
    },
  ],
};

describe('the public assessment page', () => {
  afterEach(() => TestBed.resetTestingModule());

  it('shows the summary first, then the decision, the record as tables, each statement point with its answer, the PDF and the signature', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    TestBed.configureTestingModule({
      imports: [translocoTesting()],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: AuthService, useValue: { user: signal(null) } },
      ],
    });
    const fixture = TestBed.createComponent(PublicAssessmentPageComponent);
    fixture.componentRef.setInput('id', 'a1');
    fixture.detectChanges();
    const http = TestBed.inject(HttpTestingController);
    await settle(fixture);
    http.expectOne('/api/public/assessments/a1').flush(PAGE);
    await settle(fixture);
    const el = fixture.nativeElement as HTMLElement;
    const headings = [...el.querySelectorAll('h2')].map((h) => h.textContent?.trim());
    expect(headings.slice(0, 3)).toEqual(['Plain-language summary', 'Decision', 'Screening']);
    expect(el.textContent).toContain('The town decides which schools you go to.');
    const table = el.querySelector('table');
    expect([...(table?.querySelectorAll('th') ?? [])].map((th) => th.getAttribute('scope'))).toEqual(Array(6).fill('col'));
    expect(table?.textContent).toContain('Children in rural areas');
    expect(el.textContent).toContain('Build the cycle path first.');
    expect(el.textContent).toContain('Answer: Accepted');
    expect(el.textContent).toContain('It is in the 2027 budget.');
    expect(el.querySelector('a[href="/api/public/assessments/a1/pdf/en"]')?.textContent).toContain('PDF in English');
    expect(el.querySelector(`a[href="/public/verify/${'c'.repeat(64)}"]`)).not.toBeNull();
  });
});

@Component({ imports: [PublicationPanel], template: `<lava-publication-panel [assessment]="assessment()" />` })
class PanelHost {
  readonly assessment = signal<AssessmentDetail>(detail({ stage: 'decided' }));
}

describe('the publication panel', () => {
  afterEach(() => TestBed.resetTestingModule());

  it('lets the responsible official publish a decided assessment with the version seen', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    const user = signal({
      id: 'u1',
      email: 'x@test.example',
      displayName: 'X',
      language: 'en',
      memberships: [{ organizationId: 'm1', organizationName: 'Kotka', organizationKind: 'municipality', role: 'official' }],
    });
    TestBed.configureTestingModule({
      imports: [PanelHost, translocoTesting()],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), { provide: AuthService, useValue: { user } }],
    });
    const fixture = TestBed.createComponent(PanelHost);
    fixture.detectChanges();
    const http = TestBed.inject(HttpTestingController);
    await settle(fixture);
    http.expectOne('/api/assessments/a1/documents').flush([]);
    const status: PublicationStatus = {
      published: false,
      publishable: true,
      publishedAt: null,
      unpublishedAt: null,
      unpublishReason: null,
      version: 0,
    };
    http.expectOne('/api/assessments/a1/publication').flush(status);
    await settle(fixture);
    const el = fixture.nativeElement as HTMLElement;
    expect(el.textContent).toContain('Not made yet.');
    const publish = [...el.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Publish');
    expect(publish).toBeTruthy();
    publish?.click();
    await settle(fixture);
    const request = http.expectOne('/api/assessments/a1/publication');
    expect([request.request.method, request.request.body]).toEqual(['POST', { version: 0 }]);
    request.flush({ ...status, published: true, publishedAt: '2027-02-20T10:00:00.000Z', version: 1 });
    await settle(fixture);
    expect(el.textContent).toContain('Open the public page');
  });
});
