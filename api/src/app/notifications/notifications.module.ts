import { Module } from '@nestjs/common';
import { QueueModule } from '../queue/queue.module';
import { NotificationOutbox } from './notification-outbox.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

@Module({
  imports: [QueueModule.register('producer')],
  controllers: [NotificationsController],
  providers: [NotificationsService, NotificationOutbox],
  exports: [NotificationOutbox],
})
export class NotificationsModule {}
