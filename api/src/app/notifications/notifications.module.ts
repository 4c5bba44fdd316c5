import { Module } from '@nestjs/common';
import { QueueModule } from '../queue/queue.module';
import { AdminNotificationsController } from './admin-notifications.controller';
import { AdminNotificationsService } from './admin-notifications.service';
import { NotificationOutbox } from './notification-outbox.service';
import { NotificationPreferencesController } from './notification-preferences.controller';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

@Module({
  imports: [QueueModule.register('producer')],
  controllers: [NotificationsController, NotificationPreferencesController, AdminNotificationsController],
  providers: [NotificationsService, NotificationOutbox, AdminNotificationsService],
  exports: [NotificationOutbox],
})
export class NotificationsModule {}
