// Enters a real published child rights and wellbeing impact assessment by hand through the UI, as a
// new user would, at 1280 px and then at 360 px, and takes screenshots to look at.
// Source (paraphrased, not copied): Scottish Government, "Scottish Attainment Challenge 2022/2023 –
// 2025/2026: child rights and wellbeing impact assessment" (gov.scot, 2022) and its screening sheet.
// Run against a running stack (`node scripts/start.mjs` with SEED_DEMO=true):
//   WEB=http://127.0.0.1:5500 OUT=/tmp/crwia node scripts/walkthroughs/enter-real-crwia.mjs
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';

const WEB = process.env.WEB ?? 'http://127.0.0.1:4300';
const OUT = process.env.OUT ?? '/tmp/crwia';
mkdirSync(OUT, { recursive: true });
let actions = 0;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.setDefaultTimeout(30_000);
const shot = async (name, locator) => {
  if (locator) await locator.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: false });
  console.log('screenshot', name);
};
const fill = async (locator, text) => {
  actions++;
  await locator.fill(text);
};
const press = async (key) => {
  actions++;
  await page.keyboard.press(key);
};
const saved = () => page.locator('lava-record-form .save-status').filter({ hasText: /Saved/ }).waitFor();

// Sign in as a Kotka official (Kotka's assessments use SHANARRI in the demo data).
await page.goto(`${WEB}/login`);
await page.getByLabel(/^(Sähköposti|E-post|Email)/).fill('official@kotka.example');
await page.getByLabel(/^(Salasana|Lösenord|Password)/).fill('lava-demo-2026');
await page.getByRole('button', { name: /^(Kirjaudu sisään|Logga in|Sign in)$/ }).click();
await page.waitForURL(/\/assessments$/);
await page.getByLabel(/^(Kieli|Språk|Language)/).selectOption('en');
await page.getByRole('link', { name: 'New assessment' }).click();
await page.getByRole('heading', { level: 1, name: 'New assessment' }).waitFor();
await fill(page.getByLabel('Title'), 'Scottish Attainment Challenge 2022/23 – 2025/26');
await page.getByLabel('Committee').selectOption({ label: 'Education Committee — Kotka' });
await page.getByRole('button', { name: 'Create assessment' }).click();
await page.getByRole('heading', { level: 1, name: /Scottish Attainment Challenge/ }).waitFor();

// Screening sheet: all school pupils, generally 5 to 18, directly.
await page.getByRole('group', { name: 'Does the matter affect children?' }).getByLabel('Yes', { exact: true }).check();
await page.getByRole('group', { name: 'How does it affect children?' }).getByLabel('Directly', { exact: true }).check();
await fill(page.getByLabel('From age'), '5');
await fill(page.getByLabel('To age'), '18');
await page.getByLabel('To age').blur();
await fill(
  page.getByLabel('Rationale', { exact: true }),
  'Every pupil at a local authority, independent or grant-aided school is affected, mostly aged 5 to 18. The refresh funds local authorities, schools (Pupil Equity Funding) and care experienced children and young people to close the poverty-related attainment gap and recover from the pandemic.',
);
await saved();
await shot('1280-screening', page.locator('#section-screening'));
await page.getByRole('button', { name: 'Start full assessment', exact: true }).click();
await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
await page.getByRole('status').filter({ hasText: 'The assessment moved to the stage: Draft' }).waitFor();

// Alternatives: the refresh, and carrying on the 2015 Challenge as it was.
await fill(page.getByLabel('Name of alternative 1'), 'Refreshed Challenge from April 2022');
await fill(
  page.getByLabel('Description of alternative 1'),
  'A new mission (use education to improve outcomes for children impacted by poverty), funding to every local authority, Pupil Equity Funding to schools, care experienced funding and national programmes; stretch aims set locally.',
);
await fill(page.getByLabel('Name of alternative 2'), 'Carry on the 2015–2022 Challenge');
await fill(
  page.getByLabel('Description of alternative 2'),
  'Funding stays concentrated on the nine Challenge authorities and schools programmes.',
);

