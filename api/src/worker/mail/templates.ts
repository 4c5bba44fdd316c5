import { EMAIL_ONLY_NOTIFICATION_KINDS, type Language, type NotificationKind } from '@lava/contracts';

/**
 * E-mail templates: plain functions per kind and language, no template engine. Every value from a
 * row is escaped for HTML; links point at WEB_ORIGIN. To add a kind: add it to NOTIFICATION_KINDS
 * and give it an entry in MESSAGES (the compiler insists on all three languages).
 */

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** What a notification says in one language: the subject, one summary sentence, and where it leads. */
interface Message {
  subject: string;
  summary: string;
  action: string;
  path: string;
}

export interface TemplateInput {
  kind: NotificationKind;
  params: Record<string, string>;
  assessmentId: string | null;
  /** A link made at send time (an invitation's or a reset's secret link), instead of the assessment's. */
  linkPath?: string;
}

type MessageFor = (params: Record<string, string>, assessmentPath: string) => Message;

/** An invitation: a new person sets a password (`mode` invite), or an existing one hears they got roles (`mode` access). */
const invitation = (
  texts: Record<'invite' | 'access', { subject: string; summary: (inviter: string, orgs: string, days: string) => string; action: string }>,
  language: Language,
): MessageFor => {
  return (p, path) => {
    const t = p['mode'] === 'access' ? texts.access : texts.invite;
    const inviter = p['inviter'] ?? '';
    const orgs = p[`organizations_${language}`] ?? '';
    return {
      subject: t.subject,
      summary: t.summary(inviter, orgs, p['validDays'] ?? ''),
      action: t.action,
      path: p['mode'] === 'access' ? '/assessments' : path,
    };
  };
};

const INVITATION_MESSAGES: Record<Language, MessageFor> = {
  fi: invitation(
    {
      invite: {
        subject: 'Kutsu Lavaan',
        summary: (who, orgs, days) =>
          `${who} kutsui sinut Lavaan: ${orgs}. Lavassa arvioidaan, miten päätökset vaikuttavat lapsiin ja nuoriin. Valitse itsellesi salasana. Linkki toimii ${days} päivää.`,
        action: 'Valitse salasana',
      },
      access: {
        subject: 'Sait käyttöoikeuden Lavassa',
        summary: (who, orgs) => `${who} antoi sinulle käyttöoikeuden Lavassa: ${orgs}. Kirjaudu sisään omalla salasanallasi.`,
        action: 'Avaa Lava',
      },
    },
    'fi',
  ),
  sv: invitation(
    {
      invite: {
        subject: 'Inbjudan till Lava',
        summary: (who, orgs, days) =>
          `${who} bjöd in dig till Lava: ${orgs}. I Lava bedömer man hur beslut påverkar barn och unga. Välj ett lösenord. Länken fungerar i ${days} dagar.`,
        action: 'Välj lösenord',
      },
      access: {
        subject: 'Du har fått åtkomst i Lava',
        summary: (who, orgs) => `${who} gav dig åtkomst i Lava: ${orgs}. Logga in med ditt eget lösenord.`,
        action: 'Öppna Lava',
      },
    },
    'sv',
  ),
  en: invitation(
    {
      invite: {
        subject: 'Invitation to Lava',
        summary: (who, orgs, days) =>
          `${who} invited you to Lava: ${orgs}. In Lava, people check how decisions affect children and young people. Choose a password. The link works for ${days} days.`,
        action: 'Choose a password',
      },
      access: {
        subject: 'You now have access in Lava',
        summary: (who, orgs) => `${who} gave you access in Lava: ${orgs}. Sign in with your own password.`,
        action: 'Open Lava',
      },
    },
    'en',
  ),
};

const PASSWORD_RESET_MESSAGES: Record<Language, MessageFor> = {
  fi: (p, path) => ({
    subject: 'Vaihda Lavan salasana',
    summary: `Joku pyysi uutta salasanaa Lava-tunnuksellesi. Jos se olit sinä, vaihda salasana linkistä. Linkki toimii ${p['validMinutes'] ?? ''} minuuttia. Jos et pyytänyt tätä, voit jättää viestin huomiotta.`,
    action: 'Vaihda salasana',
    path,
  }),
  sv: (p, path) => ({
    subject: 'Byt lösenord i Lava',
    summary: `Någon bad om ett nytt lösenord för ditt Lava-konto. Om det var du, byt lösenord via länken. Länken fungerar i ${p['validMinutes'] ?? ''} minuter. Om det inte var du kan du strunta i det här meddelandet.`,
    action: 'Byt lösenord',
    path,
  }),
  en: (p, path) => ({
    subject: 'Reset your Lava password',
    summary: `Someone asked for a new password for your Lava account. If it was you, choose a new password with the link. The link works for ${p['validMinutes'] ?? ''} minutes. If it was not you, you can ignore this message.`,
    action: 'Choose a new password',
    path,
  }),
};

