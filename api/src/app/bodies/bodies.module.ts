import { Module } from '@nestjs/common';
import { AdminModule } from '../admin/admin.module';
import { ConsultationsModule } from '../consultations/consultations.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { BodyContactsController } from './body-contacts.controller';
import { StatementLinksController } from './statement-links.controller';
import { StatementLinks } from './statement-links.service';

/** Bodies heard besides youth councils: their e-mail-only contacts and the one-time statement links (issue 13). */
@Module({
  imports: [AdminModule, ConsultationsModule, NotificationsModule],
  controllers: [BodyContactsController, StatementLinksController],
  providers: [StatementLinks],
})
export class BodiesModule {}
