import { DynamicModule, Module } from '@nestjs/common';
import { LavaConfigModule } from '../app/config/config.module';
import type { LavaConfig } from '../app/config/lava-config';
import { AuditModule } from '../app/audit/audit.module';
import { DatabaseModule } from '../app/database/database.module';
import { PrivacyRepository } from '../app/privacy/privacy.repository';
import { RetentionService } from '../app/privacy/retention.service';
import { NotificationEvents } from '../app/notifications/notification-events';
import { QueueModule } from '../app/queue/queue.module';
import { RedisClient } from '../app/queue/redis-client';
import { ScheduledEventFiring } from './scheduled-event-firing';
import { Mailer } from './mail/mailer';
import { DeliveryBatches } from './delivery-batches';
import { NotificationDelivery } from './notification-delivery';
import { NotificationsWorker } from './notifications-worker';
import { OutboxRelay } from './outbox-relay';
import { DocumentsWorker } from './pdf/documents-worker';
import { SessionCleanup } from './session-cleanup';
import { WorkerHeartbeat } from './worker-heartbeat';

/** The worker process: queue consumers, the outbox relay (notifications and scheduled events), scheduled-event firing, the daily clean-up and retention jobs, and the heartbeat. No HTTP. */
@Module({})
export class WorkerModule {
  static register(config: LavaConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [LavaConfigModule.forRoot(config), DatabaseModule, AuditModule, QueueModule.register('worker')],
      providers: [
        Mailer,
        NotificationDelivery,
        DeliveryBatches,
        NotificationEvents,
        NotificationsWorker,
        OutboxRelay,
        WorkerHeartbeat,
        RedisClient,
        ScheduledEventFiring,
        SessionCleanup,
        PrivacyRepository,
        RetentionService,
        DocumentsWorker,
      ],
    };
  }
}
