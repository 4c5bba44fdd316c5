import { EMAIL_ONLY_NOTIFICATION_KINDS, type Language, type NotificationKind, type RecordSection, notificationLink } from '@lava/contracts';
import type { DecisionOutcome } from '@lava/workflow';

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

/** Section names as the record page shows them (comment and change notifications name the section). */
const SECTION_NAMES: Record<Language, Record<RecordSection, string>> = {
  fi: {
    basics: 'Perustiedot',
    screening: 'Esiarviointi',
    scope: 'Keihin lapsiin ja nuoriin asia vaikuttaa',
    legalBasis: 'Oikeudellinen ja strateginen perusta',
    alternatives: 'Vaihtoehdot',
    evidence: 'Tietopohja',
    childrensViews: 'Lasten ja nuorten näkemykset',
    impactMatrix: 'Vaikutusmatriisi',
    mitigation: 'Kielteisten vaikutusten lieventäminen',
    changesMade: 'Mitä muutettiin tiedon ja näkemysten perusteella',
    recommendation: 'Suositus ja lapsen etu',
    plainLanguageSummary: 'Selkokielinen tiivistelmä',
    communication: 'Tuloksesta kertominen lapsille',
    followUp: 'Seuranta',
  },
  sv: {
    basics: 'Grunduppgifter',
    screening: 'Förhandsbedömning',
    scope: 'Vilka barn och unga som berörs',
    legalBasis: 'Rättslig och strategisk grund',
    alternatives: 'Alternativ',
    evidence: 'Kunskapsunderlag',
    childrensViews: 'Barns och ungas synpunkter',
    impactMatrix: 'Konsekvensmatris',
    mitigation: 'Lindring av negativa konsekvenser',
    changesMade: 'Vad som ändrades tack vare kunskapen och synpunkterna',
    recommendation: 'Rekommendation och barnets bästa',
    plainLanguageSummary: 'Lättläst sammanfattning',
    communication: 'Hur resultatet berättas för barn',
    followUp: 'Uppföljning',
  },
  en: {
    basics: 'Basic information',
    screening: 'Screening',
    scope: 'Children and young people affected',
    legalBasis: 'Legal and policy basis',
    alternatives: 'Alternatives',
    evidence: 'Evidence',
    childrensViews: 'Children’s views',
    impactMatrix: 'Impact matrix',
    mitigation: 'Mitigating negative impacts',
    changesMade: 'What changed because of the evidence and views',
    recommendation: 'Recommendation and the child’s best interests',
    plainLanguageSummary: 'Plain-language summary',
    communication: 'Telling children about the result',
    followUp: 'Follow-up',
  },
};

const OUTCOME_NAMES: Record<Language, Record<DecisionOutcome, string>> = {
  fi: {
    approved: 'hyväksytty',
    approved_as_modified: 'hyväksytty muutettuna',
    returned_for_preparation: 'palautettu uudelleen valmisteltavaksi',
    tabled: 'pantu pöydälle',
    rejected: 'hylätty',
  },
  sv: {
    approved: 'godkänt',
    approved_as_modified: 'godkänt med ändringar',
    returned_for_preparation: 'återremitterat',
    tabled: 'bordlagt',
    rejected: 'avslaget',
  },
  en: {
    approved: 'approved',
    approved_as_modified: 'approved as modified',
    returned_for_preparation: 'returned for more preparation',
    tabled: 'tabled',
    rejected: 'rejected',
  },
};

const LOCALES: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** The id of the notification settings on the web app's profile page. */
export const PREFERENCES_FRAGMENT = 'notification-preferences';

/** A deadline (ISO timestamp) in Finnish time: `4. joulukuuta 2026 klo 16.00`. */
export function formatDateTime(iso: string | undefined, language: Language): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Helsinki' }).format(date);
}

