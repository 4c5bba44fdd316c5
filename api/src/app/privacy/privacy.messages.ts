import type { MessageTranslation } from '../common/messages/message-translation';

/** The privacy feature's API messages in Finnish and Swedish (see app/api-messages.ts). */
export const PRIVACY_MESSAGES: readonly MessageTranslation[] = [
  {
    en: 'You cannot erase your own account; ask another admin.',
    fi: 'Et voi poistaa omia tietojasi itse; pyydä toista pääkäyttäjää.',
    sv: 'Du kan inte radera ditt eget konto; be en annan administratör.',
  },
  {
    en: 'This person also belongs to organizations outside yours; an admin of all of them can erase them.',
    fi: 'Henkilö kuuluu myös muihin kuin sinun organisaatioihisi; hänen tietonsa voi poistaa pääkäyttäjä, jonka vastuulla ovat ne kaikki.',
    sv: 'Personen hör också till organisationer utanför dina; en administratör för dem alla kan radera personen.',
  },
];
