import type { Language } from '@lava/contracts';

/** What an event in a person's calendar feed is about. */
export type CalendarEventKind =
  /** A youth council member: their council's statement is due. */
  | 'statement_due'
  /** The responsible official: a council's statement on their assessment is due. */
  | 'consultation_deadline'
  /** The committee meeting an assessment is planned for, as the responsible official, a reviewer or the committee's chair sees it. */
  | 'meeting_official'
  | 'meeting_reviewer'
  | 'meeting_chair'
  /** A meeting where the committee recorded a decision on the assessment. */
  | 'decision_meeting'
  /** The follow-up date set at the decision, and the due dates of the follow-up indicators (the responsible official). */
  | 'follow_up'
  | 'indicator_due';

interface CalendarTexts {
  calendarName: string;
  calendarDescription: string;
  summary: Record<CalendarEventKind, (p: { title: string; council?: string; indicator?: string }) => string>;
  open: string;
}

/**
 * The feed's words in the person's own language (their profile's). Youth members read plain language,
 * as on their own pages; staff read the official terms.
 */
export const CALENDAR_TEXTS: Record<Language, CalendarTexts> = {
  fi: {
    calendarName: 'Lava – omat määräaikani',
    calendarDescription: 'Lapsivaikutusten arvioinnit: omat määräaikasi, kokouksesi ja seurantapäiväsi.',
    summary: {
      statement_due: (p) => `Lausunto valmiiksi: ${p.title}`,
      consultation_deadline: (p) => `Lausunnon määräaika (${p.council}): ${p.title}`,
      meeting_official: (p) => `Lautakunnan kokous: ${p.title}`,
      meeting_reviewer: (p) => `Tarkastus valmiiksi ennen lautakunnan kokousta: ${p.title}`,
      meeting_chair: (p) => `Lautakunnan kokous, päätettävänä: ${p.title}`,
      decision_meeting: (p) => `Lautakunta päätti: ${p.title}`,
      follow_up: (p) => `Jälkiarviointi: ${p.title}`,
      indicator_due: (p) => `Seurantamittari (${p.indicator}): ${p.title}`,
    },
    open: 'Avaa Lavassa',
  },
  sv: {
    calendarName: 'Lava – mina tidsfrister',
    calendarDescription: 'Bedömningar av konsekvenser för barn: dina tidsfrister, möten och uppföljningsdatum.',
    summary: {
      statement_due: (p) => `Utlåtandet ska vara klart: ${p.title}`,
      consultation_deadline: (p) => `Tidsfrist för utlåtande (${p.council}): ${p.title}`,
      meeting_official: (p) => `Nämndens möte: ${p.title}`,
      meeting_reviewer: (p) => `Granskningen klar före nämndens möte: ${p.title}`,
      meeting_chair: (p) => `Nämndens möte, för beslut: ${p.title}`,
      decision_meeting: (p) => `Nämnden beslutade: ${p.title}`,
      follow_up: (p) => `Uppföljning: ${p.title}`,
      indicator_due: (p) => `Uppföljningsindikator (${p.indicator}): ${p.title}`,
    },
    open: 'Öppna i Lava',
  },
  en: {
    calendarName: 'Lava – my deadlines',
    calendarDescription: 'Child impact assessments: your deadlines, meetings and follow-up dates.',
    summary: {
      statement_due: (p) => `Statement due: ${p.title}`,
      consultation_deadline: (p) => `Statement deadline (${p.council}): ${p.title}`,
      meeting_official: (p) => `Committee meeting: ${p.title}`,
      meeting_reviewer: (p) => `Review due before the committee meeting: ${p.title}`,
      meeting_chair: (p) => `Committee meeting, for decision: ${p.title}`,
      decision_meeting: (p) => `Committee decided: ${p.title}`,
      follow_up: (p) => `Follow-up due: ${p.title}`,
      indicator_due: (p) => `Follow-up indicator (${p.indicator}): ${p.title}`,
    },
    open: 'Open in Lava',
  },
};
