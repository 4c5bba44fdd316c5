import { notificationDisplayParams, notificationLinkLabel } from './notification-display';

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
