import { EMAIL_ONLY_NOTIFICATION_KINDS, type Language, type NotificationKind, notificationLink } from '@lava/contracts';
import { displayParams } from './display-values';
import type { Message, MessageFor, MessagesOf, RenderedMail, TemplateInput } from './message';
import { INVITATION_MESSAGES, PASSWORD_RESET_MESSAGES } from './messages/account';
import { ASSESSMENT_MESSAGES } from './messages/assessment';
import { CONSULTATION_MESSAGES } from './messages/consultation';
import { DISCUSSION_MESSAGES } from './messages/discussion';

export type { RenderedMail, TemplateInput } from './message';
export { formatDate, formatDateTime } from './display-values';

/**
 * E-mail templates: plain functions per kind and language, no template engine. Every value from a
 * row is escaped for HTML; links point at WEB_ORIGIN. To add a kind: add it to NOTIFICATION_KINDS
 * and give it an entry in its family's file under messages/ (the compiler insists on every kind
 * and all three languages). This file renders: the chrome, one e-mail, the daily digest.
 */

/** The id of the notification settings on the web app's profile page. */
export const PREFERENCES_FRAGMENT = 'notification-preferences';

/** Every kind's texts, by family (the compiler insists on every kind and all three languages). */
const MESSAGES: MessagesOf<NotificationKind> = {
  ...ASSESSMENT_MESSAGES,
  ...CONSULTATION_MESSAGES,
  ...DISCUSSION_MESSAGES,
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
  const link = notificationLink(input);
  const path = input.linkPath ?? (link.fragment ? `${link.path}#${encodeURIComponent(link.fragment)}` : link.path);
  // The row's values are JSON from the database: the kind's message reads them as its kind's values (NOTIFICATION_VALUES).
  const render = MESSAGES[input.kind][language] as MessageFor<Record<string, string>>;
  return render(displayParams(input.params, language), path);
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
  // The preferences are a section of the profile page (the fragment moves the focus to it).
  const preferencesUrl = url(webOrigin, `/profile#${PREFERENCES_FRAGMENT}`);
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
    // Invitations and resets are not configurable (and an invited person has no preferences yet);
    // an e-mail-only contact has no account whose settings they could open.
    !input.withoutAccount && !(EMAIL_ONLY_NOTIFICATION_KINDS as readonly string[]).includes(input.kind),
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
