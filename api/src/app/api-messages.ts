import { ADMIN_MESSAGES } from './admin/admin.messages';
import { ASSESSMENTS_MESSAGES } from './assessments/assessments.messages';
import { AUTH_MESSAGES } from './auth/auth.messages';
import { BODIES_MESSAGES } from './bodies/bodies.messages';
import { CALENDAR_MESSAGES } from './calendar/calendar.messages';
import { DASHBOARD_MESSAGES } from './dashboard/dashboard.messages';
import { COMMENTS_MESSAGES } from './comments/comments.messages';
import { CONSULTATIONS_MESSAGES } from './consultations/consultations.messages';
import { INVITATIONS_MESSAGES } from './invitations/invitations.messages';
import { NOTIFICATIONS_MESSAGES } from './notifications/notifications.messages';
import { PRIVACY_MESSAGES } from './privacy/privacy.messages';
import { PUBLICATION_MESSAGES } from './publication/publication.messages';
import { REVIEW_DECISION_MESSAGES } from './review-decision/review-decision.messages';
import { SURVEYS_MESSAGES } from './surveys/surveys.messages';
import { USERS_MESSAGES } from './users/users.messages';
import { COMMON_MESSAGES, COMMON_WORDS } from './common/messages/common.messages';
import { MessageTranslator } from './common/messages/message-translation';

/** Every message the API sends to a person, per feature; the error filter translates through it. */
export const API_MESSAGE_CATALOGUE = [
  ...COMMON_MESSAGES,
  ...ADMIN_MESSAGES,
  ...ASSESSMENTS_MESSAGES,
  ...AUTH_MESSAGES,
  ...COMMENTS_MESSAGES,
  ...CONSULTATIONS_MESSAGES,
  ...INVITATIONS_MESSAGES,
  ...NOTIFICATIONS_MESSAGES,
  ...PRIVACY_MESSAGES,
  ...PUBLICATION_MESSAGES,
  ...REVIEW_DECISION_MESSAGES,
  ...USERS_MESSAGES,
  ...CALENDAR_MESSAGES,
  ...SURVEYS_MESSAGES,
  ...DASHBOARD_MESSAGES,
  ...BODIES_MESSAGES,
];

export const API_MESSAGES = new MessageTranslator(API_MESSAGE_CATALOGUE, COMMON_WORDS);
