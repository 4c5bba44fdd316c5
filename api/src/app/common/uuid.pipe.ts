import { BadRequestException, ParseUUIDPipe } from '@nestjs/common';

/** What an :id path parameter names, and the whole sentence when it is not a UUID (one catalogued sentence each). */
const NOT_A_UUID = {
  assessment: 'The assessment id must be a UUID.',
  comment: 'The comment id must be a UUID.',
  contact: 'The contact id must be a UUID.',
  consultation: 'The consultation id must be a UUID.',
  notification: 'The notification id must be a UUID.',
  organization: 'The organization id must be a UUID.',
  point: 'The point id must be a UUID.',
  reviewer: 'The reviewer id must be a UUID.',
  thread: 'The thread id must be a UUID.',
  user: 'The user id must be a UUID.',
} as const;

export type IdParameter = keyof typeof NOT_A_UUID;

/** Validates an :id path parameter, answering 400 with a readable message. */
export function uuidPipe(what: IdParameter): ParseUUIDPipe {
  return new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException(NOT_A_UUID[what]) });
}
