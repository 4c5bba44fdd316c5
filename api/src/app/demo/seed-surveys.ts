import type { EntityManager } from 'typeorm';
import { insertScheduledEvents } from '../queue/scheduled-events.queue';

const DRAFT = 'Kouluverkkoselvitys 2027–2030';
const DAY = 24 * 3_600_000;
const t = (fi: string, sv: string) => ({ fi, sv, en: '' });

/**
 * A children's survey on Kotka's school network draft (issue 14): open for two weeks, fi and sv, class
 * codes for two classes, and 37 answers from 5A and 6B with a few free texts waiting for moderation,
 * so the results page has figures (and suppressed cells) to show. The summary is not yet in the record.
 */
export async function seedSurveysDemo(tx: EntityManager): Promise<void> {
  const [assessment]: { id: string; responsible_official_id: string }[] = await tx.query(
    `SELECT id, responsible_official_id FROM assessments WHERE title = $1`,
    [DRAFT],
  );
  if (!assessment) return;
  const questions = [
    { id: 'way', kind: 'smiley', faces: 5, text: t('Miltä koulumatkasi tuntuu?', 'Hur känns din skolväg?'), options: [] },
    {
      id: 'how',
      kind: 'single',
      faces: null,
      text: t('Miten kuljet kouluun?', 'Hur tar du dig till skolan?'),
      options: [
        { id: 'walk', label: t('Kävellen', 'Till fots'), emoji: '🚶' },
        { id: 'bike', label: t('Pyörällä', 'Med cykel'), emoji: '🚲' },
        { id: 'bus', label: t('Bussilla', 'Med buss'), emoji: '🚌' },
        { id: 'car', label: t('Autolla', 'Med bil'), emoji: '🚗' },
      ],
    },
    {
      id: 'matters',
      kind: 'multiple',
      faces: null,
      text: t('Mikä koulussa on sinulle tärkeää?', 'Vad är viktigt för dig i skolan?'),
      options: [
        { id: 'friends', label: t('Kaverit', 'Kompisar'), emoji: '🧑‍🤝‍🧑' },
        { id: 'near', label: t('Lyhyt matka', 'Kort väg'), emoji: '📍' },
        { id: 'yard', label: t('Iso piha', 'Stor skolgård'), emoji: '⚽' },
      ],
    },
    {
      id: 'say',
      kind: 'text',
      faces: null,
      text: t('Mitä haluat sanoa päättäjille?', 'Vad vill du säga till beslutsfattarna?'),
      options: [],
    },
    { id: 'age', kind: 'age_band', faces: null, text: t('', ''), options: [] },
  ];
  const opens = new Date(Date.now() - 3 * DAY);
  const closes = new Date(Date.now() + 11 * DAY);
  const [survey]: { id: string }[] = await tx.query(
    `INSERT INTO surveys (assessment_id, created_by_id, languages, title, intro, questions, class_codes, opens_at, closes_at)
     VALUES ($1, $2, '{fi,sv}', $3, $4, $5, '{5A,6B}', $6, $7) RETURNING id`,
    [
      assessment.id,
      assessment.responsible_official_id,
      t('Millainen on sinun koulumatkasi?', 'Hurdan är din skolväg?'),
      t(
        'Kaupunki miettii, missä kouluissa oppilaat opiskelevat vuosina 2027–2030. Kerro, mikä sinulle on tärkeää.',
        'Staden funderar på i vilka skolor eleverna går åren 2027–2030. Berätta vad som är viktigt för dig.',
      ),
      JSON.stringify(questions),
      opens.toISOString(),
      closes.toISOString(),
    ],
  );
  if (!survey) return;
  const texts = ['Haluan, että kouluun pääsee pyörällä turvallisesti.', 'Jag vill gå kvar i min skola.', 'Bussi on usein täynnä aamulla.'];
  await tx.query(
    `WITH a AS (
       INSERT INTO survey_answers (id, survey_id, language, age_band, class_code, choices, answered_on)
       SELECT gen_random_uuid(), $1, CASE WHEN n % 4 = 0 THEN 'sv' ELSE 'fi' END,
              CASE WHEN n % 3 = 0 THEN '13_15' ELSE '10_12' END, CASE WHEN n % 2 = 0 THEN '5A' ELSE '6B' END,
              jsonb_build_object('way', 1 + (n * 7) % 5, 'how', (ARRAY['walk','bike','bus','bus','car'])[1 + n % 5],
                                 'matters', CASE WHEN n % 2 = 0 THEN '["friends","near"]'::jsonb ELSE '["friends"]'::jsonb END),
              current_date - (n % 3)
         FROM generate_series(1, 37) AS n
       RETURNING id)
     INSERT INTO survey_free_texts (survey_id, answer_id, question_id, text)
     SELECT $1, a.id, 'say', x.text FROM (SELECT id, row_number() OVER () AS r FROM a) a
       JOIN unnest($2::text[]) WITH ORDINALITY AS x(text, r) ON x.r = a.r`,
    [survey.id, texts],
  );
  await insertScheduledEvents(tx, [
    { kind: 'survey_close', subjectId: survey.id, dueAt: closes, params: { closesAt: closes.toISOString() } },
  ]);
}
