import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { signUserToken, verifyUserToken } from '../common/signed-token';
import { LavaConfig } from '../config/lava-config';

/**
 * "Someone's notifications changed" across processes: the worker (a notification shown in-app) and any
 * API replica (one marked read) publish the person's id on a Redis channel; every API replica
 * subscribes once and passes it to the event streams it holds for that person (the bell's
 * server-sent events, notifications-stream.controller.ts). The message carries no content: the browser
 * reads its notifications as before, so nothing is shown that the list would not show.
 */
@Injectable()
export class NotificationEvents implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(NotificationEvents.name);
  private publisher: Redis | null = null;
  private subscriber: Redis | null = null;
  private readonly listeners = new Map<string, Set<() => void>>();
  /** Ends each open stream: called before the HTTP server closes, which would otherwise wait for them. */
  private readonly enders = new Set<() => void>();
  private subscribed: Promise<unknown> = Promise.resolve();

  constructor(@Inject(LavaConfig) private readonly config: LavaConfig) {}

  get channel(): string {
    return `${this.config.QUEUE_PREFIX}:notifications:changed`;
  }

  /** Tells every replica's streams of this person to reload; never fails the caller (polling catches up). */
  async publish(userId: string): Promise<void> {
    this.publisher ??= this.client('publisher');
    await this.publisher.publish(this.channel, userId).catch((error: unknown) => {
      this.logger.warn(`Could not publish a notification event: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  /** Calls `listener` whenever this person's notifications change; returns the function that stops it. */
  listen(userId: string, listener: () => void): () => void {
    this.ensureSubscribed();
    let set = this.listeners.get(userId);
    if (!set) this.listeners.set(userId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(userId) === set) this.listeners.delete(userId);
    };
  }

  /** Resolves once this replica receives what is published (for tests and a ready stream). */
  async ready(): Promise<void> {
    this.ensureSubscribed();
    await this.subscribed;
  }

  /** How many streams this replica holds (for the tests). */
  get streamCount(): number {
    let count = 0;
    for (const set of this.listeners.values()) count += set.size;
    return count;
  }

  /** Registers how to end a stream when the API stops; returns the function that forgets it. */
  onShutdown(end: () => void): () => void {
    this.enders.add(end);
    return () => this.enders.delete(end);
  }

  private ensureSubscribed(): void {
    if (this.subscriber) return;
    // Subscribing blocks a connection, so it has its own; ioredis reconnects and subscribes again.
    const subscriber = this.client('subscriber');
    this.subscriber = subscriber;
    subscriber.on('message', (_channel: string, userId: string) => {
      for (const listener of this.listeners.get(userId) ?? []) listener();
    });
    this.subscribed = subscriber.subscribe(this.channel).catch((error: unknown) => {
      this.logger.warn(`Could not subscribe to notification events: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  private client(role: 'publisher' | 'subscriber'): Redis {
    const client = new Redis(this.config.REDIS_URL, {
      connectionName: `lava-notification-${role}`,
      maxRetriesPerRequest: role === 'publisher' ? 1 : null,
      connectTimeout: 3000,
    });
    client.on('error', () => undefined);
    return client;
  }

  beforeApplicationShutdown(): void {
    for (const end of [...this.enders]) end();
  }

  async onApplicationShutdown(): Promise<void> {
    this.publisher?.disconnect();
    this.subscriber?.disconnect();
  }
}

/** A stream ticket's lifetime: long enough to open the stream, too short to be worth stealing from a log. */
export const STREAM_TICKET_MS = 60_000;
const STREAM_TICKET_PURPOSE = 'lava-notification-stream-ticket';

/**
 * EventSource cannot send the bearer token, so the browser first asks (with its token) for a ticket:
 * the person's id and an expiry, signed by the server, put in the stream's URL.
 */
export function signStreamTicket(config: Pick<LavaConfig, 'JWT_SECRET'>, userId: string, expiresAt: Date): string {
  return signUserToken(config, STREAM_TICKET_PURPOSE, userId, expiresAt);
}

/** The user id of a valid, unexpired ticket; null otherwise. */
export function verifyStreamTicket(config: Pick<LavaConfig, 'JWT_SECRET'>, value: string | undefined, now = Date.now()): string | null {
  return verifyUserToken(config, STREAM_TICKET_PURPOSE, value, now);
}