/** A calendar date (YYYY-MM-DD): formatted as UTC so it never shifts a day. */
export function formatDate(iso: string | undefined, language: Language): string {
  if (!iso) return '';
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

function sectionName(key: string | undefined, language: Language): string {
  const k = (key ?? '').trim();
  return (SECTION_NAMES[language] as Record<string, string>)[k] ?? k;
}

/** The params as the sentence shows them: dates formatted, sections and outcomes named in the language. */
function displayParams(params: Record<string, string>, language: Language): Record<string, string> {
  const out: Record<string, string> = { ...params };
  // A name given in every language (`council_fi`, `council_sv`, `council_en`) is shown in the reader's.
  for (const key of Object.keys(params)) {
    const localized = params[`${key}_${language}`];
    if (localized) out[key] = localized;
  }
  if (params['deadline'] !== undefined) out['deadline'] = formatDateTime(params['deadline'], language);
  if (params['followUpDate'] !== undefined) out['followUpDate'] = formatDate(params['followUpDate'], language);
  if (params['section'] !== undefined) out['section'] = sectionName(params['section'], language);
  if (params['sections'] !== undefined) {
    out['sections'] = params['sections']
      .split(',')
      .filter((k) => k.trim() !== '')
      .map((k) => sectionName(k, language))
      .join(', ');
  }
  if (params['outcome'] !== undefined)
    out['outcome'] = (OUTCOME_NAMES[language] as Record<string, string>)[params['outcome']] ?? params['outcome'];
  return out;
}

type Texts = (p: Record<string, string>) => Omit<Message, 'path'>;

/** A kind whose link is the assessment (with the fragment of the part it is about). */
function kind(fi: Texts, sv: Texts, en: Texts): Record<Language, MessageFor> {
  const wrap =
    (t: Texts): MessageFor =>
    (p, path) => ({ ...t(p), path });
  return { fi: wrap(fi), sv: wrap(sv), en: wrap(en) };
}

const v = (p: Record<string, string>, key: string): string => p[key] ?? '';

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
  consultation_opened: kind(
    (p) => ({
      subject: `Nuorisovaltuustolta pyydetään lausuntoa: ${v(p, 'title')}`,
      summary: `${v(p, 'council')} voi nyt kertoa, mitä mieltä olette asiasta ”${v(p, 'title')}”. Lukekaa asia ja lähettäkää lausunto viimeistään ${v(p, 'deadline')}.`,
      action: 'Lue asia ja kirjoita lausunto',
    }),
    (p) => ({
      subject: `Ungdomsfullmäktige ombeds ge ett utlåtande: ${v(p, 'title')}`,
      summary: `${v(p, 'council')} kan nu säga vad ni tycker om ”${v(p, 'title')}”. Läs ärendet och skicka ert utlåtande senast ${v(p, 'deadline')}.`,
      action: 'Läs ärendet och skriv utlåtandet',
    }),
    (p) => ({
      subject: `Your youth council is asked for a statement: ${v(p, 'title')}`,
      summary: `${v(p, 'council')} can now say what you think about “${v(p, 'title')}”. Read it and send your statement by ${v(p, 'deadline')}.`,
      action: 'Read it and write the statement',
    }),
  ),
  consultation_deadline_extended: kind(
    (p) => ({
      subject: `Lisäaikaa lausunnolle: ${v(p, 'title')}`,
      summary: `${v(p, 'council')}: saatte lisäaikaa lausuntoon asiasta ”${v(p, 'title')}”. Uusi määräaika on ${v(p, 'deadline')}.`,
      action: 'Avaa lausuntopyyntö',
    }),
    (p) => ({
      subject: `Mer tid för utlåtandet: ${v(p, 'title')}`,
      summary: `${v(p, 'council')}: ni får mer tid för utlåtandet om ”${v(p, 'title')}”. Den nya sista dagen är ${v(p, 'deadline')}.`,
      action: 'Öppna begäran om utlåtande',
    }),
    (p) => ({
      subject: `More time for your statement: ${v(p, 'title')}`,
      summary: `${v(p, 'council')}: you have more time for your statement on “${v(p, 'title')}”. The new deadline is ${v(p, 'deadline')}.`,
      action: 'Open the request',
    }),
  ),
  consultation_returned: kind(
    (p) => ({
      subject: `Lausuntopyyntö keskeytettiin: ${v(p, 'title')}`,
      summary: `${v(p, 'council')}: valmistelija otti asian ”${v(p, 'title')}” takaisin muokattavaksi. Syy: ${v(p, 'reason')}. Lausuntoa ei nyt tarvitse lähettää. Jos teiltä pyydetään lausuntoa uudelleen, saatte siitä viestin.`,
      action: 'Avaa lausuntopyyntö',
    }),
    (p) => ({
      subject: `Begäran om utlåtande avbröts: ${v(p, 'title')}`,
      summary: `${v(p, 'council')}: beredaren tog tillbaka ”${v(p, 'title')}” för att ändra den. Orsak: ${v(p, 'reason')}. Ni behöver inte skicka något utlåtande nu. Om ni ombeds igen får ni ett meddelande.`,
      action: 'Öppna begäran om utlåtande',
    }),
    (p) => ({
      subject: `The request for a statement was paused: ${v(p, 'title')}`,
      summary: `${v(p, 'council')}: the official took “${v(p, 'title')}” back to change it. Reason: ${v(p, 'reason')}. You do not need to send a statement now. If you are asked again, you will get a message.`,
      action: 'Open the request',
    }),
  ),
  consultation_deadline_reminder: kind(
    (p) => ({
      subject: `Muistutus: lausunto ${v(p, 'daysLeft')} päivän päästä – ${v(p, 'title')}`,
      summary: `${v(p, 'council')}: lausunto asiasta ”${v(p, 'title')}” pitää lähettää ${v(p, 'daysLeft')} päivän kuluessa, viimeistään ${v(p, 'deadline')}.`,
      action: 'Jatka lausuntoa',
    }),
    (p) => ({
      subject: `Påminnelse: utlåtandet ska in om ${v(p, 'daysLeft')} dagar – ${v(p, 'title')}`,
      summary: `${v(p, 'council')}: utlåtandet om ”${v(p, 'title')}” ska skickas inom ${v(p, 'daysLeft')} dagar, senast ${v(p, 'deadline')}.`,
      action: 'Fortsätt med utlåtandet',
    }),
    (p) => ({
      subject: `Reminder: statement due in ${v(p, 'daysLeft')} days – ${v(p, 'title')}`,
      summary: `${v(p, 'council')}: your statement on “${v(p, 'title')}” must be sent within ${v(p, 'daysLeft')} days, by ${v(p, 'deadline')}.`,
      action: 'Continue the statement',
    }),
  ),
  consultation_overdue: kind(
    (p) => ({
      subject: `Lausunto myöhässä: ${v(p, 'title')}`,
      summary: `${v(p, 'council')} ei ole lähettänyt lausuntoa arviointiin ”${v(p, 'title')}”. Määräaika päättyi ${v(p, 'deadline')}. Voit jatkaa määräaikaa tai päättää lausuntokierroksen.`,
      action: 'Avaa arviointi',
    }),
    (p) => ({
      subject: `Utlåtandet är försenat: ${v(p, 'title')}`,
      summary: `${v(p, 'council')} har inte skickat något utlåtande om bedömningen ”${v(p, 'title')}”. Tidsfristen gick ut ${v(p, 'deadline')}. Du kan förlänga tidsfristen eller avsluta remissrundan.`,
      action: 'Öppna bedömningen',
    }),
    (p) => ({
      subject: `Statement overdue: ${v(p, 'title')}`,
      summary: `${v(p, 'council')} has not sent a statement on the assessment “${v(p, 'title')}”. The deadline was ${v(p, 'deadline')}. You can extend the deadline or close the consultation.`,
      action: 'Open the assessment',
    }),
  ),
  statement_submitted: kind(
    (p) => ({
      subject: `Lausunto saapui: ${v(p, 'title')}`,
      summary: `${v(p, 'council')} lähetti lausuntonsa arviointiin ”${v(p, 'title')}”. Anna jokaiseen lausunnon kohtaan vastine.`,
      action: 'Lue lausunto',
    }),
    (p) => ({
      subject: `Utlåtande har kommit: ${v(p, 'title')}`,
      summary: `${v(p, 'council')} har skickat sitt utlåtande om bedömningen ”${v(p, 'title')}”. Ge ett bemötande på varje punkt i utlåtandet.`,
      action: 'Läs utlåtandet',
    }),
    (p) => ({
      subject: `Statement received: ${v(p, 'title')}`,
      summary: `${v(p, 'council')} has sent its statement on the assessment “${v(p, 'title')}”. Give a response to each point of the statement.`,
      action: 'Read the statement',
    }),
  ),
  statement_feedback: kind(
    (p) => ({
      subject: `Näin lausunnollenne kävi: ${v(p, 'title')}`,
      summary: `${v(p, 'council')}: asiasta ”${v(p, 'title')}” on tehty päätös. Katso, mitä lausuntonne jokaiselle kohdalle tapahtui.`,
      action: 'Katso, mitä tapahtui',
    }),
    (p) => ({
      subject: `Så gick det med ert utlåtande: ${v(p, 'title')}`,
      summary: `${v(p, 'council')}: beslut har fattats om ”${v(p, 'title')}”. Se vad som hände med varje punkt i ert utlåtande.`,
      action: 'Se vad som hände',
    }),
    (p) => ({
      subject: `What became of your statement: ${v(p, 'title')}`,
      summary: `${v(p, 'council')}: a decision has been made on “${v(p, 'title')}”. See what happened to each point of your statement.`,
      action: 'See what happened',
    }),
  ),
  statement_point_removed: kind(
    (p) => ({
      subject: `${v(p, 'by')} poisti kohdan: ${v(p, 'title')}`,
      summary: `${v(p, 'by')} poisti kohdan, jonka kirjoitit lausuntoon asiasta ”${v(p, 'title')}”: ”${v(p, 'excerpt')}”. Voit palauttaa sen 24 tunnin ajan.`,
      action: 'Katso lausunto',
    }),
    (p) => ({
      subject: `${v(p, 'by')} tog bort en punkt: ${v(p, 'title')}`,
      summary: `${v(p, 'by')} tog bort en punkt som du skrev i utlåtandet om ”${v(p, 'title')}”: ”${v(p, 'excerpt')}”. Du kan ta tillbaka den i 24 timmar.`,
      action: 'Se utlåtandet',
    }),
    (p) => ({
      subject: `${v(p, 'by')} removed a point: ${v(p, 'title')}`,
      summary: `${v(p, 'by')} removed a point you wrote in the statement on “${v(p, 'title')}”: “${v(p, 'excerpt')}”. You can bring it back for 24 hours.`,
      action: 'See the statement',
    }),
  ),
  comment_added: kind(
    (p) => ({
      subject: `Uusi kommentti: ${v(p, 'title')}`,
      summary: `${v(p, 'author')} kommentoi kohtaa ”${v(p, 'section')}” asiassa ”${v(p, 'title')}”.`,
      action: 'Lue kommentti',
    }),
    (p) => ({
      subject: `Ny kommentar: ${v(p, 'title')}`,
      summary: `${v(p, 'author')} kommenterade avsnittet ”${v(p, 'section')}” i ”${v(p, 'title')}”.`,
      action: 'Läs kommentaren',
    }),
    (p) => ({
      subject: `New comment: ${v(p, 'title')}`,
      summary: `${v(p, 'author')} commented on “${v(p, 'section')}” in “${v(p, 'title')}”.`,
      action: 'Read the comment',
    }),
  ),
  mentioned: kind(
    (p) => ({
      subject: `${v(p, 'author')} mainitsi sinut: ${v(p, 'title')}`,
      summary: `${v(p, 'author')} mainitsi sinut kommentissa kohdassa ”${v(p, 'section')}” asiassa ”${v(p, 'title')}”.`,
      action: 'Lue kommentti',
    }),
    (p) => ({
      subject: `${v(p, 'author')} nämnde dig: ${v(p, 'title')}`,
      summary: `${v(p, 'author')} nämnde dig i en kommentar i avsnittet ”${v(p, 'section')}” i ”${v(p, 'title')}”.`,
      action: 'Läs kommentaren',
    }),
    (p) => ({
      subject: `${v(p, 'author')} mentioned you: ${v(p, 'title')}`,
      summary: `${v(p, 'author')} mentioned you in a comment on “${v(p, 'section')}” in “${v(p, 'title')}”.`,
      action: 'Read the comment',
    }),
  ),
  section_changed_after_comment: kind(
    (p) => ({
      subject: `Kommentoimaasi kohtaa on muutettu: ${v(p, 'title')}`,
      summary: `Asiassa ”${v(p, 'title')}” on muutettu kohtia, joita kommentoit: ${v(p, 'sections')}. Katso, mikä muuttui.`,
      action: 'Katso muutokset',
    }),
    (p) => ({
      subject: `Ett avsnitt som du kommenterat har ändrats: ${v(p, 'title')}`,
      summary: `I ”${v(p, 'title')}” har avsnitt som du kommenterat ändrats: ${v(p, 'sections')}. Se vad som ändrades.`,
      action: 'Se ändringarna',
    }),
    (p) => ({
      subject: `A part you commented on has changed: ${v(p, 'title')}`,
      summary: `In “${v(p, 'title')}”, parts you commented on have changed: ${v(p, 'sections')}. See what changed.`,
      action: 'See the changes',
    }),
  ),
  review_requested: kind(
    (p) => ({
      subject: `Tarkastuspyyntö: ${v(p, 'title')}`,
      summary: `Arviointi ”${v(p, 'title')}” odottaa tarkastustasi.`,
      action: 'Tarkasta arviointi',
    }),
    (p) => ({
      subject: `Begäran om granskning: ${v(p, 'title')}`,
      summary: `Bedömningen ”${v(p, 'title')}” väntar på din granskning.`,
      action: 'Granska bedömningen',
    }),
    (p) => ({
      subject: `Review requested: ${v(p, 'title')}`,
      summary: `The assessment “${v(p, 'title')}” is waiting for your review.`,
      action: 'Review the assessment',
    }),
  ),
  assessment_returned: kind(
    (p) => ({
      subject: `Arviointi palautettiin: ${v(p, 'title')}`,
      summary: `${v(p, 'by')} palautti arvioinnin ”${v(p, 'title')}”. Perustelu: ${v(p, 'reason')}`,
      action: 'Avaa arviointi',
    }),
    (p) => ({
      subject: `Bedömningen returnerades: ${v(p, 'title')}`,
      summary: `${v(p, 'by')} returnerade bedömningen ”${v(p, 'title')}”. Motivering: ${v(p, 'reason')}`,
      action: 'Öppna bedömningen',
    }),
    (p) => ({
      subject: `Assessment returned: ${v(p, 'title')}`,
      summary: `${v(p, 'by')} returned the assessment “${v(p, 'title')}”. Reason: ${v(p, 'reason')}`,
      action: 'Open the assessment',
    }),
  ),
  decision_requested: kind(
    (p) => ({
      subject: `Odottaa päätöstäsi: ${v(p, 'title')}`,
      summary: `Arviointi ”${v(p, 'title')}” on tarkastettu ja odottaa lautakunnan (${v(p, 'committee')}) päätöstä. Kirjaa päätös, kun lautakunta on käsitellyt asian.`,
      action: 'Avaa arviointi',
    }),
    (p) => ({
      subject: `Väntar på ditt beslut: ${v(p, 'title')}`,
      summary: `Bedömningen ”${v(p, 'title')}” är granskad och väntar på beslut i nämnden (${v(p, 'committee')}). Anteckna beslutet när nämnden har behandlat ärendet.`,
      action: 'Öppna bedömningen',
    }),
    (p) => ({
      subject: `Waiting for your decision: ${v(p, 'title')}`,
      summary: `The assessment “${v(p, 'title')}” has been reviewed and waits for the decision of the committee (${v(p, 'committee')}). Record the decision when the committee has dealt with it.`,
      action: 'Open the assessment',
    }),
  ),
  decision_recorded: kind(
    (p) => ({
      subject: `Päätös kirjattu: ${v(p, 'title')}`,
      summary: `Arvioinnin ”${v(p, 'title')}” päätös on kirjattu: ${v(p, 'outcome')}.`,
      action: 'Avaa arviointi',
    }),
    (p) => ({
      subject: `Beslutet har antecknats: ${v(p, 'title')}`,
      summary: `Beslutet om bedömningen ”${v(p, 'title')}” har antecknats: ${v(p, 'outcome')}.`,
      action: 'Öppna bedömningen',
    }),
    (p) => ({
      subject: `Decision recorded: ${v(p, 'title')}`,
      summary: `The decision on the assessment “${v(p, 'title')}” has been recorded: ${v(p, 'outcome')}.`,
      action: 'Open the assessment',
    }),
  ),
  follow_up_due: kind(
    (p) => ({
      subject: `Seurannan aika: ${v(p, 'title')}`,
      summary: `Arvioinnin ”${v(p, 'title')}” seurantapäivä on ${v(p, 'followUpDate')}. Arvioi, toteutuivatko vaikutukset odotetusti, ja kirjaa jälkiarviointi.`,
      action: 'Tee jälkiarviointi',
    }),
    (p) => ({
      subject: `Dags för uppföljning: ${v(p, 'title')}`,
      summary: `Uppföljningsdagen för bedömningen ”${v(p, 'title')}” är ${v(p, 'followUpDate')}. Bedöm om konsekvenserna blev som väntat och anteckna efterhandsbedömningen.`,
      action: 'Gör efterhandsbedömningen',
    }),
    (p) => ({
      subject: `Time for follow-up: ${v(p, 'title')}`,
      summary: `The follow-up date of the assessment “${v(p, 'title')}” is ${v(p, 'followUpDate')}. Check whether the impacts came about as expected and record the evaluation.`,
      action: 'Record the evaluation',
    }),
  ),
  signature_mismatch: kind(
    (p) => ({
      subject: `Allekirjoitus ei täsmää: ${v(p, 'title')}`,
      summary: `Arvioinnin ”${v(p, 'title')}” allekirjoitus ei enää vastaa allekirjoitettua sisältöä (päivittäinen tarkistus). Tietoja on muutettu allekirjoituksen jälkeen Lavan ohi. Tarkista tiedot ja tapahtumaloki.`,
      action: 'Avaa arviointi',
    }),
    (p) => ({
      subject: `Underskriften stämmer inte: ${v(p, 'title')}`,
      summary: `En underskrift av bedömningen ”${v(p, 'title')}” stämmer inte längre med det som undertecknades (den dagliga kontrollen). Uppgifterna har ändrats efter underskriften utanför Lava. Kontrollera uppgifterna och händelseloggen.`,
      action: 'Öppna bedömningen',
    }),
    (p) => ({
      subject: `Signature mismatch: ${v(p, 'title')}`,
      summary: `A signature of the assessment “${v(p, 'title')}” no longer matches what was signed (the daily check). The data was changed after signing, outside Lava. Check the record and the audit trail.`,
      action: 'Open the assessment',
    }),
  ),
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
  return MESSAGES[input.kind][language](displayParams(input.params, language), path);
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
