import { Injectable, OnModuleInit } from '@nestjs/common';
import { finnishInstant } from '@lava/workflow';
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
    // 08:00 in Finland on the follow-up date (the decision validated the date).
    const dueAt = finnishInstant(assessment.followUpDate, '08:00');
    if (!dueAt) return cancelled;
    const added = await this.events.add(tx, [
      { kind: 'follow_up_due', subjectId: assessment.id, dueAt, params: { followUpDate: assessment.followUpDate } },
    ]);
    return [...cancelled, ...added];
  }
}
