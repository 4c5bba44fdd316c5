import type { MessageTranslation } from '../common/messages/message-translation';

/**
 * Why the workflow refuses something (libs/workflow refusals.ts), as its `refusal()` writes it.
 * Stage and role names in them are words of the vocabulary (COMMON_WORDS). The web translates
 * refusals by code; these are for the API's error answers.
 */
const WORKFLOW_REFUSALS: readonly MessageTranslation[] = [
  { en: 'Only {roles} may do this.', fi: 'Vain {roles} voi tehdä tämän.', sv: 'Endast {roles} får göra detta.' },
  {
    en: 'Only the official responsible for this assessment may do this.',
    fi: 'Vain arvioinnista vastaava valmistelija voi tehdä tämän.',
    sv: 'Endast den beredare som ansvarar för bedömningen får göra detta.',
  },
  {
    en: 'You have not been asked to review this assessment.',
    fi: 'Sinua ei ole pyydetty tarkastamaan tätä arviointia.',
    sv: 'Du har inte ombetts granska den här bedömningen.',
  },
  {
    en: 'You prepared this assessment, so someone else must review it.',
    fi: 'Olet valmistellut tämän arvioinnin, joten jonkun muun on tarkastettava se.',
    sv: 'Du har berett den här bedömningen, så någon annan måste granska den.',
  },
  {
    en: 'There is no such action: "{action}".',
    fi: 'Tällaista toimintoa ei ole: "{action}".',
    sv: 'Det finns ingen sådan åtgärd: "{action}".',
  },
  {
    en: 'This can only be done in the {expectedStage} stage; the assessment is in {stage}.',
    fi: 'Tämän voi tehdä vain vaiheessa ”{expectedStage}”; arviointi on vaiheessa ”{stage}”.',
    sv: 'Detta kan bara göras i skedet ”{expectedStage}”; bedömningen är i skedet ”{stage}”.',
  },
  {
    en: 'The assessment has been decided and can no longer be changed.',
    fi: 'Arvioinnista on päätetty, eikä sitä voi enää muuttaa.',
    sv: 'Bedömningen är beslutad och kan inte längre ändras.',
  },
  {
    en: 'The content cannot be edited in the {stage} stage; it must be returned to draft first.',
    fi: 'Sisältöä ei voi muokata vaiheessa ”{stage}”; arviointi on ensin palautettava luonnokseksi.',
    sv: 'Innehållet kan inte redigeras i skedet ”{stage}”; bedömningen måste först återföras till utkast.',
  },
  {
    en: 'The screening has not yet answered whether the matter affects children.',
    fi: 'Esiarvioinnissa ei ole vielä vastattu, vaikuttaako asia lapsiin.',
    sv: 'Förhandsbedömningen har ännu inte besvarat om ärendet påverkar barn.',
  },
  {
    en: 'The screening found that the matter affects children, so a full assessment is needed.',
    fi: 'Esiarvioinnin mukaan asia vaikuttaa lapsiin, joten tarvitaan varsinainen arviointi.',
    sv: 'Enligt förhandsbedömningen påverkar ärendet barn, så en fullständig bedömning behövs.',
  },
  {
    en: 'The screening found that the matter does not affect children.',
    fi: 'Esiarvioinnin mukaan asia ei vaikuta lapsiin.',
    sv: 'Enligt förhandsbedömningen påverkar ärendet inte barn.',
  },
  {
    en: 'The screening needs a written rationale before it can be signed.',
    fi: 'Esiarviointiin tarvitaan kirjalliset perustelut ennen allekirjoitusta.',
    sv: 'Förhandsbedömningen behöver en skriftlig motivering innan den kan undertecknas.',
  },
  {
    en: 'Write the plain-language summary for children first.',
    fi: 'Kirjoita ensin selkokielinen tiivistelmä lapsille.',
    sv: 'Skriv först den lättlästa sammanfattningen för barn.',
  },
  {
    en: 'Ask at least one youth council for a statement, with a deadline in the future.',
    fi: 'Pyydä lausuntoa vähintään yhdeltä nuorisovaltuustolta, ja aseta määräaika tulevaisuuteen.',
    sv: 'Be minst ett ungdomsfullmäktige om ett utlåtande, med en tidsfrist i framtiden.',
  },
  {
    en: 'The consultation is still open: {pendingCount} youth council(s) have not submitted and their deadline (next: {nextDeadline}) has not passed.',
    fi: 'Lausuntokierros on yhä auki: lausunto puuttuu vielä {pendingCount} nuorisovaltuustolta, eikä määräaika (seuraava: {nextDeadline}) ole umpeutunut.',
    sv: 'Remissen är fortfarande öppen: utlåtande saknas ännu från {pendingCount} ungdomsfullmäktige och tidsfristen (nästa: {nextDeadline}) har inte gått ut.',
  },
  {
    en: 'Every youth council has submitted or its deadline has passed, so the consultation is not closing early.',
    fi: 'Kaikki nuorisovaltuustot ovat antaneet lausuntonsa tai niiden määräaika on umpeutunut, joten kierrosta ei päätetä ennen aikojaan.',
    sv: 'Alla ungdomsfullmäktige har lämnat utlåtande eller deras tidsfrist har gått ut, så remissen avslutas inte i förtid.',
  },
  {
    en: 'Answer every point of the youth council statements first.',
    fi: 'Anna ensin vastine jokaiseen nuorisovaltuuston lausunnon kohtaan.',
    sv: 'Ge först ett bemötande på varje punkt i ungdomsfullmäktiges utlåtanden.',
  },
  {
    en: 'The review checklist is not complete: {missingCount} item(s) still open.',
    fi: 'Tarkastuksen tarkistuslista on kesken: avoimia kohtia on vielä {missingCount}.',
    sv: 'Granskningens checklista är inte klar: antal öppna punkter är {missingCount}.',
  },
  {
    en: 'No follow-up date was set at decision time.',
    fi: 'Seurannan päivämäärää ei asetettu päätöksen yhteydessä.',
    sv: 'Inget datum för uppföljning sattes vid beslutet.',
  },
  { en: 'The follow-up starts on {followUpDate}.', fi: 'Seuranta alkaa {followUpDate}.', sv: 'Uppföljningen börjar {followUpDate}.' },
  {
    en: 'A follow-up is planned for {followUpDate}; the assessment closes after it.',
    fi: 'Seuranta on suunniteltu päivälle {followUpDate}; arviointi suljetaan sen jälkeen.',
    sv: 'En uppföljning är planerad till {followUpDate}; bedömningen avslutas efter den.',
  },
  { en: 'Write the ex-post evaluation first.', fi: 'Kirjoita ensin jälkiarviointi.', sv: 'Skriv först efterhandsutvärderingen.' },
  {
    en: 'Compare at least two alternatives in the impact matrix (state the direction of their impacts); {count} compared so far.',
    fi: 'Vertaile vähintään kahta vaihtoehtoa vaikutusmatriisissa (valitse niiden vaikutusten suunta); tähän mennessä vertailtu {count}.',
    sv: 'Jämför minst två alternativ i konsekvensmatrisen (ange riktningen för deras konsekvenser); hittills jämförda: {count}.',
  },
  {
    en: 'Consider each general principle for every alternative compared: article(s) {articles} still lack an impact with a direction stated.',
    fi: 'Arvioi jokainen yleisperiaate jokaisen vertaillun vaihtoehdon kohdalla: artikloilta {articles} puuttuu vielä vaikutus, jonka suunta on valittu.',
    sv: 'Bedöm varje allmän princip för varje jämfört alternativ: för artikel {articles} saknas ännu en konsekvens med angiven riktning.',
  },
  {
    en: 'Add evidence, or state the gaps in the evidence.',
    fi: 'Lisää tietopohjaa tai kerro, mitä tietoa puuttuu.',
    sv: 'Lägg till kunskapsunderlag eller ange vilka kunskapsluckor som finns.',
  },
  {
    en: 'Write what children said, or why no children’s views were heard.',
    fi: 'Kirjoita, mitä lapset sanoivat, tai miksi lasten näkemyksiä ei kuultu.',
    sv: 'Skriv vad barnen sade, eller varför barnens åsikter inte hördes.',
  },
  {
    en: 'Confirm that you sign the screening result in your own name.',
    fi: 'Vahvista, että allekirjoitat esiarvioinnin tuloksen omalla nimelläsi.',
    sv: 'Bekräfta att du undertecknar förhandsbedömningens resultat i ditt eget namn.',
  },
  {
    en: 'Give a reason; it is recorded in the audit trail.',
    fi: 'Anna perustelu; se kirjataan arvioinnin tapahtumahistoriaan.',
    sv: 'Ange ett skäl; det registreras i bedömningens händelsehistorik.',
  },
];

