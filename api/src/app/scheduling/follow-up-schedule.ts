import { Injectable, OnModuleInit } from '@nestjs/common';
import { finnishInstant } from '@lava/workflow';
import { AssessmentExtensions, type TransitionContext } from '../assessments/assessment-extensions';

/**
 * When an assessment is decided with a follow-up date, schedules `follow_up_due` at 08:00 Finnish
 * time on that date (replacing an earlier one), in the transition's unit of work (published after
 * commit with the transition's notifications).
 */
@Injectable()
export class FollowUpSchedule implements OnModuleInit {
  constructor(private readonly extensions: AssessmentExtensions) {}

  onModuleInit(): void {
    this.extensions.register({ afterTransition: (context) => this.afterTransition(context) });
  }

  async afterTransition({ out, assessment, to }: TransitionContext): Promise<void> {
    if (to !== 'decided' || !assessment.followUpDate) return;
    await out.cancelScheduled(assessment.id, ['follow_up_due']);
    // 08:00 in Finland on the follow-up date (the decision validated the date).
    const dueAt = finnishInstant(assessment.followUpDate, '08:00');
    if (!dueAt) return;
    await out.schedule([{ kind: 'follow_up_due', subjectId: assessment.id, dueAt, params: { followUpDate: assessment.followUpDate } }]);
  }
}