// Scope, the known groups and two groups the assessment names.
await fill(
  page.getByLabel('Which children and young people does the matter affect, and how many?'),
  'All registered pupils in Scotland; in particular children and young people impacted by poverty and care experienced children and young people.',
);
await page.getByRole('checkbox', { name: 'Low-income families' }).check();
await fill(
  page.getByLabel('How does it affect them? (Low-income families)'),
  'The funding is allocated by the number of pupils registered for free school meals.',
);
await page.getByRole('checkbox', { name: 'Children in care' }).check();
await fill(
  page.getByLabel('How does it affect them? (Children in care)'),
  'Care Experienced Children and Young People funding goes to local authorities for them.',
);
for (const [group, note] of [
  ['Young carers', 'Named among those the gap affects most.'],
  [
    'Children affected by the COVID-19 school closures',
    'The Equity Audit found a disproportionate impact on pupils from disadvantaged backgrounds.',
  ],
]) {
  await fill(page.getByLabel('Another group (name it)'), group);
  await press('Enter');
  await fill(page.getByLabel(`How does it affect them? (${group})`), note);
}
await saved();
await shot('1280-scope', page.locator('#section-scope'));

// Legal basis.
await fill(page.getByLabel('UNCRC articles'), '2, 3, 4, 6, 12, 13, 15, 17, 20, 23, 27, 28, 29, 31');
await page.getByLabel('UNCRC articles').blur();
await fill(
  page.getByLabel('National law', { exact: true }),
  'Standards in Scotland’s Schools etc. Act 2000 as amended by the Education (Scotland) Act 2016 (duty to reduce inequalities of outcome); Children and Young People (Scotland) Act 2014.',
);

// Evidence: reports with their years or ranges of years and web addresses.
const evidence = [
  [
    'Audit Scotland: Improving outcomes for young people through school education',
    '2021-03',
    'https://www.audit-scotland.gov.uk/publications/improving-outcomes-for-young-people-through-school-education',
    'Some progress on the gap, but not fast enough, and much variation between schools and council areas.',
  ],
  [
    'Closing the poverty-related attainment gap: a report on progress',
    '2016–21',
    'https://www.gov.scot/publications/closing-poverty-related-attainment-gap-report-progress-2016-2021/',
    'Attainment generally improved; the gap narrowed in some measures only.',
  ],
  [
    'Equity Audit',
    '2021-01',
    'https://www.gov.scot/publications/equity-audit-deepening-understanding-impact-covid-19-school-building-closures-children-socio-economically-disadvantaged-backgrounds-setting-clear-areas-focus-accelerating-recovery/',
    'School building closures hit children from disadvantaged backgrounds hardest.',
  ],
  [
    'OECD review of Curriculum for Excellence',
    '2021',
    'https://www.oecd.org/education/scotland-s-curriculum-for-excellence-bf624417-en.htm',
    'Calls for stronger national and local data on outcomes.',
  ],
];
for (const [i, [source, date, url, finding]] of evidence.entries()) {
  await page.getByRole('button', { name: 'Add an evidence item' }).click();
  await fill(page.getByLabel(`Source of item ${i + 1}`), source);
  await fill(page.getByLabel(`Date of item ${i + 1}`), date);
  await fill(page.getByLabel(`Web address of item ${i + 1}`), url);
  await fill(page.getByLabel(`Finding of item ${i + 1}`), finding);
}
await fill(
  page.getByLabel('Known gaps in the evidence'),
  'No national evidence yet on the refreshed funding model; the annual evaluation reports will follow it.',
);
await saved();
await shot('1280-evidence', page.locator('#section-evidence'));

// Children's views: none gathered for the national refresh itself.
await fill(
  page.getByLabel('Why no children’s views were heard'),
  'The national refresh drew on reports and partners (Young Scot, YouthLink Scotland); the guidance expects schools and authorities to involve children and families locally.',
);

