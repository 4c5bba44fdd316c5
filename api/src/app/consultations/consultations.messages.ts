import type { MessageTranslation } from '../common/messages/message-translation';

/**
 * The consultations feature's API messages in Finnish and Swedish (see app/api-messages.ts).
 * Youth council members (13–20) get the statement messages: they are in plain words.
 */
export const CONSULTATIONS_MESSAGES: readonly MessageTranslation[] = [
  // Asking youth councils (the official's side).
  {
    en: 'Write the plain-language summary in {languages} too: a youth council asked reads it in that language.',
    fi: 'Kirjoita selkokielinen tiivistelmä myös {languages}: pyydetty nuorisovaltuusto lukee sen sillä kielellä.',
    sv: 'Skriv den lättlästa sammanfattningen även på {languages}: ett ungdomsfullmäktige som ombetts läser den på det språket.',
  },
  {
    en: 'The deadline has already passed for: {councils}. Change the deadline or remove the request first.',
    fi: 'Määräaika on jo umpeutunut: {councils}. Muuta ensin määräaikaa tai poista lausuntopyyntö.',
    sv: 'Tidsfristen har redan gått ut för: {councils}. Ändra först tidsfristen eller ta bort begäran om utlåtande.',
  },
  {
    en: 'Only municipal staff choose the youth councils to ask.',
    fi: 'Vain kunnan henkilöstö valitsee nuorisovaltuustot, joilta lausuntoa pyydetään.',
    sv: 'Bara kommunens personal väljer vilka ungdomsfullmäktige som ombeds om ett utlåtande.',
  },
  {
    en: 'Youth councils are asked while the assessment is in draft; it is now in {stage}.',
    fi: 'Nuorisovaltuustoilta pyydetään lausuntoa arvioinnin luonnosvaiheessa; arviointi on nyt vaiheessa ”{stage}”.',
    sv: 'Ungdomsfullmäktige ombeds om utlåtanden medan bedömningen är i utkastskedet; den är nu i skedet ”{stage}”.',
  },
  {
    en: '{council} is already asked in this round. Change its deadline instead.',
    fi: '{council}: lausuntoa on jo pyydetty tällä kierroksella. Muuta sen sijaan määräaikaa.',
    sv: '{council} har redan ombetts om ett utlåtande i den här omgången. Ändra tidsfristen i stället.',
  },
  {
    en: 'This request was never sent and can no longer be changed.',
    fi: 'Tätä lausuntopyyntöä ei koskaan lähetetty, eikä sitä voi enää muuttaa.',
    sv: 'Den här begäran om utlåtande skickades aldrig och kan inte längre ändras.',
  },
  {
    en: 'This request has been sent already; withdraw it instead.',
    fi: 'Lausuntopyyntö on jo lähetetty. Voit perua sen.',
    sv: 'Begäran om utlåtande har redan skickats. Du kan återkalla den.',
  },
  {
    en: 'Planned requests are changed while the assessment is in draft.',
    fi: 'Suunniteltuja lausuntopyyntöjä voi muuttaa arvioinnin luonnosvaiheessa.',
    sv: 'Planerade begäranden om utlåtande kan ändras medan bedömningen är i utkastskedet.',
  },
  {
    en: 'This request has not been sent; remove it instead.',
    fi: 'Lausuntopyyntöä ei ole lähetetty. Voit poistaa sen.',
    sv: 'Begäran om utlåtande har inte skickats. Du kan ta bort den.',
  },
  {
    en: 'The council has already submitted its statement, so the request can no longer be withdrawn.',
    fi: 'Nuorisovaltuusto on jo lähettänyt lausuntonsa, joten lausuntopyyntöä ei voi enää perua.',
    sv: 'Ungdomsfullmäktige har redan skickat sitt utlåtande, så begäran kan inte längre återkallas.',
  },
  {
    en: 'Statement points are answered before the review starts; the assessment is now in {stage}.',
    fi: 'Lausunnon kohtiin annetaan vastine ennen tarkastuksen alkua; arviointi on nyt vaiheessa ”{stage}”.',
    sv: 'Utlåtandets punkter bemöts innan granskningen börjar; bedömningen är nu i skedet ”{stage}”.',
  },
  {
    en: 'The council has not submitted its statement, so there is nothing to answer yet.',
    fi: 'Nuorisovaltuusto ei ole lähettänyt lausuntoaan, joten vastattavaa ei vielä ole.',
    sv: 'Ungdomsfullmäktige har inte skickat sitt utlåtande, så det finns inget att bemöta ännu.',
  },
  {
    en: 'No such consultation.',
    fi: 'Lausuntopyyntöä ei löydy.',
    sv: 'Begäran om utlåtande hittades inte.',
  },
  {
    en: 'Only the official responsible for this assessment can do this.',
    fi: 'Vain arvioinnista vastaava valmistelija voi tehdä tämän.',
    sv: 'Bara den beredare som ansvarar för bedömningen kan göra detta.',
  },
  {
    en: 'Someone changed this request (now version {current}) after you loaded version {loaded}. Reload and try again.',
    fi: 'Joku muutti tätä lausuntopyyntöä (nyt versio {current}) sen jälkeen, kun avasit version {loaded}. Lataa sivu uudelleen ja yritä uudestaan.',
    sv: 'Någon ändrade den här begäran om utlåtande (nu version {current}) efter att du öppnade version {loaded}. Ladda om sidan och försök igen.',
  },

  // The youth council's statement (young people read these).
  {
    en: 'A statement can have at most {max} points. Combine some points first.',
    fi: 'Lausunnossa voi olla enintään {max} kohtaa. Yhdistä ensin joitakin kohtia.',
    sv: 'Ett utlåtande kan ha högst {max} punkter. Slå först ihop några punkter.',
  },
  {
    en: "Only the council's chair or secretary records the adoption. Ask them to record the meeting date.",
    fi: 'Vain nuorisovaltuuston puheenjohtaja tai sihteeri merkitsee lausunnon hyväksytyksi. Pyydä heitä merkitsemään kokouksen päivä.',
    sv: 'Bara ungdomsfullmäktiges ordförande eller sekreterare antecknar att utlåtandet har godkänts. Be dem anteckna mötets datum.',
  },
  {
    en: 'Write at least one point before the council adopts the statement.',
    fi: 'Kirjoita vähintään yksi kohta, ennen kuin nuorisovaltuusto hyväksyy lausunnon.',
    sv: 'Skriv minst en punkt innan ungdomsfullmäktige godkänner utlåtandet.',
  },
  {
    en: 'The statement has no points yet.',
    fi: 'Lausunnossa ei ole vielä yhtään kohtaa.',
    sv: 'Utlåtandet har inga punkter ännu.',
  },
  {
    en: 'Record the date of the meeting where the council adopted the statement first.',
    fi: 'Merkitse ensin sen kokouksen päivä, jossa nuorisovaltuusto hyväksyi lausunnon.',
    sv: 'Anteckna först datumet för det möte där ungdomsfullmäktige godkände utlåtandet.',
  },
  {
    en: 'The statement has not been submitted, so there is nothing to withdraw.',
    fi: 'Lausuntoa ei ole lähetetty, joten sitä ei voi ottaa takaisin.',
    sv: 'Utlåtandet har inte skickats, så det finns inget att ta tillbaka.',
  },
  {
    en: 'This request has not been sent to the council yet.',
    fi: 'Tätä lausuntopyyntöä ei ole vielä lähetetty nuorisovaltuustolle.',
    sv: 'Den här begäran om utlåtande har inte skickats till ungdomsfullmäktige ännu.',
  },
  {
    en: 'The statement has been submitted. Withdraw it first if you want to change it.',
    fi: 'Lausunto on jo lähetetty. Jos haluat muuttaa sitä, ota se ensin takaisin muokattavaksi.',
    sv: 'Utlåtandet har redan skickats. Ta tillbaka det först om du vill ändra det.',
  },
  {
    en: 'This request has been withdrawn.',
    fi: 'Tämä lausuntopyyntö on peruttu.',
    sv: 'Den här begäran om utlåtande har återkallats.',
  },
  {
    en: 'This consultation has closed.',
    fi: 'Tämä kuuleminen on päättynyt.',
    sv: 'Det här hörandet har avslutats.',
  },
  {
    en: 'The official withdrew this request, so the statement can no longer be changed.',
    fi: 'Valmistelija perui lausuntopyynnön, joten lausuntoa ei voi enää muuttaa.',
    sv: 'Beredaren återkallade begäran om utlåtande, så utlåtandet kan inte längre ändras.',
  },
  {
    en: 'The consultation has closed, so the statement can no longer be changed or submitted.',
    fi: 'Kuuleminen on päättynyt, joten lausuntoa ei voi enää muuttaa eikä lähettää.',
    sv: 'Hörandet har avslutats, så utlåtandet kan inte längre ändras eller skickas.',
  },
  {
    en: 'The deadline ({deadline} Finnish time) has passed, so the statement can no longer be changed or submitted. The official can extend the deadline.',
    fi: 'Määräaika ({deadline} Suomen aikaa) on umpeutunut, joten lausuntoa ei voi enää muuttaa eikä lähettää. Valmistelija voi pidentää määräaikaa.',
    sv: 'Tidsfristen ({deadline} finsk tid) har gått ut, så utlåtandet kan inte längre ändras eller skickas. Beredaren kan förlänga tidsfristen.',
  },
  {
    en: 'That point is not a removed point of this council’s statement.',
    fi: 'Tätä poistettua kohtaa ei löydy valtuustonne lausunnosta.',
    sv: 'Den borttagna punkten finns inte i ert utlåtande.',
  },
  {
    en: 'A removed point can be brought back for {hours} hours; this one was removed earlier.',
    fi: 'Poistetun kohdan voi palauttaa {hours} tunnin ajan. Tämä kohta poistettiin aiemmin.',
    sv: 'En borttagen punkt kan tas tillbaka i {hours} timmar. Den här punkten togs bort tidigare.',
  },
  {
    en: 'That point is not part of this council’s statement.',
    fi: 'Kohta ei kuulu tämän nuorisovaltuuston lausuntoon.',
    sv: 'Punkten hör inte till det här ungdomsfullmäktiges utlåtande.',
  },
  {
    en: 'Only members of the youth council work on its statement.',
    fi: 'Vain nuorisovaltuuston jäsenet voivat kirjoittaa sen lausuntoa.',
    sv: 'Bara ungdomsfullmäktiges medlemmar kan skriva dess utlåtande.',
  },
  {
    en: 'The statement changed after you loaded it (someone added, changed or removed a point, or recorded the adoption). Check it and try again.',
    fi: 'Lausunto on muuttunut sen jälkeen, kun avasit sen (joku lisäsi, muutti tai poisti kohdan tai merkitsi lausunnon hyväksytyksi). Tarkista lausunto ja yritä uudelleen.',
    sv: 'Utlåtandet har ändrats sedan du öppnade det (någon lade till, ändrade eller tog bort en punkt eller antecknade att det har godkänts). Kontrollera utlåtandet och försök igen.',
  },
  {
    // {by} is a person's name, or "Someone" (COMMON_WORDS).
    en: '{by} changed this point while you were editing it. Your text was not saved: compare the two and save again.',
    fi: '{by} muutti tätä kohtaa samaan aikaan, kun muokkasit sitä. Tekstiäsi ei tallennettu: vertaa tekstejä ja tallenna uudelleen.',
    sv: '{by} ändrade den här punkten medan du redigerade den. Din text sparades inte: jämför texterna och spara igen.',
  },

  // A field problem found by the service; the error filter rebuilds the summary from the translated field text.
  {
    en: 'Please check the request. {field}: {problem}.',
    fi: 'Tarkista pyyntö. {field}: {problem}.',
    sv: 'Kontrollera begäran. {field}: {problem}.',
  },
  {
    en: 'is not a youth council of this municipality or its region',
    fi: 'ei ole tämän kunnan tai sen alueen nuorisovaltuusto',
    sv: 'är inte ett ungdomsfullmäktige i den här kommunen eller dess region',
  },
  {
    en: 'cannot be changed once the request has been sent',
    fi: 'ei voi muuttaa, kun lausuntopyyntö on lähetetty',
    sv: 'kan inte ändras när begäran om utlåtande har skickats',
  },
  {
    en: 'must be later than the current deadline ({deadline} Finnish time): a deadline can only be extended',
    fi: 'pitää olla myöhemmin kuin nykyinen määräaika ({deadline} Suomen aikaa): määräaikaa voi vain pidentää',
    sv: 'måste vara senare än den nuvarande tidsfristen ({deadline} finsk tid): en tidsfrist kan bara förlängas',
  },
  {
    en: 'cannot be in the future (today is {today})',
    fi: 'ei voi olla tulevaisuudessa (tänään on {today})',
    sv: 'kan inte vara i framtiden (i dag är det {today})',
  },
  {
    en: 'cannot be before the council was asked ({asked})',
    fi: 'ei voi olla aiemmin kuin päivä, jona nuorisovaltuustolta pyydettiin lausuntoa ({asked})',
    sv: 'kan inte vara före dagen då ungdomsfullmäktige ombads om ett utlåtande ({asked})',
  },
  {
    en: 'is not a date and time',
    fi: 'ei ole päivämäärä ja kellonaika',
    sv: 'är inte ett datum och en tid',
  },
  {
    en: 'must be in the future',
    fi: 'pitää olla tulevaisuudessa',
    sv: 'måste vara i framtiden',
  },

  // Field texts of the consultation requests (consultation.dto.ts).
  {
    en: 'must be a date and time like 2027-02-15T16:00:00+02:00',
    fi: 'pitää olla päivämäärä ja kellonaika muodossa 2027-02-15T16:00:00+02:00',
    sv: 'måste vara ett datum och en tid i formen 2027-02-15T16:00:00+02:00',
  },
  {
    en: 'must be the id of a youth council',
    fi: 'pitää olla nuorisovaltuuston tunniste',
    sv: 'måste vara id:t för ett ungdomsfullmäktige',
  },
];
