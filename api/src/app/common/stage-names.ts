import type { Language } from '@lava/contracts';
import type { Stage } from '@lava/workflow';

/**
 * The stages' names in the server's documents (the agenda PDF, the dashboard's exported tables): the
 * web app's words (`web/public/i18n/<lang>.json`, "stages"), which stage-names.spec.ts keeps in step.
 */
export const STAGE_NAMES: Readonly<Record<Language, Readonly<Record<Stage, string>>>> = {
  fi: {
    screening: 'Esiarviointi',
    draft: 'Luonnos',
    consultation: 'Lausuntokierros',
    review: 'Tarkastus',
    decision: 'Päätöksenteko',
    decided: 'Päätetty',
    follow_up: 'Seuranta',
    closed: 'Suljettu',
  },
  sv: {
    screening: 'Förhandsbedömning',
    draft: 'Utkast',
    consultation: 'Remiss',
    review: 'Granskning',
    decision: 'Beslutsfattande',
    decided: 'Beslutad',
    follow_up: 'Uppföljning',
    closed: 'Avslutad',
  },
  en: {
    screening: 'Screening',
    draft: 'Draft',
    consultation: 'Consultation',
    review: 'Review',
    decision: 'Decision',
    decided: 'Decided',
    follow_up: 'Follow-up',
    closed: 'Closed',
  },
};