/** The assessments feature's API messages in Finnish and Swedish (see app/api-messages.ts). */
export const ASSESSMENTS_MESSAGES: readonly MessageTranslation[] = [
  ...WORKFLOW_REFUSALS,

  { en: 'No such assessment.', fi: 'Arviointia ei löytynyt.', sv: 'Bedömningen hittades inte.' },
  {
    en: 'This assessment has no version {version}.',
    fi: 'Arvioinnilla ei ole versiota {version}.',
    sv: 'Bedömningen har ingen version {version}.',
  },
  {
    en: 'The older version (from = {from}) must be lower than the newer one (to = {to}).',
    fi: 'Vanhemman version (from = {from}) pitää olla pienempi kuin uudemman (to = {to}).',
    sv: 'Den äldre versionen (from = {from}) måste vara lägre än den nyare (to = {to}).',
  },
  {
    en: '{who} saved a newer version ({version}) while you were editing version {expected}. Your changes were not saved; reload to see theirs.',
    fi: '{who} tallensi uudemman version ({version}), kun muokkasit versiota {expected}. Muutoksiasi ei tallennettu; lataa sivu uudelleen, niin näet uudemman version.',
    sv: '{who} sparade en nyare version ({version}) medan du redigerade version {expected}. Dina ändringar sparades inte; ladda om sidan för att se den nyare versionen.',
  },
  {
    en: 'You can start assessments only for committees of a municipality where you are an official.',
    fi: 'Voit aloittaa arviointeja vain sellaisen kunnan lautakunnille, jossa olet valmistelija.',
    sv: 'Du kan inleda bedömningar endast för nämnder i en kommun där du är beredare.',
  },
  { en: 'There is no such committee.', fi: 'Tällaista lautakuntaa ei ole.', sv: 'Det finns ingen sådan nämnd.' },
  { en: 'is not a known committee', fi: 'ei ole tunnettu lautakunta', sv: 'är inte en känd nämnd' },

  // --- Request bodies and queries ---
  { en: 'must be the id of a committee', fi: 'pitää olla lautakunnan tunniste', sv: 'måste vara ett id för en nämnd' },
  { en: 'must be the id of a municipality', fi: 'pitää olla kunnan tunniste', sv: 'måste vara ett id för en kommun' },
  { en: 'must be true, false or null', fi: 'pitää olla true, false tai null', sv: 'måste vara true, false eller null' },
  { en: 'must not repeat an age group', fi: 'sama ikäryhmä ei saa toistua', sv: 'samma åldersgrupp får inte upprepas' },

  // --- Record content (record-content/) ---
  {
    en: 'must be a UNCRC article number ({min}–{max})',
    fi: 'pitää olla YK:n lapsen oikeuksien sopimuksen artiklan numero ({min}–{max})',
    sv: 'måste vara numret på en artikel i FN:s barnkonvention ({min}–{max})',
  },
  { en: 'must be a UUID made by the editor', fi: 'pitää olla editorin luoma UUID', sv: 'måste vara ett UUID som editorn har skapat' },
  { en: 'must be a list', fi: 'pitää olla luettelo', sv: 'måste vara en lista' },
  { en: 'must be a list of article numbers', fi: 'pitää olla luettelo artiklojen numeroista', sv: 'måste vara en lista med artikelnummer' },
  { en: 'must not repeat an article', fi: 'sama artikla ei saa toistua', sv: 'samma artikel får inte upprepas' },
  { en: 'must not repeat a method', fi: 'sama menetelmä ei saa toistua', sv: 'samma metod får inte upprepas' },
  {
    en: 'must be the id of one of the alternatives',
    fi: 'pitää olla jonkin vaihtoehdon tunniste',
    sv: 'måste vara id:t för ett av alternativen',
  },
  { en: 'must have at most {max} groups', fi: 'saa sisältää enintään {max} ryhmää', sv: 'får innehålla högst {max} grupper' },
  { en: 'must have at most {max} articles', fi: 'saa sisältää enintään {max} artiklaa', sv: 'får innehålla högst {max} artiklar' },
  {
    en: 'must have at least 2 alternatives (the proposal and "no change" at least)',
    fi: 'pitää sisältää vähintään 2 vaihtoehtoa (ainakin ehdotus ja ”ei muutosta”)',
    sv: 'måste innehålla minst 2 alternativ (åtminstone förslaget och ”ingen ändring”)',
  },
  {
    en: 'must have at most {max} alternatives (the proposal and "no change" at least)',
    fi: 'saa sisältää enintään {max} vaihtoehtoa (joista ainakin ehdotus ja ”ei muutosta”)',
    sv: 'får innehålla högst {max} alternativ (varav åtminstone förslaget och ”ingen ändring”)',
  },
  {
    en: 'must have at most {max} evidence items',
    fi: 'saa sisältää enintään {max} tietopohjan kohtaa',
    sv: 'får innehålla högst {max} poster i kunskapsunderlaget',
  },
  { en: 'must have at most {max} rows', fi: 'saa sisältää enintään {max} riviä', sv: 'får innehålla högst {max} rader' },
  { en: 'must have at most {max} indicators', fi: 'saa sisältää enintään {max} mittaria', sv: 'får innehålla högst {max} indikatorer' },
  {
    en: 'repeats the id of another alternative',
    fi: 'toistaa toisen vaihtoehdon tunnisteen',
    sv: 'upprepar id:t för ett annat alternativ',
  },
  {
    en: 'repeats the id of another evidence item',
    fi: 'toistaa toisen tietopohjan kohdan tunnisteen',
    sv: 'upprepar id:t för en annan post i kunskapsunderlaget',
  },
  { en: 'repeats the id of another row', fi: 'toistaa toisen rivin tunnisteen', sv: 'upprepar id:t för en annan rad' },
  { en: 'repeats the id of another indicator', fi: 'toistaa toisen mittarin tunnisteen', sv: 'upprepar id:t för en annan indikator' },
  { en: 'names a group already listed', fi: 'nimeää ryhmän, joka on jo luettelossa', sv: 'anger en grupp som redan finns i listan' },
  {
    en: 'Nothing has been edited since the last version, so there is no new version to name.',
    fi: 'Edellisen version jälkeen ei ole muokattu mitään, joten nimettävää uutta versiota ei ole.',
    sv: 'Inget har redigerats sedan den senaste versionen, så det finns ingen ny version att namnge.',
  },
  {
    en: 'must be an age in whole years ({min}–{max})',
    fi: 'pitää olla ikä kokonaisina vuosina ({min}–{max})',
    sv: 'måste vara en ålder i hela år ({min}–{max})',
  },
  { en: 'must not be below the lowest age', fi: 'ei saa olla alinta ikää pienempi', sv: 'får inte vara lägre än den lägsta åldern' },
  {
    en: 'must be one of {values} or null',
    fi: 'pitää olla jokin näistä: {values} tai null',
    sv: 'måste vara något av {values} eller null',
  },
  {
    en: 'must be one of {values} or null (not stated)',
    fi: 'pitää olla jokin näistä: {values} tai null (ei ilmoitettu)',
    sv: 'måste vara något av {values} eller null (ej angivet)',
  },
  { en: 'must have at most {max} alternatives', fi: 'saa sisältää enintään {max} vaihtoehtoa', sv: 'får innehålla högst {max} alternativ' },
  {
    en: 'must be a web address starting with https:// or http://',
    fi: 'pitää olla verkko-osoite, joka alkaa https:// tai http://',
    sv: 'måste vara en webbadress som börjar med https:// eller http://',
  },
  {
    en: 'must be a year (2021), a range of years (2020–21), a month (2021-03) or a date (2021-03-15)',
    fi: 'pitää olla vuosi (2021), vuosiväli (2020–21), kuukausi (2021-03) tai päivämäärä (2021-03-15)',
    sv: 'måste vara ett år (2021), ett intervall av år (2020–21), en månad (2021-03) eller ett datum (2021-03-15)',
  },
  { en: 'must be a list of groups', fi: 'pitää olla luettelo ryhmistä', sv: 'måste vara en lista med grupper' },
  { en: 'must not repeat a group', fi: 'sama ryhmä ei saa toistua', sv: 'samma grupp får inte upprepas' },
  {
    en: 'must be a list of wellbeing indicators',
    fi: 'pitää olla luettelo hyvinvoinnin osa-alueista',
    sv: 'måste vara en lista med välmåendeindikatorer',
  },
  { en: 'must not repeat an indicator', fi: 'sama osa-alue ei saa toistua', sv: 'samma indikator får inte upprepas' },
  {
    en: 'is not one of the assessment’s alternatives',
    fi: 'ei ole mikään arvioinnin vaihtoehdoista',
    sv: 'är inte ett av bedömningens alternativ',
  },
];
