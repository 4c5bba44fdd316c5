import type { MessageTranslation } from '../common/messages/message-translation';

/** The calendar feed's API messages in Finnish and Swedish (see app/api-messages.ts). */
export const CALENDAR_MESSAGES: readonly MessageTranslation[] = [
  {
    en: 'No calendar feed at this address: it may have been replaced or turned off.',
    fi: 'Tässä osoitteessa ei ole kalenteria: se on ehkä vaihdettu tai poistettu käytöstä.',
    sv: 'Det finns ingen kalender på den här adressen: den kan ha bytts ut eller stängts av.',
  },
];
