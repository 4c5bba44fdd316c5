import type { AssessmentFacts } from './facts';
import { refusal, type Refusal } from './refusals';
import type { WorkflowActor } from './roles';
import { isImmutable, type Stage } from './stages';
import { getTransition, isWorkflowAction, transitionsFrom, type ActorRule, type Transition, type WorkflowAction } from './transitions';

/** What the actor supplies with the action. */
export interface TransitionInput {
  /** Free text; required (non-blank) where the transition says `requiresReason`. */
  readonly reason?: string | null;
  /** The actor confirmed signing in their own name (actions that sign: `signs`). */
  readonly signatureConfirmed?: boolean;
}

export type TransitionCheck =
  | { readonly ok: true; readonly action: WorkflowAction; readonly from: Stage; readonly to: Stage }
  | { readonly ok: false; readonly action: string; readonly reasons: readonly Refusal[] };

export interface AvailableAction {
  readonly action: WorkflowAction;
  readonly to: Stage;
  readonly allowed: boolean;
  /** Every reason it is refused now, role first; empty when allowed. */
  readonly reasons: readonly Refusal[];
  /** The UI asks for a reason before sending the action. */
  readonly requiresReason: boolean;
  /** The action signs (the screening result): the UI asks the actor to confirm signing in their name. */
  readonly signs: 'screening' | null;
}

export interface Permission {
  readonly allowed: boolean;
  readonly reasons: readonly Refusal[];
}

function identityRefusals(rule: ActorRule, facts: AssessmentFacts, actor: WorkflowActor): Refusal[] {
  switch (rule) {
    case 'responsible_official':
      return actor.userId === facts.responsibleOfficialId ? [] : [refusal('not_responsible_official')];
    case 'assigned_reviewer':
      return [
        ...(facts.assignedReviewerIds.includes(actor.userId) ? [] : [refusal('reviewer_not_assigned')]),
        ...(actor.userId === facts.responsibleOfficialId ? [refusal('reviewer_is_responsible_official')] : []),
      ];
    case 'role_holder':
      return [];
  }
}

/** Who may act: the role, then (only for a holder of the role) which holder. */
function actorRefusals(transition: Transition, facts: AssessmentFacts, actor: WorkflowActor): Refusal[] {
  if (!transition.roles.some((role) => actor.roles.includes(role))) {
    return [refusal('role_not_allowed', { allowedRoles: transition.roles.join(',') })];
  }
  return identityRefusals(transition.actor, facts, actor);
}

/** Where the assessment is: in the transition's stage, or elsewhere (final, or simply another stage). */
function stageRefusals(transition: Transition, stage: Stage): Refusal[] {
  if (transition.from === stage) return [];
  return isImmutable(stage) ? [refusal('stage_is_final', { stage })] : [refusal('wrong_stage', { stage, expectedStage: transition.from })];
}

/**
 * Everything that stands in the way of a transition, role first. Guards are checked only when the
 * assessment is in the transition's stage (elsewhere they would not mean anything); the reason
 * only when `input` is given (availableActions asks before the user has typed one).
 */
function refusalsFor(transition: Transition, facts: AssessmentFacts, actor: WorkflowActor, now: Date, input?: TransitionInput): Refusal[] {
  const reasons = [...actorRefusals(transition, facts, actor), ...stageRefusals(transition, facts.stage)];
  if (transition.from !== facts.stage) return reasons;
  reasons.push(...transition.guards.flatMap((guard) => guard(facts, now)));
  if (input !== undefined && transition.requiresReason && (input.reason ?? '').trim() === '') {
    reasons.push(refusal('reason_required'));
  }
  if (input !== undefined && transition.signs !== undefined && input.signatureConfirmed !== true) {
    reasons.push(refusal('signature_not_confirmed'));
  }
  return reasons;
}

/**
 * May this actor take this action on this assessment now? The API calls this before every stage
 * change and refuses with the reasons when it is not ok. A missing reason is refused where one is required.
 * `action` is a string because it comes from a request; an unknown one is refused with `unknown_action`.
 */
export function checkTransition(
  action: string,
  facts: AssessmentFacts,
  actor: WorkflowActor,
  now: Date,
  input: TransitionInput = {},
): TransitionCheck {
  if (!isWorkflowAction(action)) {
    return { ok: false, action, reasons: [refusal('unknown_action', { action })] };
  }
  const transition = getTransition(action);
  const reasons = refusalsFor(transition, facts, actor, now, input);
  return reasons.length === 0 ? { ok: true, action, from: transition.from, to: transition.to } : { ok: false, action, reasons };
}

/**
 * Every action out of the current stage, allowed or not, with the reasons for the refused ones:
 * the web shows the allowed ones and explains the others. Empty in `closed`.
 */
export function availableActions(facts: AssessmentFacts, actor: WorkflowActor, now: Date): readonly AvailableAction[] {
  return transitionsFrom(facts.stage).map((transition) => {
    const reasons = refusalsFor(transition, facts, actor, now);
    return {
      action: transition.action,
      to: transition.to,
      allowed: reasons.length === 0,
      reasons,
      requiresReason: transition.requiresReason,
      signs: transition.signs ?? null,
    };
  });
}

/**
 * May this actor edit the assessment's content (its sections, screening, summary) now? Only the
 * responsible official, only in screening and draft. During consultation the councils read what
 * they were sent; in review and decision what is reviewed and decided must stand still; once
 * decided, nobody edits. Comments, statements and responses to statement points are not content.
 */
export function canEditContent(facts: AssessmentFacts, actor: WorkflowActor): Permission {
  const reasons: Refusal[] = actor.roles.includes('official')
    ? identityRefusals('responsible_official', facts, actor)
    : [refusal('role_not_allowed', { allowedRoles: 'official' })];
  if (isImmutable(facts.stage)) {
    reasons.push(refusal('stage_is_final', { stage: facts.stage }));
  } else if (facts.stage !== 'screening' && facts.stage !== 'draft') {
    reasons.push(refusal('content_read_only', { stage: facts.stage }));
  }
  return { allowed: reasons.length === 0, reasons };
}

/**
 * May this actor write the ex-post evaluation (jälkiarviointi) now? The record is immutable once
 * decided, except for this one part: the responsible official writes it during the follow-up.
 */
export function canWriteEvaluation(facts: AssessmentFacts, actor: WorkflowActor): Permission {
  const reasons: Refusal[] = actor.roles.includes('official')
    ? identityRefusals('responsible_official', facts, actor)
    : [refusal('role_not_allowed', { allowedRoles: 'official' })];
  if (facts.stage !== 'follow_up') reasons.push(refusal('wrong_stage', { stage: facts.stage, expectedStage: 'follow_up' }));
  return { allowed: reasons.length === 0, reasons };
}
