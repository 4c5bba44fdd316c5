import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AdminModule } from '../admin/admin.module';
import { PrivacyController } from './privacy.controller';
import { PrivacyRepository } from './privacy.repository';
import { PrivacyService } from './privacy.service';
import { PseudonymInterceptor } from './pseudonym.interceptor';

/** A person's own data (download), erasure by an admin, and pseudonyms shown in the request's language. */
@Module({
  imports: [AdminModule],
  controllers: [PrivacyController],
  providers: [PrivacyRepository, PrivacyService, { provide: APP_INTERCEPTOR, useClass: PseudonymInterceptor }],
})
export class PrivacyModule {}
