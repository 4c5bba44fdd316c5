import type { EntityManager } from 'typeorm';
import { Assessment } from '../assessments/assessment.entity';
import { User } from '../users/user.entity';

const DRAFT = 'Kouluverkkoselvitys 2027–2030';
const CONSULTED = 'Hovinsaaren nuorisotalon aukioloajat';
const HOUR = 3_600_000;

interface DemoComment {
  by: string;
  text: string;
  hoursAgo: number;
  mentions?: string[];
}

/**
 * Comments on the demo drafts: colleagues discussing Kotka's school network draft (one thread on a
 * quoted passage, one resolved), and on the youth-centre consultation a question from Kotka's youth
 * council answered by the official, plus the council's own drafting thread on its statement.
 */
export async function seedCommentsDemo(tx: EntityManager): Promise<void> {
  const user = async (email: string) => (await tx.getRepository(User).findOneBy({ email }))?.id ?? null;
  const ids = new Map<string, string>();
  for (const email of [
    'official@kotka.example',
    'reviewer@kotka.example',
    'chair@kotka.example',
    'youth@kotka.example',
    'youth2@kotka.example',
  ]) {
    const id = await user(email);
    if (id) ids.set(email, id);
  }
  const now = Date.now();

  const thread = async (
    assessment: Assessment,
    section: string,
    audience: 'staff' | 'consultation' | 'council',
    councilId: string | null,
    comments: DemoComment[],
    options: { resolvedBy?: string; quote?: { field: string; text: string; start: number } } = {},
  ) => {
    const first = comments[0];
    const creator = first ? ids.get(first.by) : undefined;
    if (!first || !creator) return;
    const [row]: { id: string }[] = await tx.query(
      `INSERT INTO comment_threads (assessment_id, section, audience, council_id, quote_field, quote_text, quote_start, quote_end,
                                    anchored_version, created_by_id, created_at, resolved_at, resolved_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        assessment.id,
        section,
        audience,
        councilId,
        options.quote?.field ?? null,
        options.quote?.text ?? null,
        options.quote?.start ?? null,
        options.quote ? options.quote.start + options.quote.text.length : null,
        assessment.version,
        creator,
        new Date(now - first.hoursAgo * HOUR),
        options.resolvedBy ? new Date(now - HOUR) : null,
        options.resolvedBy ? (ids.get(options.resolvedBy) ?? null) : null,
      ],
    );
    for (const c of comments) {
      const author = ids.get(c.by);
      if (!author || !row) continue;
      const writesForCouncil = audience !== 'staff' && c.by.startsWith('youth');
      const [comment]: { id: string }[] = await tx.query(
        `INSERT INTO comments (thread_id, author_id, council_id, body, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [row.id, author, writesForCouncil ? councilId : null, c.text, new Date(now - c.hoursAgo * HOUR)],
      );
      for (const mentioned of c.mentions ?? []) {
        const mentionedId = ids.get(mentioned);
        if (mentionedId && comment)
          await tx.query(`INSERT INTO comment_mentions (comment_id, user_id) VALUES ($1, $2)`, [comment.id, mentionedId]);
      }
    }
  };

  const draft = await tx.getRepository(Assessment).findOneBy({ title: DRAFT });
  if (draft) {
    const rationale = draft.screeningRationale;
    const passage = 'noin 240 oppilaan koulumatkaan';
    const start = rationale.indexOf(passage);
    await thread(
      draft,
      'screening',
      'staff',
      null,
      [
        {
          by: 'reviewer@kotka.example',
          text: 'Mistä luku 240 on peräisin? Lisätään lähde ja päivämäärä näyttöosioon.',
          hoursAgo: 50,
          mentions: ['official@kotka.example'],
        },
        { by: 'official@kotka.example', text: 'Luku on sivistystoimen oppilasrekisteristä syyskuulta 2026. Lisään sen.', hoursAgo: 47 },
      ],
      start >= 0 ? { quote: { field: 'screening.rationale', text: passage, start } } : {},
    );
    await thread(draft, 'scope', 'staff', null, [
      {
        by: 'official@kotka.example',
        text: 'Pitäisikö rajaukseen ottaa mukaan myös esiopetuksen lapset? @Mikko Korhonen mitä mieltä olet?',
        hoursAgo: 30,
        mentions: ['reviewer@kotka.example'],
      },
      { by: 'reviewer@kotka.example', text: 'Kyllä: muutos koskee myös esikoululaisten kuljetuksia.', hoursAgo: 26 },
    ]);
    await thread(
      draft,
      'alternatives',
      'staff',
      null,
      [
        { by: 'chair@kotka.example', text: 'Lautakunta haluaa nähdä myös vaihtoehdon, jossa kouluja ei yhdistetä.', hoursAgo: 72 },
        { by: 'official@kotka.example', text: 'Lisätty vaihtoehdoksi "ei muutosta".', hoursAgo: 70 },
      ],
      { resolvedBy: 'official@kotka.example' },
    );
  }

  const consulted = await tx.getRepository(Assessment).findOneBy({ title: CONSULTED });
  if (consulted) {
    const [council]: { id: string }[] = await tx.query(`SELECT id FROM organizations WHERE kind = 'youth_council' AND parent_id = $1`, [
      consulted.municipalityId,
    ]);
    if (!council) return;
    await thread(consulted, 'plainLanguageSummary', 'consultation', council.id, [
      { by: 'youth@kotka.example', text: 'Mitä "vähemmän iltoja" tarkoittaa? Montako iltaa viikossa talo olisi auki?', hoursAgo: 40 },
      {
        by: 'official@kotka.example',
        text: 'Hyvä kysymys! Vaihtoehdoissa talo olisi auki kolme tai neljä iltaa. Tarkennan tiivistelmää.',
        hoursAgo: 20,
      },
    ]);
    await thread(consulted, 'statement', 'council', council.id, [
      { by: 'youth2@kotka.example', text: 'Kirjoitetaanko lausuntoon myös, että bussit kulkevat harvoin iltaisin?', hoursAgo: 18 },
      { by: 'youth@kotka.example', text: 'Joo, lisätään se omaksi kohdaksi.', hoursAgo: 15 },
    ]);
  }
}
