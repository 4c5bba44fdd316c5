import { kind, type MessagesOf, v } from '../message';

/** The assessment's e-mails along the workflow: created, review, return, decision, follow-up, a broken signature, a closed survey. */
export const ASSESSMENT_MESSAGES = {
  assessment_created: {
    fi: (p, path) => ({
      subject: `Uusi arviointi: ${v(p, 'title')}`,
      summary: `${v(p, 'municipality')}: uusi lapsivaikutusten arviointi ”${v(p, 'title')}” on aloitettu.`,
      action: 'Avaa arviointi',
      path,
    }),
    sv: (p, path) => ({
      subject: `Ny bedömning: ${v(p, 'title')}`,
      summary: `${v(p, 'municipality')}: en ny bedömning av konsekvenser för barn, ”${v(p, 'title')}”, har inletts.`,
      action: 'Öppna bedömningen',
      path,
    }),
    en: (p, path) => ({
      subject: `New assessment: ${v(p, 'title')}`,
      summary: `${v(p, 'municipality')}: a new child impact assessment, “${v(p, 'title')}”, has been started.`,
      action: 'Open the assessment',
      path,
    }),
  },
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
  survey_closed: kind(
    (p) => ({
      subject: `Lasten kysely päättyi: ${v(p, 'title')}`,
      summary: `Lasten kysely ”${v(p, 'survey')}” (arviointi ”${v(p, 'title')}”) on päättynyt. Vastauksia tuli ${v(p, 'answers')}. Tulokset voi nyt liittää arviointiin.`,
      action: 'Katso tulokset',
    }),
    (p) => ({
      subject: `Barnenkäten har stängts: ${v(p, 'title')}`,
      summary: `Barnenkäten ”${v(p, 'survey')}” (bedömningen ”${v(p, 'title')}”) har stängts med ${v(p, 'answers')} svar. Resultaten kan nu fogas till bedömningen.`,
      action: 'Visa resultaten',
    }),
    (p) => ({
      subject: `Children’s survey closed: ${v(p, 'title')}`,
      summary: `The children’s survey “${v(p, 'survey')}” (assessment “${v(p, 'title')}”) has closed with ${v(p, 'answers')} answers. Its results can now be added to the assessment.`,
      action: 'See the results',
    }),
  ),
} satisfies MessagesOf<
  | 'assessment_created'
  | 'review_requested'
  | 'assessment_returned'
  | 'decision_requested'
  | 'decision_recorded'
  | 'follow_up_due'
  | 'signature_mismatch'
  | 'survey_closed'
>;
