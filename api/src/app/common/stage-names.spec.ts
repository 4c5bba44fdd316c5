import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LANGUAGES } from '@lava/contracts';
import { STAGES } from '@lava/workflow';
import { STAGE_NAMES } from './stage-names';

describe('STAGE_NAMES', () => {
  it.each(LANGUAGES)('names every stage as the web app does (%s)', (language) => {
    const web = JSON.parse(
      readFileSync(fileURLToPath(new URL(`../../../../web/public/i18n/${language}.json`, import.meta.url)), 'utf8'),
    ) as {
      stages: Record<string, string>;
    };
    expect(STAGE_NAMES[language]).toEqual(Object.fromEntries(STAGES.map((stage) => [stage, web.stages[stage]])));
  });
});
