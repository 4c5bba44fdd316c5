import { Queue } from 'bullmq';
import { QUEUES } from '@lava/contracts';
import { NotificationOutbox } from '../src/app/notifications/notification-outbox.service';
import { TEST_REDIS_URL } from './support/databases';
import { createMunicipality, createUser } from './support/factories';
import { startTestEnvironment, type TestEnvironment } from './support/test-app';

const DAY = 24 * 3600 * 1000;

/** `NotificationOutbox.run`: one transaction, rows written through `out`, published after commit and only then (no worker runs here). */
describe('outbox unit of work', () => {
  let env: TestEnvironment;
  let queue: Queue;
  let outbox: NotificationOutbox;
  let recipients: string[];
  const subjectId = '00000000-0000-4000-8000-000000000018';

  beforeEach(async () => {
    env = await startTestEnvironment();
    queue = new Queue(QUEUES.notifications, { connection: { url: TEST_REDIS_URL }, prefix: env.config.QUEUE_PREFIX });
    outbox = env.app.get(NotificationOutbox);
    const { municipality } = await createMunicipality(env.db, 'Loviisa');
    recipients = [(await createUser(env.db, 'official', municipality)).id, (await createUser(env.db, 'reviewer', municipality)).id];
  });

  afterEach(async () => {
    await queue?.close();
    await env?.close();
  });

  const drafts = () =>
    recipients.map((recipientUserId) => ({
      recipientUserId,
      kind: 'password_reset' as const,
      assessmentId: null,
      params: {},
    }));
  const reminder = (dueAt: Date) => ({
    kind: 'consultation_deadline_reminder' as const,
    subjectId,
    dueAt,
    params: { deadline: dueAt.toISOString(), daysLeft: '7' },
  });
  const jobCounts = () => queue.getJobCounts('waiting', 'delayed', 'prioritized', 'active', 'completed', 'failed');

  it('publishes nothing, and keeps no row, when the work throws', async () => {
    let written: string[] = [];
    await expect(
      outbox.run(async (tx, out) => {
        written = [...(await out.notify(drafts())), ...(await out.schedule([reminder(new Date(Date.now() + 10 * DAY))]))];
        await tx.query(`UPDATE users SET display_name = 'changed' WHERE id = $1`, [recipients[0]]);
        throw new Error('refused halfway');
      }),
    ).rejects.toThrow('refused halfway');

    expect(written).toHaveLength(3);
    expect((await env.db.query(`SELECT id FROM notifications WHERE id = ANY($1)`, [written])).length).toBe(0);
    expect((await env.db.query(`SELECT id FROM scheduled_events WHERE id = ANY($1)`, [written])).length).toBe(0);
    expect((await env.db.query(`SELECT display_name FROM users WHERE id = $1`, [recipients[0]]))[0].display_name).not.toBe('changed');
    for (const id of written) expect(await queue.getJob(id)).toBeUndefined();
    expect(Object.values(await jobCounts()).every((count) => count === 0)).toBe(true);
  });

  it('publishes each notification and scheduled event once, after commit, and removes the job of an event it cancelled', async () => {
    // An earlier event of the subject, committed and queued as a delayed job.
    const earlier = await outbox.run((_tx, out) => out.schedule([reminder(new Date(Date.now() + 9 * DAY))]));
    expect((await queue.getJob(earlier[0] ?? ''))?.id).toBe(earlier[0]);

    const seenDuringWork: (string | undefined)[] = [];
    const result = await outbox.run(async (_tx, out) => {
      const notified = await out.notify(drafts());
      const cancelled = await out.cancelScheduled(subjectId, ['consultation_deadline_reminder']);
      const scheduled = await out.schedule([reminder(new Date(Date.now() + 10 * DAY))]);
      // Nothing reaches the queue before the transaction commits.
      for (const id of [...notified, ...scheduled]) seenDuringWork.push((await queue.getJob(id))?.id);
      return { notified, cancelled, scheduled };
    });

    expect(seenDuringWork).toEqual([undefined, undefined, undefined]);
    expect(result.cancelled).toEqual(earlier);
    expect(result.notified).toHaveLength(2);
    for (const id of result.notified) expect(await (await queue.getJob(id))?.getState()).toBe('waiting');
    expect(await (await queue.getJob(result.scheduled[0] ?? ''))?.getState()).toBe('delayed');
    expect(await queue.getJob(earlier[0] ?? '')).toBeUndefined();
    // Once each: two deliveries waiting, one delayed event (the cancelled one's job is gone).
    expect(await jobCounts()).toMatchObject({ waiting: 2, delayed: 1 });
    const rows: { enqueued_at: Date | null }[] = await env.db.query(`SELECT enqueued_at FROM notifications WHERE id = ANY($1)`, [
      result.notified,
    ]);
    expect(rows.every((row) => row.enqueued_at !== null)).toBe(true);
    const events: { id: string; status: string }[] = await env.db.query(
      `SELECT id, status FROM scheduled_events WHERE subject_id = $1 ORDER BY due_at`,
      [subjectId],
    );
    expect(events).toEqual([
      { id: earlier[0], status: 'cancelled' },
      { id: result.scheduled[0], status: 'pending' },
    ]);
  });

  it('publishes nothing for a unit that wrote nothing, and answers the work’s value', async () => {
    expect(await outbox.run(async () => 'done')).toBe('done');
    expect(Object.values(await jobCounts()).every((count) => count === 0)).toBe(true);
  });
});
