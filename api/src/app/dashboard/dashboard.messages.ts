import type { MessageTranslation } from '../common/messages/message-translation';

/** The dashboard's API messages in Finnish and Swedish (see app/api-messages.ts). */
export const DASHBOARD_MESSAGES: readonly MessageTranslation[] = [
  { en: 'must be a year from 2000 to 2100', fi: 'pitää olla vuosi väliltä 2000–2100', sv: 'måste vara ett år mellan 2000 och 2100' },
  {
    en: 'The dashboard is for officials, administrators and regional coordinators.',
    fi: 'Koontinäkymä on valmistelijoille, pääkäyttäjille ja LAPE-koordinaattoreille.',
    sv: 'Översikten är för beredare, administratörer och LAPE-koordinatorer.',
  },
  {
    en: 'No municipality or wellbeing services county has this id.',
    fi: 'Tällä tunnisteella ei ole kuntaa eikä hyvinvointialuetta.',
    sv: 'Det finns ingen kommun eller välfärdsområde med detta id.',
  },
  {
    en: 'No committee has this id.',
    fi: 'Tällä tunnisteella ei ole lautakuntaa.',
    sv: 'Det finns ingen nämnd med detta id.',
  },
  {
    en: 'This organization is outside what your dashboard covers.',
    fi: 'Tämä organisaatio ei kuulu koontinäkymäsi piiriin.',
    sv: 'Den här organisationen ingår inte i din översikt.',
  },
  {
    en: 'This committee is outside what your dashboard covers.',
    fi: 'Tämä lautakunta ei kuulu koontinäkymäsi piiriin.',
    sv: 'Den här nämnden ingår inte i din översikt.',
  },
  {
    en: 'No such table: choose one of {values}.',
    fi: 'Taulukkoa ei ole: valitse jokin näistä: {values}.',
    sv: 'Tabellen finns inte: välj en av följande: {values}.',
  },
];
