import type { Language, MyDataExport } from '@lava/contracts';

/** The readable copy of a person's data: one self-contained HTML page, in their language. */

type Labels = Record<
  | 'title'
  | 'intro'
  | 'profile'
  | 'memberships'
  | 'endedMemberships'
  | 'comments'
  | 'statementPoints'
  | 'commentFlags'
  | 'notifications'
  | 'notificationPreferences'
  | 'signIns'
  | 'passwordResets'
  | 'invitations'
  | 'activity'
  | 'aboutYou'
  | 'none'
  | 'exportedAt',
  string
>;

const LABELS: Record<Language, Labels> = {
  fi: {
    title: 'Tietosi Lavassa',
    intro: 'Tämä on kopio kaikista tiedoista, joita Lava säilyttää sinusta. Sama sisältö koneluettavana: JSON-tiedosto.',
    profile: 'Perustiedot',
    memberships: 'Jäsenyydet ja roolit',
    endedMemberships: 'Päättyneet jäsenyydet',
    comments: 'Kirjoittamasi kommentit',
    statementPoints: 'Kirjoittamasi lausunnon kohdat',
    commentFlags: 'Ilmoittamasi kommentit',
    notifications: 'Ilmoitukset sinulle',
    notificationPreferences: 'Ilmoitusasetukset',
    signIns: 'Kirjautumiset',
    passwordResets: 'Salasanan vaihtopyynnöt',
    invitations: 'Kutsut',
    activity: 'Toimintasi tapahtumalokissa',
    aboutYou: 'Tiliisi kohdistuneet toimet',
    none: 'Ei tietoja.',
    exportedAt: 'Koottu',
  },
  sv: {
    title: 'Dina uppgifter i Lava',
    intro: 'Det här är en kopia av alla uppgifter som Lava sparar om dig. Samma innehåll i maskinläsbar form: JSON-filen.',
    profile: 'Grunduppgifter',
    memberships: 'Medlemskap och roller',
    endedMemberships: 'Avslutade medlemskap',
    comments: 'Kommentarer du skrivit',
    statementPoints: 'Punkter i utlåtanden du skrivit',
    commentFlags: 'Kommentarer du anmält',
    notifications: 'Meddelanden till dig',
    notificationPreferences: 'Inställningar för meddelanden',
    signIns: 'Inloggningar',
    passwordResets: 'Begäranden om nytt lösenord',
    invitations: 'Inbjudningar',
    activity: 'Dina åtgärder i händelseloggen',
    aboutYou: 'Åtgärder som gäller ditt konto',
    none: 'Inga uppgifter.',
    exportedAt: 'Sammanställt',
  },
  en: {
    title: 'Your data in Lava',
    intro: 'This is a copy of everything Lava keeps about you. The same content in machine-readable form: the JSON file.',
    profile: 'Profile',
    memberships: 'Memberships and roles',
    endedMemberships: 'Ended memberships',
    comments: 'Comments you wrote',
    statementPoints: 'Statement points you wrote',
    commentFlags: 'Comments you reported',
    notifications: 'Notifications to you',
    notificationPreferences: 'Notification settings',
    signIns: 'Sign-ins',
    passwordResets: 'Password reset requests',
    invitations: 'Invitations',
    activity: 'Your actions in the audit trail',
    aboutYou: 'Actions concerning your account',
    none: 'Nothing.',
    exportedAt: 'Compiled',
  },
};

