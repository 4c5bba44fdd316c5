import type { SurveyViewsEntry } from '@lava/contracts';
import { renderAgendaPdf } from '../../worker/pdf/agenda-pdf';
import { fullPublicAssessment } from '../../worker/pdf/agenda-pdf.fixture';
import { readPdf, squash } from '../../worker/pdf/pdf-tools';
import { SURVEY_VIEWS_LABEL } from './survey-results';

const ENTRY: SurveyViewsEntry = {
  surveyId: 's1',
  method: 'survey',
  title: { fi: 'Koulumatka', sv: 'Skolvägen', en: '' },
  languages: ['fi', 'sv'],
  respondents: 312,
  opensAt: '2027-01-10T06:00:00.000Z',
  closesAt: '2027-01-24T20:00:00.000Z',
  summary: { fi: 'Kysely: 312 vastaajaa. Kävellen 120', sv: 'Enkät: 312 svarande. Till fots 120', en: '' },
  addedAt: '2027-01-25T08:00:00.000Z',
};

describe('survey summaries in the agenda PDF', () => {
  it('prints each summary in the children’s views, in the document’s language or the survey’s first', async () => {
    const assessment = { ...fullPublicAssessment(), surveyViews: [ENTRY] };
    const sv = squash(readPdf(await renderAgendaPdf({ assessment, language: 'sv', draft: true, signature: null })).text);
    expect(sv).toContain(squash(`${SURVEY_VIEWS_LABEL.sv}: Skolvägen`));
    expect(sv).toContain(squash(ENTRY.summary.sv));
    const en = squash(readPdf(await renderAgendaPdf({ assessment, language: 'en', draft: true, signature: null })).text);
    expect(en).toContain(squash(`${SURVEY_VIEWS_LABEL.fi}: Koulumatka`));
    expect(en).toContain(squash(ENTRY.summary.fi));
  });
});
