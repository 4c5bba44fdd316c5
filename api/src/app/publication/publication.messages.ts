import type { MessageTranslation } from '../common/messages/message-translation';

/** The publication feature's API messages (agenda PDFs, publishing, the public register) in Finnish and Swedish. */
export const PUBLICATION_MESSAGES: readonly MessageTranslation[] = [
  { en: 'The assessment was not found.', fi: 'Arviointia ei löytynyt.', sv: 'Bedömningen hittades inte.' },
  {
    en: 'The PDF is not ready yet. Ask for it and try again in a moment.',
    fi: 'PDF ei ole vielä valmis. Pyydä se ja yritä hetken kuluttua uudelleen.',
    sv: 'PDF-filen är inte klar ännu. Beställ den och försök igen om en stund.',
  },
  {
    en: 'The PDF is not ready yet. Try again in a moment.',
    fi: 'PDF ei ole vielä valmis. Yritä hetken kuluttua uudelleen.',
    sv: 'PDF-filen är inte klar ännu. Försök igen om en stund.',
  },
  {
    en: 'Only a decided assessment or a signed screening result (no impact on children) can be published.',
    fi: 'Vain päätetyn arvioinnin tai allekirjoitetun esiarvioinnin tuloksen (ei vaikutuksia lapsiin) voi julkaista.',
    sv: 'Bara en beslutad bedömning eller ett undertecknat resultat av förhandsbedömningen (inga konsekvenser för barn) kan publiceras.',
  },
  { en: 'Give the reason for unpublishing.', fi: 'Kerro, miksi julkaisu perutaan.', sv: 'Ange varför publiceringen återkallas.' },
  { en: 'The assessment is not published.', fi: 'Arviointia ei ole julkaistu.', sv: 'Bedömningen är inte publicerad.' },
  {
    en: 'Only the responsible official or the chair of the deciding committee publishes or unpublishes an assessment.',
    fi: 'Vain vastuullinen valmistelija tai päättävän lautakunnan puheenjohtaja voi julkaista arvioinnin tai perua sen julkaisun.',
    sv: 'Bara den ansvariga beredaren eller ordföranden för den beslutande nämnden publicerar en bedömning eller återkallar publiceringen.',
  },
  {
    en: 'Someone changed the publication meanwhile (version {current}, you had {yours}). Look at it again before you publish or unpublish.',
    fi: 'Joku muutti julkaisua sillä välin (versio {current}, sinulla oli {yours}). Katso tilanne uudelleen ennen kuin julkaiset tai perut julkaisun.',
    sv: 'Någon ändrade publiceringen under tiden (version {current}, du hade {yours}). Titta på den igen innan du publicerar eller återkallar.',
  },
  { en: 'The language must be fi, sv or en.', fi: 'Kielen on oltava fi, sv tai en.', sv: 'Språket måste vara fi, sv eller en.' },
  {
    en: 'No published assessment has this id.',
    fi: 'Tällä tunnisteella ei ole julkaistua arviointia.',
    sv: 'Ingen publicerad bedömning har detta id.',
  },
  {
    en: 'This assessment was unpublished. Reason: {reason}',
    fi: 'Tämän arvioinnin julkaisu on peruttu. Syy: {reason}',
    sv: 'Publiceringen av den här bedömningen har återkallats. Orsak: {reason}',
  },
  {
    en: 'No signature has this hash.',
    fi: 'Millään allekirjoituksella ei ole tätä tiivistettä.',
    sv: 'Ingen underskrift har detta hashvärde.',
  },
  {
    en: 'The hash must be 64 hexadecimal digits (a SHA-256).',
    fi: 'Tiivisteen on oltava 64 heksadesimaalinumeroa (SHA-256).',
    sv: 'Hashvärdet måste bestå av 64 hexadecimala siffror (SHA-256).',
  },
  {
    en: 'Too many requests to the public register. Try again in {seconds} seconds.',
    fi: 'Liian monta pyyntöä julkiseen rekisteriin. Yritä uudelleen {seconds} sekunnin kuluttua.',
    sv: 'För många förfrågningar till det offentliga registret. Försök igen om {seconds} sekunder.',
  },
  { en: 'must be a year like 2027', fi: 'on oltava vuosiluku, esim. 2027', sv: 'måste vara ett årtal, t.ex. 2027' },
];
