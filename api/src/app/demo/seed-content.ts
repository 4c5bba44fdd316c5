import {
  DEFAULT_ALTERNATIVES,
  type AgeGroup,
  type DefaultAlternative,
  type ImpactDirection,
  type ImpactDirectness,
  type ImpactTerm,
  type ViewMethod,
  type VulnerableGroup,
} from '@lava/contracts';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Assessment } from '../assessments/assessment.entity';
import { withGeneralPrinciples } from '../assessments/record-content/record-content.service';
import {
  AssessmentAlternative,
  AssessmentEvidenceItem,
  AssessmentVulnerableGroup,
  FollowUpIndicatorEntity,
  ImpactMatrixRowEntity,
} from '../assessments/record-content/record-content.entities';

/** An impact: the alternative's index, its UNCRC articles and groups, the three judgements (null: not stated), a note, wellbeing indicators. */
type Row = [
  alternative: number,
  articles: number | number[],
  groups: string | string[],
  direction: ImpactDirection | null,
  directness: ImpactDirectness | null,
  term: ImpactTerm | null,
  note: string,
  wellbeing?: string[],
];

interface DemoContent {
  screening: { ageGroups: AgeGroup[]; rationale: string };
  summary?: string;
  childrenAffected: string;
  vulnerable: [VulnerableGroup | (string & {}), string][];
  articles: number[];
  nationalLaw: string;
  welfarePlan: string;
  /** A title of `DEFAULT_ALTERNATIVES` ('proposal', 'no_change') makes a default alternative named in the reader's language. */
  alternatives: [title: string, description: string][];
  evidence: [source: string, date: string | null, finding: string, url?: string][];
  gaps: string;
  methods: ViewMethod[];
  howGathered: string;
  whatTheySaid: string;
  matrix: Row[];
  mitigation: string;
  changesMade: string;
  recommendation: string;
  bestInterests: string;
  communication: string;
  indicators: [indicator: string, owner: string, due: string | null][];
  /** The municipality's wellbeing indicator set, when this demo shows one. */
  wellbeing?: 'shanarri';
}

