import type { MessageTranslation } from '../common/messages/message-translation';

/** The notifications feature's API messages in Finnish and Swedish (see app/api-messages.ts). */
export const NOTIFICATIONS_MESSAGES: readonly MessageTranslation[] = [
  {
    en: 'No such notification.',
    fi: 'Ilmoitusta ei löydy.',
    sv: 'Aviseringen hittades inte.',
  },
  {
    en: 'No such failed notification.',
    fi: 'Epäonnistunutta ilmoitusta ei löydy.',
    sv: 'Den misslyckade aviseringen hittades inte.',
  },
  {
    en: 'The notification stream needs a new ticket.',
    fi: 'Ilmoitusvirta tarvitsee uuden lipun.',
    sv: 'Aviseringsflödet behöver en ny biljett.',
  },
  {
    en: 'The queue dashboard is only for administrators of a whole region: it shows every municipality’s jobs.',
    fi: 'Jonojen koontinäkymä on vain koko alueen ylläpitäjille: se näyttää kaikkien kuntien työt.',
    sv: 'Köernas översikt är bara för administratörer för hela regionen: den visar alla kommuners jobb.',
  },
];
