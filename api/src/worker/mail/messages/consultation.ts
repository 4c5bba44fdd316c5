import { kind, type MessagesOf, v } from '../message';

/**
 * The consultation's e-mails: requests, deadlines, statements and the feedback. The same texts go to a
 * youth council's members, to the members of another body heard and to a body's e-mail-only contacts
 * (issue 13), so none of them names the kind of body: `council` is its name.
 */
export const CONSULTATION_MESSAGES = {
  consultation_opened: kind(
    (p) => ({
      subject: `Lausuntopyyntö: ${v(p, 'title')}`,
      summary: `${v(p, 'council')} voi nyt kertoa, mitä mieltä olette asiasta ”${v(p, 'title')}”. Lukekaa asia ja lähettäkää lausunto viimeistään ${v(p, 'deadline')}.`,
      action: 'Lue asia ja kirjoita lausunto',
    }),
    (p) => ({
      subject: `Begäran om utlåtande: ${v(p, 'title')}`,
      summary: `${v(p, 'council')} kan nu säga vad ni tycker om ”${v(p, 'title')}”. Läs ärendet och skicka ert utlåtande senast ${v(p, 'deadline')}.`,
      action: 'Läs ärendet och skriv utlåtandet',
    }),
    (p) => ({
      subject: `Request for a statement: ${v(p, 'title')}`,
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
} satisfies MessagesOf<
  | 'consultation_opened'
  | 'consultation_deadline_extended'
  | 'consultation_returned'
  | 'consultation_deadline_reminder'
  | 'consultation_overdue'
  | 'statement_submitted'
  | 'statement_feedback'
  | 'statement_point_removed'
>;
