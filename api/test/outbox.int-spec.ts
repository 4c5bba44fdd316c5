import { Queue } from 'bullmq';
import { DEFAULT_JOB_OPTIONS, QUEUES } from '@lava/contracts';
import { createMunicipality, createUser } from './support/factories';
import { TEST_REDIS_URL } from './support/databases';
import { eventually, startTestEnvironment, type TestEnvironment } from './support/test-app';

describe('transactional outbox', () => {
  let env: TestEnvironment;

  afterEach(() => env?.close());

  it('keeps the assessment and its notifications when the API cannot reach Redis; the worker’s relay delivers them later', async () => {
    // The API's queue points at a port where nothing listens; the worker gets the real Redis.
    env = await startTestEnvironment({ REDIS_URL: 'redis://127.0.0.1:6390' });
    const { municipality, education } = await createMunicipality(env.db, 'Hamina');
    const official = await createUser(env.db, 'official', municipality);
    const token = await env.login(official.email);

    const started = Date.now();
    const response = await env
      .http()
      .post('/api/assessments')
      .set('Authorization', `Bearer ${token}`)
      .send({ title: 'Offline queue', committeeId: education.id })
      .expect(201);
    expect(Date.now() - started).toBeLessThan(10_000);

    const [pending] = await env.db.query(`SELECT id, enqueued_at, delivered_at FROM notifications WHERE assessment_id = $1`, [
      response.body.id,
    ]);
    expect(pending).toMatchObject({ enqueued_at: null, delivered_at: null });

    await env.startWorker({ REDIS_URL: TEST_REDIS_URL });
    await eventually(async () => {
      const [row] = await env.db.query(`SELECT enqueued_at, delivered_at FROM notifications WHERE id = $1`, [pending.id]);
      return row.enqueued_at && row.delivered_at;
    });
  });

  it('delivers a notification once even when its job is added twice and two workers run', async () => {
    env = await startTestEnvironment();
    const { municipality, education } = await createMunicipality(env.db, 'Pyhtää');
    const official = await createUser(env.db, 'official', municipality);
    const token = await env.login(official.email);
    const response = await env
      .http()
      .post('/api/assessments')
      .set('Authorization', `Bearer ${token}`)
      .send({ title: 'Twice queued', committeeId: education.id })
      .expect(201);
    const [{ id }] = await env.db.query(`SELECT id FROM notifications WHERE assessment_id = $1`, [response.body.id]);

    const queue = new Queue(QUEUES.notifications, {
      connection: { url: TEST_REDIS_URL },
      prefix: env.config.QUEUE_PREFIX,
      defaultJobOptions: DEFAULT_JOB_OPTIONS,
    });
    try {
      // Same job id as the API used: BullMQ ignores the duplicate.
      await queue.add('deliver-notification', { notificationId: id }, { jobId: id });
      await env.startWorker();
      await env.startWorker();
      await eventually(async () => (await env.db.query(`SELECT delivered_at FROM notifications WHERE id = $1`, [id]))[0].delivered_at);
      // A re-added job (e.g. after its completed record expired) finds the row delivered and changes nothing.
      await queue.add('deliver-notification', { notificationId: id }, { jobId: `${id}-again` });
      await eventually(async () => (await queue.getJobCounts('completed')).completed === 2);
      const [row] = await env.db.query(`SELECT attempts FROM notifications WHERE id = $1`, [id]);
      expect(row.attempts).toBe(1);
    } finally {
      await queue.close();
    }
  });
});
