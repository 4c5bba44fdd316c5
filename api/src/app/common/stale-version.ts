import { ConflictException } from '@nestjs/common';
import type { ApiError } from '@lava/contracts';

/** What a stale-version 409 carries besides the text (ApiError.conflict): `changes` optional, plus anything the client needs to redraw (e.g. the current round). */
export type StaleConflict = Omit<NonNullable<ApiError['conflict']>, 'changes'> & {
  changes?: NonNullable<ApiError['conflict']>['changes'];
  readonly [extra: string]: unknown;
};

/**
 * The 409 for a save against a version someone else has changed meanwhile (optimistic locking):
 * `{ message, conflict: { currentVersion, changes? … } }`. Every stale-version answer is built here,
 * so the web's conflict handling has one shape to read.
 */
export function staleVersion(message: string, conflict: StaleConflict): ConflictException {
  return new ConflictException({ message, conflict });
}