const MESSAGES: Record<NotificationKind, Record<Language, MessageFor>> = {
  assessment_created: {
    fi: (p, path) => ({
      subject: `Uusi arviointi: ${p['title'] ?? ''}`,
      summary: `${p['municipality'] ?? ''}: uusi lapsivaikutusten arviointi ”${p['title'] ?? ''}” on aloitettu.`,
      action: 'Avaa arviointi',
      path,
    }),
    sv: (p, path) => ({
      subject: `Ny bedömning: ${p['title'] ?? ''}`,
      summary: `${p['municipality'] ?? ''}: en ny bedömning av konsekvenser för barn, ”${p['title'] ?? ''}”, har inletts.`,
      action: 'Öppna bedömningen',
      path,
    }),
    en: (p, path) => ({
      subject: `New assessment: ${p['title'] ?? ''}`,
      summary: `${p['municipality'] ?? ''}: a new child impact assessment, “${p['title'] ?? ''}”, has been started.`,
      action: 'Open the assessment',
      path,
    }),
  },
  invitation: INVITATION_MESSAGES,
  password_reset: PASSWORD_RESET_MESSAGES,
};

const CHROME: Record<
  Language,
  { greeting: string; footer: string; preferences: string; digestSubject: (n: number) => string; digestIntro: string }
> = {
  fi: {
    greeting: 'Hei,',
    footer: 'Tämä on Lavan automaattinen viesti.',
    preferences: 'Valitse, mistä saat sähköpostia',
    digestSubject: (n) => `Lava: ${n} ${n === 1 ? 'uusi ilmoitus' : 'uutta ilmoitusta'}`,
    digestIntro: 'Päivän ilmoitukset:',
  },
  sv: {
    greeting: 'Hej,',
    footer: 'Detta är ett automatiskt meddelande från Lava.',
    preferences: 'Välj vilka e-postmeddelanden du får',
    digestSubject: (n) => `Lava: ${n} ${n === 1 ? 'ny avisering' : 'nya aviseringar'}`,
    digestIntro: 'Dagens aviseringar:',
  },
  en: {
    greeting: 'Hello,',
    footer: 'This is an automatic message from Lava.',
    preferences: 'Choose which e-mails you get',
    digestSubject: (n) => `Lava: ${n} new ${n === 1 ? 'notification' : 'notifications'}`,
    digestIntro: 'Today’s notifications:',
  },
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** Header values must stay on one line. */
function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').trim();
}

function message(input: TemplateInput, language: Language): Message {
  const path = input.linkPath ?? (input.assessmentId ? `/assessments/${encodeURIComponent(input.assessmentId)}` : '/notifications');
  return MESSAGES[input.kind][language](input.params, path);
}

function url(webOrigin: string, path: string): string {
  return `${webOrigin.replace(/\/$/, '')}${path}`;
}

function layout(
  webOrigin: string,
  language: Language,
  textBody: string[],
  htmlBody: string,
  withPreferences = true,
): { text: string; html: string } {
  const chrome = CHROME[language];
  const preferencesUrl = url(webOrigin, '/preferences');
  const preferences = withPreferences ? [`${chrome.preferences}: ${preferencesUrl}`] : [];
  const text = [chrome.greeting, '', ...textBody, '', '--', chrome.footer, ...preferences, ''].join('\n');
  const html = `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><title>Lava</title></head>
<body style="font-family: sans-serif; line-height: 1.5; color: #1a1a1a">
<p>${escapeHtml(chrome.greeting)}</p>
${htmlBody}
<hr>
<p style="font-size: 0.9em">${escapeHtml(chrome.footer)}${withPreferences ? ` <a href="${escapeHtml(preferencesUrl)}">${escapeHtml(chrome.preferences)}</a>` : ''}</p>
</body></html>
`;
  return { text, html };
}

/** One notification as one e-mail, in the recipient's language. */
export function renderNotification(input: TemplateInput, language: Language, webOrigin: string): RenderedMail {
  const m = message(input, language);
  const link = url(webOrigin, m.path);
  const body = layout(
    webOrigin,
    language,
    [m.summary, '', `${m.action}: ${link}`],
    `<p>${escapeHtml(m.summary)}</p>\n<p><a href="${escapeHtml(link)}">${escapeHtml(m.action)}</a></p>`,
    // Invitations and resets are not configurable (and an invited person has no preferences yet).
    !(EMAIL_ONLY_NOTIFICATION_KINDS as readonly string[]).includes(input.kind),
  );
  return { subject: oneLine(m.subject), ...body };
}

/** The day's notifications for one person, as one e-mail. */
export function renderDigest(inputs: TemplateInput[], language: Language, webOrigin: string): RenderedMail {
  const chrome = CHROME[language];
  const messages = inputs.map((input) => ({ ...message(input, language) }));
  const text = [chrome.digestIntro, '', ...messages.flatMap((m) => [`- ${m.summary}`, `  ${url(webOrigin, m.path)}`])];
  const html = `<p>${escapeHtml(chrome.digestIntro)}</p>\n<ul>\n${messages
    .map((m) => `<li>${escapeHtml(m.summary)} <a href="${escapeHtml(url(webOrigin, m.path))}">${escapeHtml(m.action)}</a></li>`)
    .join('\n')}\n</ul>`;
  return { subject: oneLine(chrome.digestSubject(inputs.length)), ...layout(webOrigin, language, text, html) };
}
