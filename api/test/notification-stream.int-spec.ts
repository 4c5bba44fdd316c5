import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AppModule } from '../src/app/app.module';
import { configureApp } from '../src/app/configure-app';
import { signStreamTicket } from '../src/app/notifications/notification-events';
import { NotificationOutbox } from '../src/app/notifications/notification-outbox.service';
import { createMunicipality, createUser } from './support/factories';
import { startTestEnvironment, type TestEnvironment } from './support/test-app';

/** Reads a server-sent event stream as it arrives; `next(name)` waits for the next event of that name. */
class EventReader {
  private buffer = '';
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();

  constructor(response: Response) {
    if (!response.body) throw new Error('no body');
    this.reader = response.body.getReader();
  }

  async next(name: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        if (block.split('\n').includes(`event: ${name}`)) return;
        continue;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no "${name}" event within ${timeoutMs} ms`);
      const chunk = await Promise.race([
        this.reader.read(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no "${name}" event within ${timeoutMs} ms`)), left)),
      ]);
      if (chunk.done) throw new Error(`the stream ended before a "${name}" event`);
      this.buffer += this.decoder.decode(chunk.value, { stream: true });
    }
  }

  /** True when nothing but heartbeats arrives for `ms`. */
  async quietFor(ms: number): Promise<boolean> {
    try {
      await this.next('notifications', ms);
      return false;
    } catch {
      return true;
    }
  }

  cancel(): Promise<void> {
    return this.reader.cancel().catch(() => undefined);
  }
}

describe('the bell’s server-sent events, through Redis to every API replica', () => {
  let env: TestEnvironment;
  let second: INestApplication;
  let secondUrl: string;
  let secondClosed = false;

  beforeAll(async () => {
    env = await startTestEnvironment();
    // A second API replica on the same database and Redis (another process in production).
    const moduleRef = await Test.createTestingModule({ imports: [AppModule.register(env.config)] }).compile();
    second = moduleRef.createNestApplication({ logger: ['error'] });
    configureApp(second, env.config);
    await second.listen(0, '127.0.0.1');
    secondUrl = await second.getUrl();
  });

  afterAll(async () => {
    if (!secondClosed) await second?.close();
    await env?.close();
  });

  async function ticketFor(token: string): Promise<string> {
    const response = await env.http().post('/api/notifications/stream-ticket').set('Authorization', `Bearer ${token}`).expect(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const expiresIn = new Date(response.body.expiresAt).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(50_000);
    expect(expiresIn).toBeLessThanOrEqual(60_000);
    return response.body.ticket as string;
  }

  async function openStream(ticket: string): Promise<EventReader> {
    const response = await fetch(`${secondUrl}/api/notifications/stream?ticket=${encodeURIComponent(ticket)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = new EventReader(response);
    await reader.next('ready');
    return reader;
  }

  it('tells a tab connected to another replica when the worker delivers a notification and when another tab reads it', async () => {
    const { municipality } = await createMunicipality(env.db, 'Kotka');
    const official = await createUser(env.db, 'official', municipality);
    const colleague = await createUser(env.db, 'official', municipality);
    const token = await env.login(official.email);
    // Ticket from replica one, stream from replica two: they share only the secret and Redis.
    const stream = await openStream(await ticketFor(token));
    const colleagues = await openStream(await ticketFor(await env.login(colleague.email)));
    await env.startWorker();

    const [{ id }]: { id: string }[] = await env.db.query(
      `INSERT INTO notifications (recipient_user_id, kind, params) VALUES ($1, 'comment_added', '{}') RETURNING id`,
      [official.id],
    );
    await env.app.get(NotificationOutbox).publish([id]);
    await stream.next('notifications');
    const list = await env.http().get('/api/notifications').set('Authorization', `Bearer ${token}`).expect(200);
    expect(list.body.unreadCount).toBe(1);

    // Read in another tab (through replica one): this tab's bell hears of it too.
    await env.http().post(`/api/notifications/${id}/read`).set('Authorization', `Bearer ${token}`).expect(204);
    await stream.next('notifications');
    // Nobody else's stream hears of it.
    expect(await colleagues.quietFor(1000)).toBe(true);
    await Promise.all([stream.cancel(), colleagues.cancel()]);
  });

  it('refuses a stream without a valid ticket, or for a person deactivated since, with a 401 in the person’s language', async () => {
    const { municipality } = await createMunicipality(env.db, 'Kouvola');
    const official = await createUser(env.db, 'official', municipality);
    await env.http().post('/api/notifications/stream-ticket').expect(401);

    const refused = async (query: string) => {
      const response = await fetch(`${secondUrl}/api/notifications/stream${query}`, { headers: { 'Accept-Language': 'fi' } });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ message: 'Ilmoitusvirta tarvitsee uuden lipun.' });
    };
    await refused('');
    await refused('?ticket=not-a-ticket');
    const future = new Date(Date.now() + 60_000);
    await refused(`?ticket=${signStreamTicket({ JWT_SECRET: 'not the server secret at all, 32+ chars' }, official.id, future)}`);
    await refused(`?ticket=${signStreamTicket(env.config, official.id, new Date(Date.now() - 1000))}`);
    // Someone else's id under a valid signature of another payload.
    const signature = signStreamTicket(env.config, official.id, future).split('.')[1];
    const other = Buffer.from(JSON.stringify({ sub: '00000000-0000-4000-8000-000000000000', exp: future.getTime() })).toString('base64url');
    await refused(`?ticket=${other}.${signature}`);

    const ticket = await ticketFor(await env.login(official.email));
    await env.db.query(`UPDATE users SET active = false WHERE id = $1`, [official.id]);
    await refused(`?ticket=${encodeURIComponent(ticket)}`);
  });

  it('ends its streams with a "reconnect" event when the replica stops, so stopping does not wait for them', async () => {
    const { municipality } = await createMunicipality(env.db, 'Hamina');
    const official = await createUser(env.db, 'official', municipality);
    const stream = await openStream(await ticketFor(await env.login(official.email)));
    const started = Date.now();
    secondClosed = true;
    const closing = second.close();
    await stream.next('reconnect', 5000);
    await closing;
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
