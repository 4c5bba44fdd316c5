import type { CouncilOffice, Role } from '@lava/contracts';
import type { Stage } from '@lava/workflow';

/** The one password of every demo account. Demo data is for trying the product, never for production. */
export const DEMO_PASSWORD = 'lava-demo-2026';

export interface DemoMunicipality {
  key: string;
  names: [fi: string, sv: string, en: string];
  /** Finnish genitive, for "Kotkan nuorisovaltuusto". */
  genitiveFi: string;
}

export const DEMO_REGION = { names: ['Kymenlaakso', 'Kymmenedalen', 'Kymenlaakso'] as const };
export const DEMO_WELLBEING_COUNTY = {
  names: ['Kymenlaakson hyvinvointialue', 'Välfärdsområdet Kymmenedalen', 'Kymenlaakso Wellbeing Services County'] as const,
};

export const DEMO_MUNICIPALITIES: DemoMunicipality[] = [
  { key: 'kouvola', names: ['Kouvola', 'Kouvola', 'Kouvola'], genitiveFi: 'Kouvolan' },
  { key: 'kotka', names: ['Kotka', 'Kotka', 'Kotka'], genitiveFi: 'Kotkan' },
  { key: 'hamina', names: ['Hamina', 'Fredrikshamn', 'Hamina'], genitiveFi: 'Haminan' },
  { key: 'pyhtaa', names: ['Pyhtää', 'Pyttis', 'Pyhtää'], genitiveFi: 'Pyhtään' },
  { key: 'virolahti', names: ['Virolahti', 'Vederlax', 'Virolahti'], genitiveFi: 'Virolahden' },
  { key: 'miehikkala', names: ['Miehikkälä', 'Miehikkälä', 'Miehikkälä'], genitiveFi: 'Miehikkälän' },
];

export const DEMO_COMMITTEES = [
  { key: 'education', names: ['Sivistyslautakunta', 'Bildningsnämnden', 'Education Committee'] },
  { key: 'technical', names: ['Tekninen lautakunta', 'Tekniska nämnden', 'Technical Committee'] },
] as const;

export interface DemoUser {
  email: string;
  displayName: string;
  language: 'fi' | 'sv' | 'en';
  role: Role;
  /** Where the membership sits: the region, a municipality, or its education committee / youth council. */
  at: { region: true } | { municipality: string; unit?: 'education' | 'youth_council' };
  /** A youth council member's office: the chair and the secretary record the council's adoptions. */
  councilOffice?: CouncilOffice;
}

/** One person per role in Kotka and Kouvola, a regional admin, Kotka's own admin and the region's LAPE coordinator. Youth members: first name only. */
export const DEMO_USERS: DemoUser[] = [
  { email: 'admin@kymenlaakso.example', displayName: 'Kaisa Järvinen', language: 'fi', role: 'admin', at: { region: true } },
  // A municipality's own admin, so the municipality-scoped admin pages can be tried (Kotka and its committees and council only).
  { email: 'admin@kotka.example', displayName: 'Tuula Salminen', language: 'fi', role: 'admin', at: { municipality: 'kotka' } },
  {
    // The LAPE coordinator: reads the region's assessments once out of draft, and the regional dashboard.
    email: 'coordinator@kymenlaakso.example',
    displayName: 'Riikka Salonen',
    language: 'fi',
    role: 'regional_coordinator',
    at: { region: true },
  },
  { email: 'official@kotka.example', displayName: 'Anna Virtanen', language: 'fi', role: 'official', at: { municipality: 'kotka' } },
  { email: 'reviewer@kotka.example', displayName: 'Mikko Korhonen', language: 'fi', role: 'reviewer', at: { municipality: 'kotka' } },
  {
    email: 'chair@kotka.example',
    displayName: 'Leena Mäkinen',
    language: 'fi',
    role: 'committee_chair',
    at: { municipality: 'kotka', unit: 'education' },
  },
  {
    email: 'youth@kotka.example',
    displayName: 'Aino',
    language: 'fi',
    role: 'youth_council_member',
    at: { municipality: 'kotka', unit: 'youth_council' },
    councilOffice: 'chair',
  },
  {
    // A second member, so two people can draft the council's statement together; a plain member, who cannot record the adoption.
    email: 'youth2@kotka.example',
    displayName: 'Onni',
    language: 'fi',
    role: 'youth_council_member',
    at: { municipality: 'kotka', unit: 'youth_council' },
  },
  { email: 'official@kouvola.example', displayName: 'Juha Nieminen', language: 'sv', role: 'official', at: { municipality: 'kouvola' } },
  { email: 'reviewer@kouvola.example', displayName: 'Sanna Lehtonen', language: 'fi', role: 'reviewer', at: { municipality: 'kouvola' } },
  {
    email: 'chair@kouvola.example',
    displayName: 'Pekka Heikkinen',
    language: 'fi',
    role: 'committee_chair',
    at: { municipality: 'kouvola', unit: 'education' },
  },
  {
    email: 'youth@kouvola.example',
    displayName: 'Eetu',
    language: 'en',
    role: 'youth_council_member',
    at: { municipality: 'kouvola', unit: 'youth_council' },
    councilOffice: 'secretary',
  },
];

export interface DemoAssessment {
  title: string;
  municipality: string;
  committee: 'education' | 'technical';
  official: string;
  stage: Stage;
  plannedMeetingDate: string;
  caseNumber: string;
}

export const DEMO_ASSESSMENTS: DemoAssessment[] = [
  {
    title: 'Kouluverkkoselvitys 2027–2030',
    municipality: 'kotka',
    committee: 'education',
    official: 'official@kotka.example',
    stage: 'draft',
    plannedMeetingDate: '2027-02-17',
    caseNumber: 'KOT/412/12.00.01/2026',
  },
  {
    title: 'Hovinsaaren nuorisotalon aukioloajat',
    municipality: 'kotka',
    committee: 'education',
    official: 'official@kotka.example',
    stage: 'consultation',
    plannedMeetingDate: '2027-01-20',
    caseNumber: 'KOT/388/12.06.00/2026',
  },
  {
    title: 'Puheterapiakokeilu varhaiskasvatuksessa',
    municipality: 'kouvola',
    committee: 'education',
    official: 'official@kouvola.example',
    stage: 'screening',
    plannedMeetingDate: '2027-03-10',
    caseNumber: 'KVL/95/12.01.00/2026',
  },
  {
    title: 'Kevyen liikenteen väylä Myllykoskelle',
    municipality: 'kouvola',
    committee: 'technical',
    official: 'official@kouvola.example',
    stage: 'draft',
    plannedMeetingDate: '2027-04-07',
    caseNumber: 'KVL/1203/10.03.00/2026',
  },
];
