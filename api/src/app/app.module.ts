import { DynamicModule, Module } from '@nestjs/common';
import { AdminModule } from './admin/admin.module';
import { AssessmentsModule } from './assessments/assessments.module';
import { BodiesModule } from './bodies/bodies.module';
import { AuditModule } from './audit/audit.module';
import { CommentsModule } from './comments/comments.module';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { ConsultationsModule } from './consultations/consultations.module';
import { LavaConfigModule } from './config/config.module';
import type { LavaConfig } from './config/lava-config';
import { DatabaseModule } from './database/database.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { DemoController } from './demo/demo.controller';
import { HealthModule } from './health/health.module';
import { InvitationsModule } from './invitations/invitations.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { PrivacyModule } from './privacy/privacy.module';
import { PublicationModule } from './publication/publication.module';
import { RedisClientModule } from './queue/redis-client.module';
import { ReviewDecisionModule } from './review-decision/review-decision.module';
import { SchedulingModule } from './scheduling/scheduling.module';
import { UsersModule } from './users/users.module';
import { SurveysModule } from './surveys/surveys.module';

/** The HTTP API. Queue processors are not here: they live in the worker process (WorkerModule). */
@Module({})
export class AppModule {
  static register(config: LavaConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LavaConfigModule.forRoot(config),
        DatabaseModule,
        RedisClientModule,
        AuditModule,
        AuthModule,
        OrganizationsModule,
        UsersModule,
        AdminModule,
        AssessmentsModule,
        ReviewDecisionModule,
        ConsultationsModule,
        BodiesModule,
        CommentsModule,
        NotificationsModule,
        SchedulingModule,
        InvitationsModule,
        PrivacyModule,
        HealthModule,
        PublicationModule,
        CalendarModule,
        SurveysModule,
        DashboardModule,
      ],
      controllers: [DemoController],
    };
  }
}
