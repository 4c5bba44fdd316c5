import { Injectable, OnModuleInit } from '@nestjs/common';
import { AssessmentExtensions, type TransitionContext } from '../assessments/assessment-extensions';
import { ScheduledEvents } from './scheduled-events.service';

/**
 * When an assessment is decided with a follow-up date, schedules `follow_up_due` at 08:00 Finnish
 * time on that date (replacing an earlier one). The ids go back to the record service, which
 * publishes them after commit with the transition's notifications.
 */
@Injectable()
export class FollowUpSchedule implements OnModuleInit {
  constructor(
    private readonly extensions: AssessmentExtensions,
    private readonly events: ScheduledEvents,
  ) {}

  onModuleInit(): void {
    this.extensions.register({ afterTransition: (context) => this.afterTransition(context) });
  }

  async afterTransition({ tx, assessment, to }: TransitionContext): Promise<string[]> {
    if (to !== 'decided' || !assessment.followUpDate) return [];
    const cancelled = await this.events.cancelPending(tx, assessment.id, ['follow_up_due']);
    const [{ due_at }]: { due_at: Date }[] = await tx.query(`SELECT (($1::date + time '08:00') AT TIME ZONE 'Europe/Helsinki') AS due_at`, [
      assessment.followUpDate,
    ]);
    const added = await this.events.add(tx, [
      { kind: 'follow_up_due', subjectId: assessment.id, dueAt: due_at, params: { followUpDate: assessment.followUpDate } },
    ]);
    return [...cancelled, ...added];
  }
}