/** Realistic content for the demo assessments past the screening, by title (see demo-data.ts). */
const CONTENT: Record<string, DemoContent> = {
  'Kouluverkkoselvitys 2027–2030': {
    wellbeing: 'shanarri',
    screening: {
      ageGroups: ['7-12', '13-17'],
      rationale:
        'Selvitys koskee kahden alakoulun yhdistämistä ja oppilaaksiottoalueiden muutosta. Muutos vaikuttaa suoraan noin 240 oppilaan koulumatkaan, kouluyhteisöön ja iltapäivätoimintaan.',
    },
    childrenAffected:
      'Karhulan ja Sunilan alakoulujen oppilaat (noin 240 lasta, 7–12-vuotiaat) sekä tulevat ekaluokkalaiset vuosina 2027–2030. Välillisesti yläkouluun siirtyvät 13-vuotiaat, joiden luokat kasvavat.',
    vulnerable: [
      [
        'disabled_children',
        'Sunilan koulussa on kaksi pienluokkaa; erityisen tuen oppilaiden kuljetukset ja tilat on suunniteltava erikseen.',
      ],
      [
        'low_income_families',
        'Sunilan alueella toimeentulotukea saavien perheiden osuus on kaupungin keskiarvoa suurempi; pidempi matka voi lisätä kustannuksia.',
      ],
      ['migrant_background', 'Noin 15 % oppilaista puhuu kotonaan muuta kuin suomea; S2-opetuksen jatkuvuus on varmistettava.'],
    ],
    articles: [2, 3, 6, 12, 23, 28, 29, 31],
    nationalLaw:
      'Perusopetuslaki (628/1998) 6 § (lähikoulu, koulumatkan pituus) ja 32 § (koulukuljetus); kuntalaki 26 § (nuorisovaltuusto).',
    welfarePlan:
      'Kotkan lasten ja nuorten hyvinvointisuunnitelma 2025–2028: tavoite 2 "Turvallinen ja lyhyt koulumatka" ja tavoite 4 "Jokaiselle kaveri".',
    alternatives: [
      [
        'Päätösehdotus: koulujen yhdistäminen Karhulan kouluun 2028',
        'Sunilan koulu lakkautetaan 1.8.2028; oppilaat siirtyvät peruskorjattuun Karhulan kouluun.',
      ],
      ['no_change', 'Molemmat koulut jatkavat; Sunilan koulun ilmanvaihto korjataan 2027.'],
      ['Porrastettu siirtymä', 'Vuosiluokat 1–2 jatkavat Sunilassa lähikouluna, 3–6 siirtyvät Karhulaan.'],
    ],
    evidence: [
      [
        'Kouluterveyskysely 2025, THL (Kotka, 4.–5. lk)',
        '2025',
        '82 % kokee koulumatkan turvalliseksi; Sunilan oppilaista 71 %.',
        'https://thl.fi/tutkimus-ja-kehittaminen/tutkimukset-ja-hankkeet/kouluterveyskysely',
      ],
      ['Lasten ja nuorten hyvinvointikertomus, Kotka', '2021–2024', 'Harrastamattomien osuus kasvoi 2021–2024 Sunilan alueella.'],
      ['Oppilasmääräennuste, Kotkan kaupunki', '2026-03-01', 'Sunilan koulun oppilasmäärä laskee 160:sta 118:aan vuoteen 2030 mennessä.'],
      [
        'Koulukuljetusselvitys, tekninen toimi',
        '2026-06-10',
        'Pisin koulumatka pitenee 2,1 km:stä 4,8 km:iin; kuljetusoikeus 31 uudelle oppilaalle.',
      ],
    ],
    gaps: 'Iltapäivätoiminnan paikoista ja harrastusten kulkuyhteyksistä ei ole ajantasaista tietoa. Pienluokkien oppilaiden kokemuksia ei ole kysytty erikseen.',
    methods: ['youth_council_statement', 'school_survey', 'workshop'],
    howGathered:
      'Oppilaskunnille järjestettiin työpajat molemmissa kouluissa (lokakuu 2026), 4.–6.-luokkalaisille tehtiin lyhyt kysely (vastaajia 164) ja nuorisovaltuustolta pyydetään lausunto.',
    whatTheySaid:
      'Oppilaat pelkäävät kaverisuhteiden katkeamista ja pidempää bussimatkaa talvella. Moni toivoi, että kaverit voisivat siirtyä samalle luokalle ja että koulupihalle tulisi lisää tekemistä. Kyselyssä 58 % piti uutta koulua hyvänä asiana, jos matka on turvallinen.',
    matrix: [
      [
        0,
        [3, 6, 24, 28, 29],
        'all',
        'positive',
        'direct',
        'long',
        'Terveet ja esteettömät tilat, laajempi valinnaisaineiden tarjonta.',
        ['healthy', 'achieving'],
      ],
      [
        0,
        [12],
        ['all'],
        'positive',
        'direct',
        'short',
        'Oppilaat osallistuvat uuden koulun pihan suunnitteluun.',
        ['respected', 'included'],
      ],
      [
        0,
        [2, 28, 31],
        ['7-12', 'low_income_families'],
        'negative',
        'direct',
        null,
        'Koulumatka pitenee Sunilan oppilailla; väsymys talvikuukausina ja iltapäiväkerhoon pääsy vaikeutuu ilman omaa kyytiä.',
        ['safe', 'active', 'included'],
      ],
      [
        0,
        [2, 23, 28],
        ['disabled_children'],
        'unknown',
        'direct',
        'long',
        'Pienluokkien tilat ja avustajat ratkaistava ennen siirtoa.',
        ['nurtured', 'achieving'],
      ],
      [1, [3, 6, 24], ['all'], 'negative', 'direct', 'long', 'Sisäilmaongelmat jatkuvat väliaikaiskorjauksesta huolimatta.', ['healthy']],
      [1, [2, 12, 28], ['7-12'], 'neutral', null, null, 'Koulumatkat ja opetusryhmät pysyvät ennallaan.'],
      [2, [28], ['0-6', '7-12'], 'positive', 'direct', 'short', 'Pienimmät oppilaat käyvät lähikoulua.', ['safe']],
      [2, [6, 9], ['all'], 'unknown', 'indirect', null, 'Sisarukset voivat joutua eri kouluihin.', ['nurtured']],
    ],
    mitigation:
      'Koulukuljetus kaikille yli 3 km:n matkan kulkeville 1.–6.-luokkalaisille (laki edellyttää 5 km). Luokat muodostetaan niin, että jokaisella on vähintään kaksi tuttua luokkakaveria. Iltapäivätoiminnalle järjestetään kuljetus Sunilan nuorisotilaan.',
    changesMade:
      'Työpajojen jälkeen kuljetusoikeuden raja laskettiin 5 km:stä 3 km:iin ja luokkien muodostamiseen lisättiin kaverilupaus. Porrastettu siirtymä lisättiin vaihtoehdoksi oppilaskunnan ehdotuksesta.',
    recommendation: 'Suositellaan päätösehdotusta lievennyskeinoin (kuljetus 3 km:stä, kaverilupaus, iltapäivätoiminnan kuljetus).',
    bestInterests:
      'Terveet tilat ja laadukas opetus painavat pitkällä aikavälillä enemmän kuin pidempi koulumatka, kun matkan haitat lievennetään kuljetuksella ja kaverisuhteet turvataan.',
    communication:
      'Päätöksestä kerrotaan oppilaille luokissa selkokielisellä tiedotteella ja kuvilla uudesta koulusta. Nuorisovaltuusto saa lausunnostaan palautteen kohta kohdalta. Vanhemmille Wilma-viesti.',
    indicators: [
      ['Koulumatkan kokeminen turvalliseksi (kouluterveyskysely, 4.–5. lk)', 'Opetustoimen tietoasiantuntija', '2029-10-31'],
      ['Iltapäivätoimintaan osallistuvien osuus 1.–2.-luokkalaisista', 'Iltapäivätoiminnan koordinaattori', '2029-05-31'],
      ['Pienluokkien oppilaiden ja huoltajien kokemus siirrosta (haastattelut)', 'Erityisopetuksen koordinaattori', '2029-03-31'],
    ],
  },
  'Hovinsaaren nuorisotalon aukioloajat': {
    screening: {
      ageGroups: ['13-17', '18-20'],
      rationale: 'Aukioloaikojen supistus vähentää nuorten maksutonta, valvottua vapaa-ajan paikkaa Hovinsaaressa.',
    },
    summary:
      'Kaupunki miettii, onko Hovinsaaren nuorisotalo auki vähemmän iltoja. Haluamme kuulla, mitä mieltä te olette. Päätös tehdään tammikuussa.',
    childrenAffected: 'Hovinsaaren ja Karhulan 13–20-vuotiaat; nuorisotalolla käy viikoittain noin 120 nuorta.',
    vulnerable: [
      ['low_income_families', 'Nuorisotalo on monelle ainoa maksuton harrastuspaikka.'],
      ['minority_languages', 'Venäjän- ja arabiankieliset nuoret käyttävät taloa kohtaamispaikkana.'],
    ],
    articles: [2, 3, 6, 12, 15, 31],
    nationalLaw: 'Nuorisolaki (1285/2016) 8 § (nuorisotyö ja -toiminta) ja 24 § (nuorten osallisuus).',
    welfarePlan: 'Hyvinvointisuunnitelman tavoite 3: "Jokaisella nuorella on turvallinen paikka vapaa-ajalla".',
    alternatives: [
      ['Päätösehdotus: auki ti–to', 'Maanantai- ja perjantai-illat jäävät pois; säästö 38 000 € vuodessa.'],
      ['no_change', 'Auki ma–pe klo 14–21.'],
    ],
    evidence: [['Nuorisopalveluiden kävijätilasto 2025', '2026-01-15', 'Perjantai on vilkkain ilta (keskimäärin 46 kävijää).']],
    gaps: 'Ei tietoa, minne nuoret menevät, kun talo on kiinni.',
    methods: ['youth_council_statement'],
    howGathered: 'Nuorisovaltuustolta on pyydetty lausunto; lisäksi nuoret voivat kommentoida luonnosta.',
    whatTheySaid: '',
    matrix: [
      [0, 31, '13-17', 'negative', 'direct', 'short', 'Vilkkain ilta (perjantai) poistuu.'],
      [0, 19, '13-17', 'unknown', 'indirect', 'short', 'Valvomaton oleskelu keskustassa voi lisääntyä.'],
    ],
    mitigation: 'Selvitetään perjantain säilyttämistä ja maanantain poistamista.',
    changesMade: '',
    recommendation: '',
    bestInterests: '',
    communication: 'Nuorisotalon ohjaajat kertovat päätöksestä nuorille ja nuorisovaltuusto somessa.',
    indicators: [['Kävijämäärä viikossa', 'Nuorisopalveluiden päällikkö', '2027-12-31']],
  },
  'Kevyen liikenteen väylä Myllykoskelle': {
    screening: {
      ageGroups: ['7-12', '13-17'],
      rationale: 'Väylä muuttaa koululaisten pyöräily- ja kävelyreittiä Myllykosken kouluun ja liikuntapuistoon.',
    },
    childrenAffected:
      'Myllykosken koulun 350 oppilasta ja liikuntapuiston käyttäjät, erityisesti Ummeljoen suunnasta pyöräilevät 10–15-vuotiaat.',
    vulnerable: [
      ['rural_areas', 'Haja-asutusalueelta ei nyt ole turvallista pyörätietä; lapset kuljetetaan autolla tai taksilla.'],
      [
        'Harrastajat, jotka pyöräilevät liikuntapuistoon iltaisin',
        'Pimeä metsäosuus koskee erityisesti talven iltaharjoituksiin kulkevia.',
      ],
    ],
    articles: [2, 3, 6, 12, 24, 31],
    nationalLaw: 'Maankäyttö- ja rakennuslaki; liikenneturvallisuussuunnitelma; perusopetuslaki 32 § (vaarallinen koulumatka).',
    welfarePlan: 'Kouvolan hyvinvointisuunnitelma: arkiliikunnan lisääminen ja turvalliset koulureitit.',
    alternatives: [
      ['Päätösehdotus: väylä Kuusankoskentien varteen 2028', 'Valaistu 2,4 km:n väylä, kaksi alikulkua.'],
      ['no_change', 'Pientareella kulkeminen jatkuu; koulukuljetukset ennallaan.'],
    ],
    evidence: [
      ['Liikenneturvallisuuskartoitus, Kouvolan kaupunki', '2025-11-20', 'Kaksi lievää pyöräilijäonnettomuutta tieosuudella 2020–2025.'],
      ['Kouluterveyskysely 2025, THL (Kouvola, 8.–9. lk)', '2025-09-15', '41 % liikkuu suositusten mukaan; koulumatkaliikunta vähentynyt.'],
    ],
    gaps: 'Ei tietoa, kuinka moni aloittaisi pyöräilyn, jos väylä valmistuu.',
    methods: ['school_survey'],
    howGathered: 'Myllykosken koulun 5.–9.-luokkalaisille tehtiin karttakysely reiteistä (vastaajia 212).',
    whatTheySaid:
      'Oppilaat merkitsivät vaarallisimmiksi kohdiksi Kuusankoskentien risteyksen ja pimeän metsäosuuden. Moni pyöräilisi, jos tie olisi valaistu.',
    matrix: [
      [0, 24, 'all', 'positive', 'direct', 'long', 'Turvallinen reitti lisää arkiliikuntaa.'],
      [0, 6, 'rural_areas', 'positive', 'direct', 'long', 'Liikenneturvallisuus paranee.'],
      [1, 6, 'rural_areas', 'negative', 'direct', 'long', 'Vaarallinen piennar jää käyttöön.'],
    ],
    mitigation: 'Rakennusaikana koulureitille järjestetään valvottu kiertotie ja tiedotus kouluun.',
    changesMade: 'Karttakyselyn perusteella risteykseen lisättiin alikulku.',
    recommendation: '',
    bestInterests: '',
    communication: 'Oppilaille kerrotaan uudesta reitistä koulun aamunavauksessa ja karttana koulun seinällä.',
    indicators: [['Pyöräillen tai kävellen kouluun tulevien osuus (laskenta)', 'Liikenneinsinööri', '2029-09-30']],
  },
};

