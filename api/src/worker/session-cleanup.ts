import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/**
 * Deletes refresh-token rows that expired more than `KEEP_EXPIRED_DAYS` ago. An expired token is
 * refused anyway; the rows only grow the table (every sign-in and every refresh writes one). They are
 * kept a week past expiry so that "signed in from where, when" questions can still be answered.
 * Deletes in batches so that a large backlog never holds long locks.
 */
export const KEEP_EXPIRED_DAYS = 7;
const BATCH = 5_000;

@Injectable()
export class SessionCleanup {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Returns how many rows were deleted. */
  async run(): Promise<number> {
    let deleted = 0;
    for (;;) {
      const [, count]: [unknown[], number] = await this.db.query(
        `DELETE FROM refresh_tokens WHERE id IN (
           SELECT id FROM refresh_tokens WHERE expires_at < now() - make_interval(days => $1) LIMIT $2)`,
        [KEEP_EXPIRED_DAYS, BATCH],
      );
      deleted += count;
      if (count < BATCH) return deleted;
    }
  }
}