// The impact matrix by keyboard: impacts of the refresh, each with several articles, groups and SHANARRI tags, copied to the other alternative.
const grid = page.getByRole('grid', { name: 'Impact matrix' });
const editor = grid.locator('#matrix-editor');
async function addImpact(articles, groups, wellbeing, direction, directness, term, note) {
  await grid.getByRole('gridcell', { name: /^Refreshed Challenge from April 2022, articles 2, Alternative/ }).focus();
  actions++;
  await page.getByRole('button', { name: 'Add a row' }).focus();
  await press('Enter');
  await editor.waitFor();
  await page.keyboard.type(articles);
  await press('Enter');
  await editor.waitFor({ state: 'detached' });
  await page.locator('[role="gridcell"]:focus').waitFor();
  const edit = async (text) => {
    await press('ArrowRight');
    await press('Enter');
    await editor.waitFor();
    if ((await editor.evaluate((el) => el.tagName)) === 'SELECT') await editor.selectOption(text);
    else {
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type(text);
    }
    actions++;
    await press('Enter');
    // The cell has the focus again once the editor is gone (keys pressed before would go elsewhere).
    await editor.waitFor({ state: 'detached' });
    await page.locator('[role="gridcell"]:focus').waitFor();
  };
  await edit(groups);
  await edit(wellbeing);
  await edit(direction);
  await edit(directness);
  await edit(term);
  await edit(note);
  // Copy to the other alternative (one action), its judgements left for the official.
  await press('ArrowRight');
  await press('Enter');
}
await addImpact(
  '28, 29',
  'Low-income families, All children',
  'Achieving, Included',
  'positive',
  'direct',
  'long',
  'Funding reaches every authority and school by free school meal numbers.',
);
await addImpact(
  '20, 28',
  'Children in care',
  'Nurtured, Achieving',
  'positive',
  'direct',
  'long',
  'Care experienced funding to every authority.',
);
await addImpact(
  '12, 13, 15',
  'All children',
  'Respected, Responsible, Included',
  'positive',
  'indirect',
  'long',
  'Guidance expects pupils and families to influence PEF plans.',
);
await addImpact(
  '24, 31',
  'Children affected by the COVID-19 school closures',
  'Healthy, Active',
  'unknown',
  'indirect',
  'short',
  'Recovery support, wellbeing not measured nationally.',
);
await saved();
await shot('1280-matrix', page.locator('#section-impactMatrix'));

for (const [label, text] of [
  ['How negative impacts are mitigated', 'Authorities losing Challenge Authority funding keep a tapered share until 2025/26.'],
  ['Recommendation', 'The refreshed Challenge from April 2022.'],
]) {
  await fill(page.getByLabel(label, { exact: true }), text);
}
await fill(
  page.getByLabel('Plain-language summary', { exact: true }),
  'Schools get money to help children whose families have little money do as well as others.',
);
await saved();

// Phone: the same record at 360 px, one impact judged in its card.
await page.setViewportSize({ width: 360, height: 800 });
const card = page.getByRole('group', { name: /^Impact \d+: Carry on the 2015–2022 Challenge, article 28, 29/ });
await card.scrollIntoViewIfNeeded();
await card.getByLabel('Direction').selectOption('negative');
await card.getByLabel('Direct or indirect').selectOption('direct');
await card.getByLabel('Term').selectOption('long');
await fill(card.getByLabel('Note'), 'Most of the money stays with nine authorities; pupils in poverty elsewhere get less.');
await card.getByLabel('Note').blur();
await saved();
await shot('360-matrix-card', card);
await shot('360-scope', page.locator('#section-scope'));
await shot('360-screening', page.locator('#section-screening'));
await shot('360-evidence', page.locator('#section-evidence'));
await page.locator('#section-impactMatrix').scrollIntoViewIfNeeded();
console.log('scrollWidth at 360', await page.evaluate(() => document.documentElement.scrollWidth));
console.log('matrix rows', await page.locator('.impact-card').count());
console.log('key/mouse actions counted', actions);
console.log('page height at 360', await page.evaluate(() => document.documentElement.scrollHeight));
await page.setViewportSize({ width: 1280, height: 900 });
console.log('page height at 1280', await page.evaluate(() => document.documentElement.scrollHeight));
console.log('url', page.url());
await browser.close();