/** Fills the record of the demo assessments past the screening (called from seed-demo-data.ts in its transaction). */
export async function seedRecordContent(tx: EntityManager): Promise<void> {
  for (const [title, c] of Object.entries(CONTENT)) {
    const assessment = await tx.getRepository(Assessment).findOneBy({ title });
    if (!assessment || assessment.stage === 'screening') continue;
    await tx.getRepository(Assessment).update(
      { id: assessment.id },
      {
        screeningAffectsChildren: true,
        screeningImpactKind: 'direct',
        screeningAgeGroups: c.screening.ageGroups,
        screeningRationale: c.screening.rationale,
        screeningSignedById: assessment.responsibleOfficialId,
        screeningSignedAt: new Date(Date.now() - 21 * 86_400_000),
        ...(c.summary ? { plainLanguageSummary: c.summary } : {}),
        scopeChildrenAffected: c.childrenAffected,
        legalUncrcArticles: c.articles,
        legalNationalLaw: c.nationalLaw,
        legalWelfarePlan: c.welfarePlan,
        evidenceGaps: c.gaps,
        viewsMethods: c.methods,
        viewsHowGathered: c.howGathered,
        viewsWhatTheySaid: c.whatTheySaid,
        mitigation: c.mitigation,
        changesMade: c.changesMade,
        recommendation: c.recommendation,
        bestInterests: c.bestInterests,
        communication: c.communication,
      },
    );
    const assessmentId = assessment.id;
    if (c.wellbeing) {
      // The municipality scores its assessments' impacts on SHANARRI's wellbeing indicators.
      await tx.query(`UPDATE organizations SET wellbeing_framework = $2 WHERE id = $1`, [assessment.municipalityId, c.wellbeing]);
    }
    await tx.getRepository(AssessmentVulnerableGroup).insert(c.vulnerable.map(([groupKey, note]) => ({ assessmentId, groupKey, note })));
    const alternatives = c.alternatives.map(([title, description]) => {
      const defaultName = (DEFAULT_ALTERNATIVES as readonly string[]).includes(title) ? (title as DefaultAlternative) : null;
      return { id: randomUUID(), title: defaultName ? '' : title, description, defaultName };
    });
    await tx.getRepository(AssessmentAlternative).insert(alternatives.map((a, position) => ({ ...a, assessmentId, position })));
    const given = c.matrix.map(([alternative, articles, groups, direction, directness, term, note, wellbeing]) => ({
      id: randomUUID(),
      alternativeId: alternatives[alternative].id,
      articles: Array.isArray(articles) ? articles : [articles],
      groups: Array.isArray(groups) ? groups : [groups],
      wellbeing: wellbeing ?? [],
      direction,
      directness,
      term,
      note,
    }));
    // The impacts specific to the matter, then one (nothing stated) for each general principle they leave out.
    const rows = alternatives.flatMap((a) =>
      withGeneralPrinciples(
        [a],
        given.filter((r) => r.alternativeId === a.id),
      ),
    );
    await tx.getRepository(ImpactMatrixRowEntity).insert(rows.map((r, position) => ({ ...r, assessmentId, position })));
    await tx.getRepository(AssessmentEvidenceItem).insert(
      c.evidence.map(([source, date, finding, url], position) => ({
        id: randomUUID(),
        assessmentId,
        position,
        source,
        url: url ?? '',
        date,
        finding,
      })),
    );
    await tx.getRepository(FollowUpIndicatorEntity).insert(
      c.indicators.map(([indicator, owner, dueDate], position) => ({
        id: randomUUID(),
        assessmentId,
        position,
        indicator,
        owner,
        dueDate,
      })),
    );
  }
}
