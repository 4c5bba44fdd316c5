import type { Language, NotificationKind } from '@lava/contracts';

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
}

type MessageFor = (params: Record<string, string>, assessmentPath: string) => Message;

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
  const path = input.assessmentId ? `/assessments/${encodeURIComponent(input.assessmentId)}` : '/notifications';
  return MESSAGES[input.kind][language](input.params, path);
}

function url(webOrigin: string, path: string): string {
  return `${webOrigin.replace(/\/$/, '')}${path}`;
}

function layout(webOrigin: string, language: Language, textBody: string[], htmlBody: string): { text: string; html: string } {
  const chrome = CHROME[language];
  const preferencesUrl = url(webOrigin, '/preferences');
  const text = [chrome.greeting, '', ...textBody, '', '--', chrome.footer, `${chrome.preferences}: ${preferencesUrl}`, ''].join('\n');
  const html = `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><title>Lava</title></head>
<body style="font-family: sans-serif; line-height: 1.5; color: #1a1a1a">
<p>${escapeHtml(chrome.greeting)}</p>
${htmlBody}
<hr>
<p style="font-size: 0.9em">${escapeHtml(chrome.footer)} <a href="${escapeHtml(preferencesUrl)}">${escapeHtml(chrome.preferences)}</a></p>
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
