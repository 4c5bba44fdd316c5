import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIGURABLE_NOTIFICATION_KINDS, LANGUAGES, notificationValueKeys } from '@lava/contracts';
import { notificationDisplayParams, notificationLinkLabel, placeholders } from './notification-display';

const names = { sections: { scope: 'Vilka berörs', impactMatrix: 'Konsekvenser' }, outcomes: { approved: 'godkänt' } };

describe('notificationDisplayParams', () => {
  it('shows names in the reader’s language, deadlines in Finnish time, calendar dates unshifted, sections and outcomes by name', () => {
    const shown = notificationDisplayParams(
      {
        params: {
          title: 'Nuorisotila',
          council: 'Kotkan nuorisovaltuusto',
          council_sv: 'Kotka ungdomsfullmäktige',
          deadline: '2026-12-04T14:00:00.000Z',
          followUpDate: '2027-06-15',
          sections: 'scope, impactMatrix,unknownKey',
          outcome: 'approved',
        },
      },
      'sv',
      'sv-FI',
      names,
    );
    expect(shown).toMatchObject({
      title: 'Nuorisotila',
      council: 'Kotka ungdomsfullmäktige',
      deadline: '4 december 2026 kl. 16.00',
      followUpDate: '15 juni 2027',
      sections: 'Vilka berörs, Konsekvenser, unknownKey',
      outcome: 'godkänt',
    });
  });

  it('falls back to the plain param when there is no name in the reader’s language', () => {
    expect(notificationDisplayParams({ params: { council: 'Kotkan nuorisovaltuusto' } }, 'en', 'en-GB', names)['council']).toBe(
      'Kotkan nuorisovaltuusto',
    );
  });

  it('labels the link by what it opens', () => {
    expect(notificationLinkLabel('consultation_deadline_reminder')).toBe('notifications.links.consultation');
    expect(notificationLinkLabel('mentioned')).toBe('notifications.links.comment');
    expect(notificationLinkLabel('follow_up_due')).toBe('notifications.links.followUp');
    expect(notificationLinkLabel('assessment_created')).toBe('notifications.links.assessment');
  });
});

describe('notification texts against the kind → values map (NOTIFICATION_VALUES)', () => {
  const kinds = (language: string): Record<string, string> =>
    (
      JSON.parse(readFileSync(join(__dirname, '../../../../public/i18n', `${language}.json`), 'utf8')) as {
        notifications: { kinds: Record<string, string> };
      }
    ).notifications.kinds;

  it.each([...LANGUAGES])('every kind shown in Lava has a %s sentence that reads only its own values', (language) => {
    const texts = kinds(language);
    const wrong = CONFIGURABLE_NOTIFICATION_KINDS.flatMap((kind) => {
      const text = texts[kind];
      if (text === undefined) return [`${kind}: no text`];
      const known = notificationValueKeys(kind);
      return placeholders(text)
        .filter((key) => !known.includes(key))
        .map((key) => `${kind}: {{${key}}}`);
    });
    expect(wrong).toEqual([]);
  });

  it('finds the placeholders of a sentence, and so would catch one the kind does not have', () => {
    expect(placeholders('{{council}}: ”{{title}}” by {{ deadline }}.')).toEqual(['council', 'title', 'deadline']);
    expect(placeholders('{{author}} on {{section}}').filter((key) => !notificationValueKeys('review_requested').includes(key))).toEqual([
      'author',
      'section',
    ]);
  });
});
