import { CONFIGURABLE_NOTIFICATION_KINDS, LANGUAGES, type NotificationKind } from '@lava/contracts';
import { renderDigest, renderNotification } from './templates';

const PARAMS: Record<string, string> = {
  title: 'Nuorisotilan <aukiolo>',
  municipality: 'Kotka',
  council: 'Kotkan nuorisovaltuusto',
  council_sv: 'Kotka ungdomsfullmäktige',
  council_en: 'Kotka Youth Council',
  deadline: '2026-12-04T14:00:00.000Z',
  daysLeft: '7',
  section: 'childrensViews',
  sections: 'scope,impactMatrix',
  author: 'Aino',
  by: 'Ville Virtanen',
  reason: 'Vaihtoehdot puuttuvat',
  outcome: 'approved_as_modified',
  followUpDate: '2027-06-15',
  survey: 'Millainen nuorisotila?',
  survey_sv: 'Hurdan ungdomsgård?',
  answers: '37',
  surveyId: 's1',
};

describe('notification e-mail templates', () => {
  it.each(CONFIGURABLE_NOTIFICATION_KINDS.flatMap((kind) => LANGUAGES.map((language) => [kind, language] as const)))(
    '%s in %s: a one-line subject with the title, a sentence, a link to the assessment, nothing left unfilled',
    (kind, language) => {
      const mail = renderNotification({ kind, params: PARAMS, assessmentId: 'a1' }, language, 'https://lava.example');
      expect(mail.subject).toContain('Nuorisotilan <aukiolo>');
      expect(mail.subject).not.toMatch(/[\r\n]/);
      expect(mail.text).toContain('https://lava.example/assessments/a1');
      expect(mail.text).not.toMatch(/undefined|null|\$\{/);
      expect(mail.html).toContain('Nuorisotilan &lt;aukiolo&gt;');
      expect(mail.html).not.toContain('<aukiolo>');
    },
  );

  it('formats the deadline in Finnish time, names the council, sections and outcome in the reader’s language, and deep-links', () => {
    const reminder = (language: 'fi' | 'sv' | 'en') =>
      renderNotification({ kind: 'consultation_deadline_reminder', params: PARAMS, assessmentId: 'a1' }, language, 'https://lava.example');
    expect(reminder('fi').text).toContain(
      'Kotkan nuorisovaltuusto: lausunto asiasta ”Nuorisotilan <aukiolo>” pitää lähettää 7 päivän kuluessa, viimeistään 4. joulukuuta 2026 klo 16.00.',
    );
    expect(reminder('sv').text).toContain('Kotka ungdomsfullmäktige: utlåtandet');
    expect(reminder('sv').text).toContain('senast 4 december 2026 kl. 16.00');
    expect(reminder('en').text).toContain('Kotka Youth Council: your statement');
    expect(reminder('en').text).toContain('https://lava.example/assessments/a1#consultation');

    const changed = renderNotification({ kind: 'section_changed_after_comment', params: PARAMS, assessmentId: 'a1' }, 'sv', 'https://x');
    expect(changed.text).toContain('Vilka barn och unga som berörs, Konsekvensmatris');
    expect(changed.text).toContain('https://x/assessments/a1#section-scope');
    const decision = renderNotification({ kind: 'decision_recorded', params: PARAMS, assessmentId: 'a1' }, 'fi', 'https://x');
    expect(decision.text).toContain('päätös on kirjattu: hyväksytty muutettuna.');
    const followUp = renderNotification({ kind: 'follow_up_due', params: PARAMS, assessmentId: 'a1' }, 'en', 'https://x');
    expect(followUp.text).toContain('is 15 June 2027');
    expect(followUp.text).toContain('#section-followUp');
  });

  it('leads a closed survey’s e-mail to its results, naming the survey in the reader’s language', () => {
    const mail = renderNotification({ kind: 'survey_closed', params: PARAMS, assessmentId: 'a1' }, 'sv', 'https://lava.example');
    expect(mail.text).toContain('Barnenkäten ”Hurdan ungdomsgård?” (bedömningen ”Nuorisotilan <aukiolo>”) har stängts med 37 svar.');
    expect(mail.text).toContain('Visa resultaten: https://lava.example/assessments/a1/surveys/s1');
  });

  it('links the footer to the notification settings on the profile page', () => {
    const mail = renderNotification({ kind: 'comment_added', params: PARAMS, assessmentId: 'a1' }, 'sv', 'https://lava.example/');
    expect(mail.text).toContain('Välj vilka e-postmeddelanden du får: https://lava.example/profile#notification-preferences');
    expect(mail.html).toContain('href="https://lava.example/profile#notification-preferences"');
  });

  it('leaves the settings link out of an e-mail to a contact without an account', () => {
    const mail = renderNotification(
      { kind: 'consultation_deadline_reminder', params: PARAMS, assessmentId: 'a1', linkPath: '/statement-link', withoutAccount: true },
      'fi',
      'https://lava.example',
    );
    expect(mail.text).toContain('Tämä on Lavan automaattinen viesti.');
    expect(mail.text).not.toContain('/profile');
    expect(mail.html).not.toContain('/profile');
  });

  it('puts new kinds into the digest like the old ones', () => {
    const kinds: NotificationKind[] = ['comment_added', 'mentioned', 'assessment_created'];
    const digest = renderDigest(
      kinds.map((kind) => ({ kind, params: PARAMS, assessmentId: 'a1' })),
      'fi',
      'https://x',
    );
    expect(digest.subject).toBe('Lava: 3 uutta ilmoitusta');
    expect(digest.text).toContain('Aino kommentoi kohtaa ”Lasten ja nuorten näkemykset”');
    expect(digest.text).toContain('Aino mainitsi sinut');
    expect(digest.text).toContain('https://x/assessments/a1#section-childrensViews');
  });
});
