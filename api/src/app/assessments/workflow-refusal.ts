import { BadRequestException, ConflictException, ForbiddenException, type HttpException } from '@nestjs/common';
import type { Refusal } from '@lava/workflow';

/** Refusals about who is acting: the caller may see the assessment but not do this. */
const ACTOR_CODES = new Set(['role_not_allowed', 'not_responsible_official', 'reviewer_not_assigned', 'reviewer_is_responsible_official']);
/**
 * Refusals about the request itself. A summary missing in a council's language is one: the official
 * supplies it (as a reason), it does not wait for anything else to happen.
 */
const REQUEST_CODES = new Set(['unknown_action', 'reason_required', 'plain_language_summary_language_missing', 'signature_not_confirmed']);

/**
 * The HTTP answer for a workflow refusal, carrying every reason: 403 when the caller may not act,
 * 400 when the request is incomplete, 409 when the assessment's state does not allow it now.
 */
export function workflowRefusal(refusals: readonly Refusal[]): HttpException {
  const body = { message: refusals.map((r) => r.message).join(' '), refusals };
  if (refusals.some((r) => ACTOR_CODES.has(r.code))) return new ForbiddenException(body);
  if (refusals.every((r) => REQUEST_CODES.has(r.code))) return new BadRequestException(body);
  return new ConflictException(body);
}
