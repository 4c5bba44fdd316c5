import type { MessageTranslation } from '../common/messages/message-translation';

/**
 * The users feature's API messages in Finnish and Swedish (see app/api-messages.ts). The
 * profile's field problems ("must be text", "must be 1–100 characters long", "must be one of …")
 * are shared with other request bodies and live in COMMON_MESSAGES.
 */
export const USERS_MESSAGES: readonly MessageTranslation[] = [];
