import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import {
  DAILY_DIGEST_SCHEDULER,
  DEFAULT_JOB_OPTIONS,
  type DeliverNotificationJob,
  type FireScheduledEventJob,
  JOBS,
  QUEUES,
  RETENTION_SCHEDULER,
  type SendDigestJob,
  SESSION_CLEANUP_SCHEDULER,
} from '@lava/contracts';
import { type Job, type Queue, Worker } from 'bullmq';
import { LavaConfig } from '../app/config/lava-config';
import { RetentionService } from '../app/privacy/retention.service';
import { ScheduledEventFiring } from './scheduled-event-firing';
import { redisConnection } from '../app/queue/redis-connection';
import { DeliveryBatches } from './delivery-batches';
import { NotificationDelivery } from './notification-delivery';
import { SessionCleanup } from './session-cleanup';

/**
 * The notifications queue's consumer. A BullMQ Worker made here rather than with @Processor, so its
 * concurrency and lock duration come from the configuration. The queue delivers at least once (a job
 * whose worker died is handed out again once its lock expires); NotificationDelivery makes each row
 * appear at most once, whichever worker gets it.
 */
@Injectable()
export class NotificationsWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NotificationsWorker.name);
  private worker?: Worker;

  constructor(
    @InjectQueue(QUEUES.notifications) private readonly queue: Queue,
    private readonly delivery: NotificationDelivery,
    private readonly batches: DeliveryBatches,
    private readonly scheduled: ScheduledEventFiring,
    private readonly sessions: SessionCleanup,
    private readonly retention: RetentionService,
    @Inject(LavaConfig) private readonly config: LavaConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.worker = new Worker(QUEUES.notifications, (job) => this.process(job), {
      connection: redisConnection(this.config.REDIS_URL, 'worker'),
      prefix: this.config.QUEUE_PREFIX,
      concurrency: this.config.WORKER_CONCURRENCY,
      lockDuration: this.config.QUEUE_LOCK_DURATION_MS,
      stalledInterval: this.config.QUEUE_LOCK_DURATION_MS,
      // Processing is idempotent, so a job that was in flight when its worker died may run again.
      maxStalledCount: 10,
    });
    this.worker.on('error', (error) => this.logger.warn(`Notifications worker: ${error.message}`));
    this.worker.on('failed', (job, error) => {
      if (job && (job.attemptsMade >= (job.opts.attempts ?? 1) || error.name === 'UnrecoverableError')) {
        this.logger.warn(`Job ${job.name} ${job.id} failed for good: ${error.message}`);
      }
    });
    // Every worker upserts the same scheduler: one repeatable job, whatever the number of workers.
    await this.queue
      .upsertJobScheduler(
        DAILY_DIGEST_SCHEDULER,
        { pattern: this.config.DIGEST_CRON, tz: this.config.DIGEST_TIMEZONE },
        { name: JOBS.dailyDigest, data: {}, opts: { removeOnComplete: 30, removeOnFail: 100 } },
      )
      .catch((error: Error) => this.logger.warn(`Could not schedule the daily digest yet: ${error.message}`));
    await this.queue
      .upsertJobScheduler(
        SESSION_CLEANUP_SCHEDULER,
        { pattern: '30 3 * * *', tz: 'Europe/Helsinki' },
        { name: JOBS.cleanUpSessions, data: {}, opts: { removeOnComplete: 30, removeOnFail: 100 } },
      )
      .catch((error: Error) => this.logger.warn(`Could not schedule the session clean-up yet: ${error.message}`));
    await this.queue
      .upsertJobScheduler(
        RETENTION_SCHEDULER,
        { pattern: '45 3 * * *', tz: 'Europe/Helsinki' },
        { name: JOBS.applyRetention, data: {}, opts: { removeOnComplete: 30, removeOnFail: 100 } },
      )
      .catch((error: Error) => this.logger.warn(`Could not schedule the retention job yet: ${error.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  async process(job: Job): Promise<string | number> {
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    switch (job.name) {
      case JOBS.deliverNotification:
        return this.batches.deliver((job.data as DeliverNotificationJob).notificationId, finalAttempt);
      case JOBS.fireScheduledEvent:
        return this.scheduled.fire((job.data as FireScheduledEventJob).scheduledEventId);
      case JOBS.sendDigest:
        return this.delivery.sendDigest((job.data as SendDigestJob).userId, finalAttempt);
      case JOBS.cleanUpSessions:
        return this.sessions.run();
      case JOBS.applyRetention: {
        const run = await this.retention.run();
        return run.pseudonymized + run.notificationsDeleted;
      }
      case JOBS.dailyDigest: {
        const userIds = await this.delivery.usersWithDigestWaiting();
        await this.queue.addBulk(
          userIds.map((userId) => ({
            name: JOBS.sendDigest,
            data: { userId } satisfies SendDigestJob,
            // One digest job per person per run, however often this run is retried.
            opts: { ...DEFAULT_JOB_OPTIONS, jobId: `digest-${userId}-${job.timestamp}` },
          })),
        );
        return userIds.length;
      }
      default:
        throw new Error(`Unknown job ${job.name}`);
    }
  }
}
