import type { PublicAssessment } from '@lava/contracts';

const ALT_PROPOSAL = '11111111-1111-4111-8111-111111111111';
const ALT_NO_CHANGE = '22222222-2222-4222-8222-222222222222';

/**
 * A decided assessment with every field filled (Finnish and Swedish letters on purpose), for the
 * PDF's tests and bench. `size` repeats the lists, to make the largest record the limits allow.
 */
export function fullPublicAssessment(size = 1): PublicAssessment {
  const repeat = <T>(items: T[], n: number): T[] => Array.from({ length: n }, (_, i) => items[i % items.length] as T);
  return {
    id: '33333333-3333-4333-8333-333333333333',
    title: 'Kouluverkkoselvitys 2027–2030: Äijänsuon ja Öljysataman koulut',
    caseNumber: 'KOT/412/12.00.01/2026',
    stage: 'decided',
    municipality: { id: '44444444-4444-4444-8444-444444444444', name: 'Kotka' },
    committee: { id: '55555555-5555-4555-8555-555555555555', name: 'Sivistyslautakunta' },
    plannedMeetingDate: '2027-02-17',
    responsibleOfficial: 'Anna Virtanen',
    plainLanguageSummary: 'Kaupunki miettii, mihin kouluihin lapset menevät vuosina 2027–2030. Kysyimme teiltä, mikä on tärkeää.',
    screening: {
      affectsChildren: true,
      impactKind: 'both',
      ageGroups: ['7-12', '13-17'],
      rationale: 'Koulumatkat pitenevät osalla oppilaista; vaikutus on suora.',
      signedBy: 'Anna Virtanen',
      signedAt: '2026-11-02T10:15:00.000Z',
    },
    record: {
      scope: {
        childrenAffected: 'Noin 1 200 perusopetuksen oppilasta Karhulan ja Langinkosken alueilla.',
        vulnerableGroups: [
          { group: 'disabled_children', note: 'Erityisluokkien kuljetukset järjestetään erikseen.' },
          { group: 'rural_areas', note: 'Haja-asutusalueen koulumatka kasvaa 4 km.' },
        ],
      },
      legalBasis: {
        uncrcArticles: [2, 3, 6, 12, 28],
        nationalLaw: 'Perusopetuslaki 32 § (koulumatkat)',
        welfarePlan: 'Kotkan hyvinvointisuunnitelma 2025–2028, tavoite 3.',
      },
      alternatives: {
        items: [
          {
            id: ALT_PROPOSAL,
            title: 'Päätösehdotus',
            defaultName: null,
            description: 'Äijänsuon koulu yhdistetään Langinkosken kouluun syksyllä 2028.',
          },
          { id: ALT_NO_CHANGE, title: '', defaultName: 'no_change', description: 'Molemmat koulut jatkavat nykyisissä tiloissa.' },
        ],
      },
      evidence: {
        items: repeat(
          [
            {
              id: 'e1',
              source: 'Kouluterveyskysely 2025',
              url: 'https://thl.fi/kouluterveyskysely',
              date: '2025-05-31',
              finding: 'Koulumatkan turvattomaksi kokee 18 % 4.–5.-luokkalaisista.',
            },
            {
              id: 'e2',
              source: 'Oppilasennuste, Tilastokeskus',
              url: '',
              date: '2024–2030',
              finding: 'Oppilasmäärä laskee 9 % vuoteen 2030.',
            },
          ],
          2 * size,
        ).map((e, i) => ({ ...e, id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` })),
        gaps: 'Ei tietoa iltapäiväkerhojen kysynnästä uudella alueella.',
      },
      childrensViews: {
        methods: ['youth_council_statement', 'school_survey', 'workshop'],
        howGathered: 'Nuorisovaltuuston lausunto ja kysely 4.–9.-luokkalaisille (412 vastausta).',
        whatTheySaid: 'Oppilaat toivovat turvallisia pyöräteitä ja että kaverit pysyvät samassa koulussa.',
        notHeardReason: '',
      },
      impactMatrix: {
        rows: repeat(
          [
            {
              articles: [3, 28],
              groups: ['all'],
              wellbeing: [],
              direction: 'positive',
              directness: 'direct',
              term: 'long',
              note: 'Uudet tilat ja laajempi kurssitarjonta.',
            },
            {
              articles: [12],
              groups: ['13-17'],
              wellbeing: [],
              direction: 'neutral',
              directness: 'indirect',
              term: 'short',
              note: 'Nuoria kuultiin lausunnolla.',
            },
            {
              articles: [28],
              groups: ['rural_areas'],
              wellbeing: [],
              direction: 'negative',
              directness: 'direct',
              term: 'long',
              note: 'Koulumatka pitenee; kuljetus järjestetään.',
            },
            {
              articles: [2],
              groups: ['Ruotsinkieliset oppilaat'],
              wellbeing: [],
              direction: 'unknown',
              directness: 'direct',
              term: 'short',
              note: 'Svenskspråkiga elever: påverkan utreds.',
            },
          ] as const,
          4 * size,
        ).map((row, i) => ({
          ...row,
          articles: [...row.articles],
          groups: [...row.groups],
          wellbeing: [],
          id: `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          alternativeId: i % 4 === 3 ? ALT_NO_CHANGE : ALT_PROPOSAL,
        })),
      },
      mitigation: { text: 'Koulukuljetus kaikille yli 3 km:n matkalla; saattajat ensimmäiselle kuukaudelle.' },
      changesMade: { text: 'Aloitus siirrettiin vuodella nuorisovaltuuston lausunnon vuoksi.' },
      recommendation: {
        text: 'Suositellaan päätösehdotusta lievennyskeinoin.',
        bestInterests: 'Lapsen etu toteutuu, kun opetus on laadukasta ja koulumatka turvallinen.',
      },
      communication: { text: 'Tuloksesta kerrotaan kouluilla ja Wilmassa selkokielisellä tiedotteella.' },
      followUp: {
        indicators: [
          { id: 'f1', indicator: 'Koulumatkan turvallisuus (kouluterveyskysely)', owner: 'Opetustoimen johtaja', dueDate: '2029-06-30' },
          { id: 'f2', indicator: 'Koulukuljetusten määrä', owner: '', dueDate: null },
        ],
      },
    },
    statements: [
      {
        council: { id: '66666666-6666-4666-8666-666666666666', name: 'Kotkan nuorisovaltuusto' },
        round: 1,
        adoptedAt: '2026-12-01',
        submittedAt: '2026-12-02T09:00:00.000Z',
        points: repeat(
          [
            {
              text: 'Pyörätie Langinkoskelle on rakennettava ennen muuttoa.',
              disposition: 'accepted',
              dispositionReason: 'Pyörätie on budjetissa 2027.',
            },
            {
              text: 'Luokat pidetään yhdessä.',
              disposition: 'partly_accepted',
              dispositionReason: 'Luokat pidetään yhdessä, kun mahdollista.',
            },
            { text: 'Välituntipiha suunnitellaan yhdessä oppilaiden kanssa.', disposition: null, dispositionReason: '' },
          ] as const,
          3 * size,
        ).map((p, i) => ({ ...p, position: i + 1 })),
      },
    ],
    review: {
      round: 1,
      outcome: 'approved',
      endedAt: '2026-12-20T12:00:00.000Z',
      itemsDone: [
        'childrens_views_gathered',
        'vulnerable_groups_covered',
        'evidence_gaps_stated',
        'plain_language_summary_clear',
        'every_statement_point_answered',
      ],
    },
    decision: {
      outcome: 'approved_as_modified',
      meetingDate: '2027-02-17',
      minutesSection: '§ 42',
      decisionText: 'Lautakunta hyväksyi ehdotuksen sillä muutoksella, että kuljetusraja on 2,5 km.',
      followUpDate: '2029-08-31',
      signedBy: 'Leena Mäkinen',
      signedAt: '2027-02-17T16:30:00.000Z',
    },
  };
}
