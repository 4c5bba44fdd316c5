import { Injectable } from '@nestjs/common';
import type { AssessmentFacts, Stage, WorkflowAction } from '@lava/workflow';
import type { EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../common/authenticated-user';
import type { OutboxBatch } from '../notifications/notification-outbox.service';
import type { Assessment } from './assessment.entity';
import type { TransitionDto } from './dto/update-assessment.dto';

/** One transition being taken, inside its transaction. */
export interface TransitionContext {
  readonly tx: EntityManager;
  /** The transition's unit of work: notifications and scheduled events written here are published after commit. */
  readonly out: OutboxBatch;
  readonly user: AuthenticatedUser;
  /** The assessment, locked; in `afterTransition` already in its new stage. */
  readonly assessment: Assessment;
  readonly action: WorkflowAction;
  readonly from: Stage;
  readonly to: Stage;
  readonly reason: string | null;
  /** The whole request, with any payload a feature's transition needs (e.g. the decision). */
  readonly request: TransitionDto;
  readonly now: Date;
}

/**
 * What a feature around the assessment (review, consultation, decision, comments…) adds to it.
 * Features register themselves in `onModuleInit`, so the assessment module depends on none of them.
 */
export interface AssessmentExtension {
  /** The feature's part of the workflow facts (consultations, reviewers, checklist…). */
  facts?(db: EntityManager, assessment: Assessment): Promise<Partial<AssessmentFacts>>;
  /** True when this feature lets a user who is not municipal staff read the assessment now (e.g. a youth council during its round). */
  grantsRead?(db: EntityManager, userId: string, assessment: Assessment): Promise<boolean>;
  /**
   * For a user who is not municipal staff: the newest version this feature sent them (a youth
   * council's request), so that they may read the history up to it and no later; null when none.
   */
  sentVersion?(db: EntityManager, userId: string, assessment: Assessment): Promise<number | null>;
  /** Checks the feature's own payload for the transition before anything changes; throws a 4xx to refuse. */
  beforeTransition?(context: TransitionContext): Promise<void>;
  /** Records what the transition means for the feature, in the same transaction; notifies and schedules through `context.out`. */
  afterTransition?(context: TransitionContext): Promise<void>;
}

@Injectable()
export class AssessmentExtensions {
  private readonly extensions: AssessmentExtension[] = [];

  register(extension: AssessmentExtension): void {
    this.extensions.push(extension);
  }

  async facts(db: EntityManager, assessment: Assessment): Promise<Partial<AssessmentFacts>> {
    let facts: Partial<AssessmentFacts> = {};
    for (const extension of this.extensions) if (extension.facts) facts = { ...facts, ...(await extension.facts(db, assessment)) };
    return facts;
  }

  async grantsRead(db: EntityManager, userId: string, assessment: Assessment): Promise<boolean> {
    for (const extension of this.extensions) if (await extension.grantsRead?.(db, userId, assessment)) return true;
    return false;
  }

  async sentVersion(db: EntityManager, userId: string, assessment: Assessment): Promise<number | null> {
    let newest: number | null = null;
    for (const extension of this.extensions) {
      const sent = (await extension.sentVersion?.(db, userId, assessment)) ?? null;
      if (sent !== null && (newest === null || sent > newest)) newest = sent;
    }
    return newest;
  }

  async beforeTransition(context: TransitionContext): Promise<void> {
    for (const extension of this.extensions) await extension.beforeTransition?.(context);
  }

  async afterTransition(context: TransitionContext): Promise<void> {
    for (const extension of this.extensions) await extension.afterTransition?.(context);
  }
}