/** Column names in each language; a key missing here shows as is. */
const COLUMNS: Record<Language, Record<string, string>> = {
  fi: {
    id: 'Tunniste',
    email: 'Sähköposti',
    displayName: 'Nimi',
    language: 'Kieli',
    active: 'Käytössä',
    createdAt: 'Luotu',
    updatedAt: 'Muutettu',
    organization: 'Organisaatio',
    organizationKind: 'Organisaation tyyppi',
    role: 'Rooli',
    councilOffice: 'Tehtävä valtuustossa',
    since: 'Alkaen',
    endedAt: 'Päättyi',
    assessmentId: 'Arvioinnin tunniste',
    assessmentTitle: 'Arviointi',
    section: 'Osio',
    audience: 'Näkyvyys',
    body: 'Teksti',
    editedAt: 'Muokattu',
    hiddenAt: 'Piilotettu',
    deletedAt: 'Poistettu',
    revisions: 'Aiemmat versiot',
    council: 'Nuorisovaltuusto',
    position: 'Kohta',
    text: 'Teksti',
    commentId: 'Kommentin tunniste',
    reason: 'Syy',
    kind: 'Laji',
    params: 'Sisältö',
    deliveredAt: 'Toimitettu',
    readAt: 'Luettu',
    channel: 'Kanava',
    emailSentAt: 'Sähköposti lähetetty',
    session: 'Istunto',
    startedAt: 'Alkoi',
    lastUsedAt: 'Viimeksi käytetty',
    expiresAt: 'Vanhenee',
    revokedAt: 'Päätetty',
    requestedAt: 'Pyydetty',
    usedAt: 'Käytetty',
    sentAt: 'Lähetetty',
    acceptedAt: 'Hyväksytty',
    occurredAt: 'Aika',
    action: 'Toimi',
    entityType: 'Kohteen tyyppi',
    entityId: 'Kohteen tunniste',
  },
  sv: {
    id: 'Id',
    email: 'E-post',
    displayName: 'Namn',
    language: 'Språk',
    active: 'Aktiv',
    createdAt: 'Skapad',
    updatedAt: 'Ändrad',
    organization: 'Organisation',
    organizationKind: 'Typ av organisation',
    role: 'Roll',
    councilOffice: 'Uppdrag i fullmäktige',
    since: 'Från',
    endedAt: 'Upphörde',
    assessmentId: 'Bedömningens id',
    assessmentTitle: 'Bedömning',
    section: 'Avsnitt',
    audience: 'Synlighet',
    body: 'Text',
    editedAt: 'Redigerad',
    hiddenAt: 'Dold',
    deletedAt: 'Raderad',
    revisions: 'Tidigare versioner',
    council: 'Ungdomsfullmäktige',
    position: 'Punkt',
    text: 'Text',
    commentId: 'Kommentarens id',
    reason: 'Orsak',
    kind: 'Typ',
    params: 'Innehåll',
    deliveredAt: 'Levererat',
    readAt: 'Läst',
    channel: 'Kanal',
    emailSentAt: 'E-post skickat',
    session: 'Session',
    startedAt: 'Började',
    lastUsedAt: 'Senast använd',
    expiresAt: 'Går ut',
    revokedAt: 'Avslutad',
    requestedAt: 'Begärd',
    usedAt: 'Använd',
    sentAt: 'Skickad',
    acceptedAt: 'Godkänd',
    occurredAt: 'Tid',
    action: 'Åtgärd',
    entityType: 'Objektets typ',
    entityId: 'Objektets id',
  },
  en: {
    id: 'Id',
    email: 'E-mail',
    displayName: 'Name',
    language: 'Language',
    active: 'Active',
    createdAt: 'Created',
    updatedAt: 'Changed',
    organization: 'Organization',
    organizationKind: 'Kind of organization',
    role: 'Role',
    councilOffice: 'Office in the council',
    since: 'Since',
    endedAt: 'Ended',
    assessmentId: 'Assessment id',
    assessmentTitle: 'Assessment',
    section: 'Section',
    audience: 'Visible to',
    body: 'Text',
    editedAt: 'Edited',
    hiddenAt: 'Hidden',
    deletedAt: 'Deleted',
    revisions: 'Earlier versions',
    council: 'Youth council',
    position: 'Point',
    text: 'Text',
    commentId: 'Comment id',
    reason: 'Reason',
    kind: 'Kind',
    params: 'Content',
    deliveredAt: 'Delivered',
    readAt: 'Read',
    channel: 'Channel',
    emailSentAt: 'E-mail sent',
    session: 'Session',
    startedAt: 'Started',
    lastUsedAt: 'Last used',
    expiresAt: 'Expires',
    revokedAt: 'Ended',
    requestedAt: 'Requested',
    usedAt: 'Used',
    sentAt: 'Sent',
    acceptedAt: 'Accepted',
    occurredAt: 'When',
    action: 'Action',
    entityType: 'Kind of record',
    entityId: 'Record id',
  },
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

type Cell = string | number | boolean | null;

function table(rows: Record<string, Cell>[], none: string, columns: Record<string, string>): string {
  const first = rows[0];
  if (!first) return `<p>${escapeHtml(none)}</p>`;
  const keys = Object.keys(first);
  const head = keys.map((k) => `<th scope="col">${escapeHtml(columns[k] ?? k)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${keys.map((k) => `<td>${escapeHtml(row[k] === null ? '' : String(row[k]))}</td>`).join('')}</tr>`)
    .join('\n');
  return `<div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

export function renderMyDataHtml(data: MyDataExport, language: Language): string {
  const l = LABELS[language];
  const columns = COLUMNS[language];
  const section = (key: keyof Labels, rows: Record<string, Cell>[]) =>
    `<section><h2>${escapeHtml(l[key])}</h2>\n${table(rows, l.none, columns)}</section>`;
  const profile = Object.entries(data.profile)
    .map(([k, v]) => `<tr><th scope="row">${escapeHtml(columns[k] ?? k)}</th><td>${escapeHtml(String(v))}</td></tr>`)
    .join('\n');
  const p = data.profile;
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(l.title)}: ${escapeHtml(p.displayName)}</title>
<style>
body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 1rem auto; max-width: 70rem; padding: 0 1rem; color: #1a1a1a; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #888; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; white-space: pre-wrap; }
th { background: #eee; }
.profile { width: auto; }
.scroll { overflow-x: auto; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(l.title)}</h1>
<p>${escapeHtml(l.intro)}</p>
<p>${escapeHtml(l.exportedAt)}: <time datetime="${data.exportedAt}">${escapeHtml(data.exportedAt)}</time></p>
<section><h2>${escapeHtml(l.profile)}</h2>\n<table class="profile"><tbody>\n${profile}\n</tbody></table></section>
${section('memberships', data.memberships)}
${section('endedMemberships', data.endedMemberships)}
${section(
  'comments',
  data.comments.map(({ revisions, ...c }) => ({ ...c, revisions: revisions.map((r) => `${r.writtenAt}: ${r.body}`).join('\n\n') })),
)}
${section('statementPoints', data.statementPoints)}
${section('commentFlags', data.commentFlags)}
${section(
  'notifications',
  data.notifications.map(({ params, ...n }) => ({
    ...n,
    params: Object.entries(params)
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n'),
  })),
)}
${section('notificationPreferences', data.notificationPreferences)}
${section('signIns', data.signIns)}
${section('passwordResets', data.passwordResets)}
${section('invitations', data.invitations)}
${section('activity', data.activity)}
${section('aboutYou', data.aboutYou)}
</main>
</body>
</html>
`;
}
