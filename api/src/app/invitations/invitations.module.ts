import { Module } from '@nestjs/common';
import { AdminModule } from '../admin/admin.module';
import { AuthModule } from '../auth/auth.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { AdminInvitationsController, InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';

@Module({
  imports: [AdminModule, AuthModule, NotificationsModule],
  controllers: [AdminInvitationsController, InvitationsController],
  providers: [InvitationsService],
})
export class InvitationsModule {}
