import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { AssessmentExtensions } from '../assessments/assessment-extensions';
import { AssessmentsModule } from '../assessments/assessments.module';
import { QueueModule } from '../queue/queue.module';
import { PublicApiInterceptor } from './public-api.interceptor';
import { PublicController } from './public.controller';
import { PublicRegisterService } from './public-register.service';
import { PublicationController } from './publication.controller';
import { PublicationService } from './publication.service';

/** Agenda PDFs (made by the worker), signatures, the public register and its open data. */
@Module({
  imports: [AssessmentsModule, QueueModule.register('producer')],
  controllers: [PublicationController, PublicController],
  providers: [PublicationService, PublicRegisterService, PublicApiInterceptor],
})
export class PublicationModule implements OnApplicationBootstrap {
  constructor(
    private readonly extensions: AssessmentExtensions,
    private readonly publication: PublicationService,
  ) {}

  /** Registered after every feature's onModuleInit, so the decision and review rows exist when the signature reads them. */
  onApplicationBootstrap(): void {
    this.extensions.register({ afterTransition: (context) => this.publication.afterTransition(context) });
  }
}
