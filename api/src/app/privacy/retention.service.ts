import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { LavaConfig } from '../config/lava-config';
import { PrivacyRepository } from './privacy.repository';

const BATCH = 500;

export interface RetentionRun {
  pseudonymized: number;
  notificationsDeleted: number;
}

/**
 * The retention limits the worker applies once a day (docs/privacy.md): former youth council members
 * are pseudonymized YOUTH_MEMBERSHIP_RETENTION_MONTHS after their membership ended, and delivered
 * notifications are deleted NOTIFICATION_RETENTION_DAYS after delivery. (Expired sessions: SessionCleanup.)
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    private readonly repository: PrivacyRepository,
    private readonly audit: AuditService,
    @Inject(LavaConfig) private readonly config: LavaConfig,
  ) {}

  async run(): Promise<RetentionRun> {
    let pseudonymized = 0;
    for (;;) {
      const due = await this.repository.formerCouncilMembersDue(this.config.YOUTH_MEMBERSHIP_RETENTION_MONTHS, BATCH);
      for (const userId of due) {
        // Each person in a transaction of their own: one failure does not undo the others.
        const done = await this.repository.transaction(async (tx) => {
          if (!(await this.repository.lockPerson(tx, userId))) return false;
          const outcome = await this.repository.erase(tx, userId);
          await this.audit.record(tx, {
            actorUserId: null,
            entityType: 'user',
            entityId: userId,
            action: 'user.pseudonymized',
            reason: `youth council membership ended more than ${this.config.YOUTH_MEMBERSHIP_RETENTION_MONTHS} months ago`,
            details: { pseudonym: outcome.pseudonymNumber, councilCommentsRemoved: outcome.councilCommentsRemoved },
          });
          return true;
        });
        if (done) pseudonymized++;
      }
      if (due.length < BATCH) break;
    }
    const notificationsDeleted = await this.repository.deleteOldNotifications(this.config.NOTIFICATION_RETENTION_DAYS, 5_000);
    if (pseudonymized + notificationsDeleted > 0) {
      this.logger.log(
        `Retention: ${pseudonymized} former council members pseudonymized, ${notificationsDeleted} old notifications deleted`,
      );
    }
    return { pseudonymized, notificationsDeleted };
  }
}
