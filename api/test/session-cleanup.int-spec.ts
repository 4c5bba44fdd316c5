import { getQueueToken } from '@nestjs/bullmq';
import { JOBS, QUEUES, SESSION_CLEANUP_SCHEDULER } from '@lava/contracts';
import type { Queue } from 'bullmq';
import { createMunicipality, createUser } from './support/factories';
import { eventually, startTestEnvironment, type TestEnvironment } from './support/test-app';

/** Refresh-token rows long past expiry are deleted by the worker's daily clean-up job; nothing else is. */
describe('session clean-up (real worker, real queue)', () => {
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await startTestEnvironment();
  });
  afterAll(() => env?.close());

  it('is scheduled once a day, and deletes only rows expired more than a week ago', async () => {
    const kotka = await createMunicipality(env.db, 'Kotka');
    const user = await createUser(env.db, 'official', kotka.municipality);
    await env.login(user.email); // a live session of its own: a fresh row
    const hash = (n: number) => n.toString(16).padStart(64, '0');
    await env.db.query(
      `INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at) VALUES
         ($1, gen_random_uuid(), $2, now() - interval '30 days'),
         ($1, gen_random_uuid(), $3, now() - interval '8 days'),
         ($1, gen_random_uuid(), $4, now() - interval '6 days'),
         ($1, gen_random_uuid(), $5, now() - interval '1 hour')`,
      [user.id, hash(1), hash(2), hash(3), hash(4)],
    );
    const left = async () =>
      (await env.db.query(`SELECT token_hash FROM refresh_tokens WHERE user_id = $1 ORDER BY expires_at`, [user.id])).map(
        (r: { token_hash: string }) => r.token_hash,
      ) as string[];
    expect(await left()).toHaveLength(5);

    const worker = await env.startWorker();
    const queue = worker.get<Queue>(getQueueToken(QUEUES.notifications));
    const scheduler = await eventually(() => queue.getJobScheduler(SESSION_CLEANUP_SCHEDULER));
    expect(scheduler).toMatchObject({ pattern: '30 3 * * *', tz: 'Europe/Helsinki' });

    // Run it now rather than at 03:30.
    await queue.add(JOBS.cleanUpSessions, {});
    await eventually(async () => (await left()).length === 3);
    const remaining = await left();
    expect(remaining.slice(0, 2)).toEqual([hash(3), hash(4)]);
    expect(remaining[2]).not.toMatch(/^0+[0-9]$/); // the live session's own token stays
  });
});
