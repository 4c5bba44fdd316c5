import { BadRequestException, ParseUUIDPipe } from '@nestjs/common';

/** Validates an :id path parameter, answering 400 with a readable message. */
export function uuidPipe(what: string): ParseUUIDPipe {
  return new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException(`The ${what} id must be a UUID.`) });
}
