import { LANGUAGES, type Language, type PublicAssessment } from '@lava/contracts';
import { renderAgendaPdf } from './agenda-pdf';
import { fullPublicAssessment } from './agenda-pdf.fixture';
import { AGENDA_TEXTS } from './agenda-texts';
import { readPdf, squash } from './pdf-tools';

/** Every value of the record a reader must find in the PDF (as written, or as the language names it). */
function expectedTexts(a: PublicAssessment, language: Language): string[] {
  const t = AGENDA_TEXTS[language];
  const r = a.record;
  const d = a.decision;
  if (!d) throw new Error('the fixture is decided');
  return [
    a.title,
    a.caseNumber ?? '',
    a.municipality.name,
    a.committee.name,
    a.plannedMeetingDate ?? '',
    a.responsibleOfficial,
    a.plainLanguageSummary,
    t.impactKinds.both,
    t.ageGroups['7-12'],
    a.screening.rationale,
    r.scope.childrenAffected,
    ...r.scope.vulnerableGroups.flatMap((g) => [(t.vulnerable as Record<string, string>)[g.group] ?? g.group, g.note]),
    r.legalBasis.uncrcArticles.join(', '),
    r.legalBasis.nationalLaw,
    r.legalBasis.welfarePlan,
    ...r.alternatives.items.flatMap((alt) => [alt.title || t.defaultAlternatives[alt.defaultName ?? 'proposal'], alt.description]),
    ...r.evidence.items.flatMap((e) => [e.source, e.finding]),
    r.evidence.gaps,
    ...r.childrensViews.methods.map((m) => t.methods[m]),
    r.childrensViews.howGathered,
    r.childrensViews.whatTheySaid,
    ...r.impactMatrix.rows.flatMap((row) => [
      row.note,
      row.direction ? t.directions[row.direction] : t.notStated,
      row.term ? t.terms[row.term] : t.notStated,
    ]),
    'Ruotsinkieliset oppilaat',
    r.mitigation.text,
    r.changesMade.text,
    r.recommendation.text,
    r.recommendation.bestInterests,
    r.communication.text,
    ...r.followUp.indicators.map((i) => i.indicator),
    ...a.statements.flatMap((s) => [s.council.name, s.adoptedAt ?? '', ...s.points.flatMap((p) => [p.text, p.dispositionReason])]),
    t.dispositions.accepted,
    t.dispositions.partly_accepted,
    t.fields.unanswered,
    t.reviewOutcomes.approved,
    t.checklist.every_statement_point_answered,
    t.outcomes[d.outcome],
    d.meetingDate,
    d.minutesSection,
    d.decisionText,
    d.followUpDate ?? '',
    d.signedBy,
    t.sections.impactMatrix,
    t.sections.statements,
  ].filter((text) => text.trim() !== '');
}

describe('the agenda PDF', () => {
  const assessment = fullPublicAssessment();

  it.each(LANGUAGES)('shows every field of a full assessment in %s, tagged, with its fonts embedded', async (language) => {
    const pdf = await renderAgendaPdf({
      assessment,
      language,
      draft: false,
      signature: { hash: 'a'.repeat(64), verifyUrl: 'https://lava.example/verify/abc' },
    });
    const reading = readPdf(pdf);
    const text = squash(reading.text);
    const missing = expectedTexts(assessment, language).filter((expected) => !text.includes(squash(expected)));
    expect(missing).toEqual([]);
    expect(text).toContain('a'.repeat(64));
    expect(text).toContain('https://lava.example/verify/abc');
    expect(text).not.toContain(AGENDA_TEXTS[language].draft);

    // Tagged: a structure tree, marked content, the language, headings and tables with header cells.
    expect(reading.info['Tagged']).toBe('yes');
    expect(reading.raw).toContain('/StructTreeRoot');
    expect(reading.raw).toContain(`/Lang (${AGENDA_TEXTS[language].lang})`);
    for (const tag of ['/H1', '/H2', '/H3', '/Table', '/TR', '/TH', '/TD', '/P']) expect(reading.raw).toContain(`/S ${tag}`);
    expect(reading.info['Title']).toContain(assessment.title);
    // Fonts: Noto Sans, embedded (subset), and nothing else.
    expect(reading.fonts.length).toBeGreaterThan(0);
    expect(reading.fonts.every((font) => font.embedded && font.name.includes('NotoSans'))).toBe(true);

    // Running header with the case number and stage, and "page n of N", on every page.
    const t = AGENDA_TEXTS[language];
    reading.pages.forEach((page, i) => {
      expect(squash(page)).toContain(`${assessment.caseNumber} · ${t.stages.decided}`);
      expect(squash(page)).toContain(t.page(i + 1, reading.pages.length));
    });
  });

  it('says DRAFT on every page before the decision', async () => {
    const draft = { ...fullPublicAssessment(6), stage: 'review' as const, decision: null };
    const reading = readPdf(await renderAgendaPdf({ assessment: draft, language: 'sv', draft: true, signature: null }));
    expect(reading.pages.length).toBeGreaterThan(2);
    for (const page of reading.pages) expect(page).toContain('UTKAST');
    expect(squash(reading.text)).toContain(AGENDA_TEXTS.sv.fields.noDecision);
  });

  it('prints a screened-out matter without the full record', async () => {
    const screenedOut: PublicAssessment = {
      ...fullPublicAssessment(),
      stage: 'closed',
      screening: { ...fullPublicAssessment().screening, affectsChildren: false, rationale: 'Asia koskee vain aikuisten palveluja.' },
      statements: [],
      review: null,
      decision: null,
    };
    const text = squash(readPdf(await renderAgendaPdf({ assessment: screenedOut, language: 'fi', draft: false, signature: null })).text);
    expect(text).toContain('Asia koskee vain aikuisten palveluja.');
    expect(text).not.toContain(AGENDA_TEXTS.fi.sections.impactMatrix);
  });
});
