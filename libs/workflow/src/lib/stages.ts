/**
 * The stages an assessment moves through (see docs/domain.md).
 * The transition table, roles and guards build on this list.
 */
export const STAGES = ['screening', 'draft', 'consultation', 'review', 'decision', 'decided', 'follow_up', 'closed'] as const;

export type Stage = (typeof STAGES)[number];

/** Every assessment starts with screening: does the matter affect children at all? */
export const INITIAL_STAGE: Stage = 'screening';

/**
 * Stages whose assessment content can no longer change: once decided, the assessment is published
 * as it was decided. Follow-up adds an ex-post evaluation beside it, never edits it.
 */
export const IMMUTABLE_STAGES = ['decided', 'follow_up', 'closed'] as const satisfies readonly Stage[];

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

/** Position of a stage on the stage bar (0-based), for ordering and progress display. */
export function stageIndex(stage: Stage): number {
  return STAGES.indexOf(stage);
}

/** True when the assessment's content is frozen in this stage (decided, follow-up, closed). */
export function isImmutable(stage: Stage): boolean {
  return (IMMUTABLE_STAGES as readonly Stage[]).includes(stage);
}
