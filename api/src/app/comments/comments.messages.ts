import type { MessageTranslation } from '../common/messages/message-translation';

/** The comments feature's API messages in Finnish and Swedish (see app/api-messages.ts). */
export const COMMENTS_MESSAGES: readonly MessageTranslation[] = [
  // Who writes where, and when (comment-access.service.ts). Youth council members get these: plain words.
  {
    en: 'Only municipal staff write in staff comment threads.',
    fi: 'Vain kunnan henkilöstö voi kirjoittaa henkilöstön keskusteluihin.',
    sv: 'Bara kommunens personal kan skriva i personalens diskussioner.',
  },
  {
    en: 'Colleagues comment during draft and review; this assessment is in {stage}.',
    fi: 'Kollegat kommentoivat luonnos- ja tarkastusvaiheessa; tämä arviointi on nyt vaiheessa ”{stage}”.',
    sv: 'Kollegerna kommenterar under utkast- och granskningsskedet; den här bedömningen är nu i skedet ”{stage}”.',
  },
  {
    en: 'Only the youth council of this thread writes in it.',
    fi: 'Tähän keskusteluun voi kirjoittaa vain se nuorisovaltuusto, jonka keskustelu se on.',
    sv: 'Bara det ungdomsfullmäktige som diskussionen hör till kan skriva i den.',
  },
  {
    en: 'Youth council threads are written during the consultation; this assessment is in {stage}.',
    fi: 'Nuorisovaltuuston keskusteluihin kirjoitetaan kuulemisen aikana; tämä arviointi on nyt vaiheessa ”{stage}”.',
    sv: 'I ungdomsfullmäktiges diskussioner skriver man under hörandet; den här bedömningen är nu i skedet ”{stage}”.',
  },
  {
    en: 'Your youth council is not consulted in the current consultation round.',
    fi: 'Nuorisovaltuustoltasi ei pyydetä lausuntoa tällä kuulemiskierroksella.',
    sv: 'Ditt ungdomsfullmäktige ombeds inte om ett utlåtande i den här hörandeomgången.',
  },
  {
    en: 'You are not a member of that youth council, or it has not been consulted on this assessment.',
    fi: 'Et ole sen nuorisovaltuuston jäsen, tai siltä ei ole pyydetty lausuntoa tähän arviointiin.',
    sv: 'Du är inte medlem i det ungdomsfullmäktige, eller så har det inte ombetts om ett utlåtande om den här bedömningen.',
  },
  {
    en: 'Your youth council can comment only during its consultation.',
    fi: 'Nuorisovaltuustosi voi kommentoida vain silloin, kun siltä pyydetään lausuntoa.',
    sv: 'Ditt ungdomsfullmäktige kan kommentera bara medan det ombeds om ett utlåtande.',
  },
  {
    en: 'Only a consulted youth council writes in youth council threads.',
    fi: 'Nuorisovaltuuston keskusteluihin voi kirjoittaa vain nuorisovaltuusto, jolta pyydetään lausuntoa.',
    sv: 'Bara ett ungdomsfullmäktige som ombeds om ett utlåtande kan skriva i ungdomsfullmäktiges diskussioner.',
  },

  // A field problem found by the service. The error filter rebuilds the summary from the translated
  // `details`, so the field texts below are what a reader sees after the field name.
  {
    en: 'Please check the request. {field}: {problem}',
    fi: 'Tarkista pyyntö. {field}: {problem}',
    sv: 'Kontrollera begäran. {field}: {problem}',
  },
  {
    en: 'is required when you belong to several consulted youth councils',
    fi: 'on pakollinen, kun kuulut useampaan nuorisovaltuustoon, joilta pyydetään lausuntoa',
    sv: 'krävs när du hör till flera ungdomsfullmäktige som ombeds om ett utlåtande',
  },
  {
    en: '{count} of them cannot see this thread',
    fi: '{count} heistä ei näe tätä keskustelua',
    sv: '{count} av dem kan inte se den här diskussionen',
  },
  {
    en: 'is required for youth council threads',
    fi: 'on pakollinen nuorisovaltuuston keskusteluissa',
    sv: 'krävs för ungdomsfullmäktiges diskussioner',
  },
  {
    en: 'statement is only for a youth council’s own drafting threads (audience council)',
    fi: 'statement on vain nuorisovaltuuston omia lausunnon valmistelukeskusteluja varten (audience council)',
    sv: 'statement är bara för ungdomsfullmäktiges egna diskussioner där utlåtandet bereds (audience council)',
  },
  {
    en: 'is not a comment of this thread',
    fi: 'ei ole tämän keskustelun kommentti',
    sv: 'är inte en kommentar i den här diskussionen',
  },
  {
    en: 'is only for youth council threads',
    fi: 'on vain nuorisovaltuuston keskusteluja varten',
    sv: 'är bara för ungdomsfullmäktiges diskussioner',
  },
  {
    en: 'is not a field of the section {section}',
    fi: 'ei ole osion {section} kenttä',
    sv: 'är inte ett fält i avsnittet {section}',
  },
  {
    en: 'must be after quote.start',
    fi: 'pitää olla quote.start-kohdan jälkeen',
    sv: 'måste komma efter quote.start',
  },
  {
    en: 'must be the text between quote.start and quote.end',
    fi: 'pitää olla teksti kohtien quote.start ja quote.end väliltä',
    sv: 'måste vara texten mellan quote.start och quote.end',
  },

  // Threads and comments (comments.service.ts).
  {
    en: 'You cannot see threads of that audience.',
    fi: 'Et voi nähdä tälle ryhmälle tarkoitettuja keskusteluja.',
    sv: 'Du kan inte se diskussioner som är avsedda för den gruppen.',
  },
  {
    en: 'This thread is resolved. Reopen it to reply.',
    fi: 'Tämä keskustelu on merkitty ratkaistuksi. Avaa se uudelleen, jos haluat vastata.',
    sv: 'Den här diskussionen är markerad som löst. Öppna den igen om du vill svara.',
  },
  {
    en: 'That comment was hidden by a moderator; it cannot be replied to.',
    fi: 'Moderaattori on piilottanut kommentin, joten siihen ei voi vastata.',
    sv: 'En moderator har dolt kommentaren, så den går inte att svara på.',
  },
  {
    en: 'That comment was deleted; it cannot be replied to.',
    fi: 'Kommentti on poistettu, joten siihen ei voi vastata.',
    sv: 'Kommentaren har tagits bort, så den går inte att svara på.',
  },
  {
    en: 'You can edit only your own comments.',
    fi: 'Voit muokata vain omia kommenttejasi.',
    sv: 'Du kan bara redigera dina egna kommentarer.',
  },
  {
    en: 'This comment was hidden by a moderator and can no longer be edited.',
    fi: 'Moderaattori on piilottanut tämän kommentin, eikä sitä voi enää muokata.',
    sv: 'En moderator har dolt den här kommentaren, och den kan inte längre redigeras.',
  },
  {
    en: 'This comment was deleted.',
    fi: 'Tämä kommentti on poistettu.',
    sv: 'Den här kommentaren har tagits bort.',
  },
  {
    en: 'You can delete only your own comments.',
    fi: 'Voit poistaa vain omia kommenttejasi.',
    sv: 'Du kan bara ta bort dina egna kommentarer.',
  },
  {
    en: 'This comment is already deleted.',
    fi: 'Tämä kommentti on jo poistettu.',
    sv: 'Den här kommentaren har redan tagits bort.',
  },
  {
    en: 'You cannot flag your own comment; edit or delete it instead.',
    fi: 'Et voi ilmoittaa omaa kommenttiasi asiattomaksi. Voit muokata tai poistaa sen.',
    sv: 'Du kan inte anmäla din egen kommentar som olämplig. Du kan redigera eller ta bort den.',
  },
  {
    en: 'This comment is no longer shown.',
    fi: 'Tätä kommenttia ei enää näytetä.',
    sv: 'Den här kommentaren visas inte längre.',
  },
  {
    en: 'This comment is already hidden.',
    fi: 'Tämä kommentti on jo piilotettu.',
    sv: 'Den här kommentaren är redan dold.',
  },
  {
    en: 'This comment is not hidden.',
    fi: 'Tätä kommenttia ei ole piilotettu.',
    sv: 'Den här kommentaren är inte dold.',
  },
  {
    en: 'This thread is already resolved.',
    fi: 'Tämä keskustelu on jo merkitty ratkaistuksi.',
    sv: 'Den här diskussionen är redan markerad som löst.',
  },
  {
    en: 'This thread is already open.',
    fi: 'Tämä keskustelu on jo avoinna.',
    sv: 'Den här diskussionen är redan öppen.',
  },
  {
    en: 'No such comment thread.',
    fi: 'Keskustelua ei löydy.',
    sv: 'Diskussionen hittades inte.',
  },
  {
    en: 'No such comment.',
    fi: 'Kommenttia ei löydy.',
    sv: 'Kommentaren hittades inte.',
  },
  {
    en: 'Only an official of the municipality or an admin hides or restores comments.',
    fi: 'Vain kunnan valmistelija tai pääkäyttäjä voi piilottaa kommentteja tai palauttaa niitä näkyviin.',
    sv: 'Bara kommunens beredare eller en administratör kan dölja kommentarer eller visa dem igen.',
  },
  {
    en: 'This comment was changed meanwhile (now version {current}, you edited version {edited}). Reload to see it.',
    fi: 'Tätä kommenttia on muutettu välillä (nyt versio {current}, muokkasit versiota {edited}). Lataa sivu uudelleen, niin näet sen.',
    sv: 'Kommentaren har ändrats under tiden (nu version {current}, du redigerade version {edited}). Ladda om sidan för att se den.',
  },
  {
    en: 'This thread was changed meanwhile (now version {current}, you saw version {seen}). Reload to see it.',
    fi: 'Tätä keskustelua on muutettu välillä (nyt versio {current}, näit version {seen}). Lataa sivu uudelleen, niin näet sen.',
    sv: 'Diskussionen har ändrats under tiden (nu version {current}, du såg version {seen}). Ladda om sidan för att se den.',
  },

  // Whether a youth council's statement still stands after the assessment changed (section-changes.service.ts).
  {
    en: 'Only a consulted youth council answers whether its statement still stands.',
    fi: 'Vain nuorisovaltuusto, jolta on pyydetty lausuntoa, voi vastata, onko sen lausunto yhä voimassa.',
    sv: 'Bara ett ungdomsfullmäktige som har ombetts om ett utlåtande kan svara på om dess utlåtande fortfarande gäller.',
  },
  {
    en: 'The assessment changed meanwhile (now version {current}, you looked at version {seen}). Reload and look again.',
    fi: 'Arviointia on muutettu välillä (nyt versio {current}, katsoit versiota {seen}). Lataa sivu uudelleen ja katso muutokset uudestaan.',
    sv: 'Bedömningen har ändrats under tiden (nu version {current}, du tittade på version {seen}). Ladda om sidan och titta igen.',
  },

  // Field texts of the comment requests (dto/comment.dto.ts).
  {
    en: 'must be a list of user ids',
    fi: 'pitää olla luettelo käyttäjien tunnisteista',
    sv: 'måste vara en lista med användar-id:n',
  },
  {
    en: 'must name at most {max} people',
    fi: 'saa mainita enintään {max} henkilöä',
    sv: 'får nämna högst {max} personer',
  },
  {
    en: 'must not name a person twice',
    fi: 'ei saa mainita samaa henkilöä kahdesti',
    sv: 'får inte nämna samma person två gånger',
  },
  {
    en: 'must be user ids',
    fi: 'pitää olla käyttäjien tunnisteita',
    sv: 'måste vara användar-id:n',
  },
  {
    en: 'must be a field name',
    fi: 'pitää olla kentän nimi',
    sv: 'måste vara ett fältnamn',
  },
  {
    en: 'must be a field name of at most 100 characters',
    fi: 'pitää olla enintään 100 merkin pituinen kentän nimi',
    sv: 'måste vara ett fältnamn på högst 100 tecken',
  },
  {
    en: 'must be 0 or more',
    fi: 'pitää olla 0 tai suurempi',
    sv: 'måste vara 0 eller större',
  },
  {
    en: 'must be 1 or more',
    fi: 'pitää olla 1 tai suurempi',
    sv: 'måste vara 1 eller större',
  },
  {
    en: 'must be a section of the assessment ({sections})',
    fi: 'pitää olla jokin arvioinnin osioista ({sections})',
    sv: 'måste vara ett av bedömningens avsnitt ({sections})',
  },
  {
    en: 'must be a youth council id',
    fi: 'pitää olla nuorisovaltuuston tunniste',
    sv: 'måste vara ett ungdomsfullmäktiges id',
  },
  {
    en: 'must be a comment id',
    fi: 'pitää olla kommentin tunniste',
    sv: 'måste vara en kommentars id',
  },
  {
    en: 'must be the assessment version you loaded',
    fi: 'pitää olla arvioinnin versio, jonka avasit',
    sv: 'måste vara den version av bedömningen som du öppnade',
  },
  // Posting too fast (comment-rate-limit.ts).
  {
    en: 'You have posted many comments in a short time. Wait 1 minute and try again; your text is kept.',
    fi: 'Olet lähettänyt lyhyessä ajassa monta kommenttia. Odota minuutti ja yritä uudelleen; tekstisi on tallessa.',
    sv: 'Du har skickat många kommentarer på kort tid. Vänta en minut och försök igen; din text finns kvar.',
  },
  {
    en: 'You have posted many comments in a short time. Wait {minutes} minutes and try again; your text is kept.',
    fi: 'Olet lähettänyt lyhyessä ajassa monta kommenttia. Odota {minutes} minuuttia ja yritä uudelleen; tekstisi on tallessa.',
    sv: 'Du har skickat många kommentarer på kort tid. Vänta {minutes} minuter och försök igen; din text finns kvar.',
  },
  {
    en: 'You have mentioned many people in a short time, and each of them gets a message. Wait 1 minute, or post without the mentions.',
    fi: 'Olet maininnut lyhyessä ajassa monta ihmistä, ja jokainen heistä saa viestin. Odota minuutti tai lähetä ilman mainintoja.',
    sv: 'Du har nämnt många personer på kort tid, och var och en av dem får ett meddelande. Vänta en minut eller skicka utan omnämnanden.',
  },
  {
    en: 'You have mentioned many people in a short time, and each of them gets a message. Wait {minutes} minutes, or post without the mentions.',
    fi: 'Olet maininnut lyhyessä ajassa monta ihmistä, ja jokainen heistä saa viestin. Odota {minutes} minuuttia tai lähetä ilman mainintoja.',
    sv: 'Du har nämnt många personer på kort tid, och var och en av dem får ett meddelande. Vänta {minutes} minuter eller skicka utan omnämnanden.',
  },
];
