import { InjectQueue } from '@nestjs/bullmq';
import { Inject, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { QUEUES } from '@lava/contracts';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { LavaConfig } from '../config/lava-config';
import { QueueModule } from '../queue/queue.module';
import { AdminNotificationsController } from './admin-notifications.controller';
import { AdminNotificationsService } from './admin-notifications.service';
import { NotificationOutbox } from './notification-outbox.service';
import { NotificationPreferencesController } from './notification-preferences.controller';
import { NotificationsController } from './notifications.controller';
import { NotificationEvents } from './notification-events';
import { NotificationsStreamController } from './notifications-stream.controller';
import { NotificationsService } from './notifications.service';
import { boardGuard, createQueueBoard, QUEUE_BOARD_ROUTE } from './queue-board';

@Module({
  imports: [QueueModule.register('producer')],
  controllers: [NotificationsController, NotificationsStreamController, NotificationPreferencesController, AdminNotificationsController],
  providers: [NotificationsService, NotificationOutbox, AdminNotificationsService, NotificationEvents],
  exports: [NotificationOutbox, NotificationEvents],
})
export class NotificationsModule implements NestModule {
  constructor(
    @InjectQueue(QUEUES.notifications) private readonly queue: Queue,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(LavaConfig) private readonly config: LavaConfig,
  ) {}

  /** The queue dashboard (see queue-board.ts): its own cookie check, then Bull Board's router. */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(boardGuard(this.config, this.db), createQueueBoard([this.queue])).forRoutes(QUEUE_BOARD_ROUTE);
  }
}
