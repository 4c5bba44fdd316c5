import { computed, type Signal } from '@angular/core';

/**
 * Which assessment, in which stage: changes on a transition or on another assessment, not on every
 * autosave (which only moves the version). The side panels reload on it.
 */
export function assessmentPlace(assessment: Signal<{ id: string; stage: string }>): Signal<{ id: string; stage: string }> {
  return computed(
    () => {
      const { id, stage } = assessment();
      return { id, stage };
    },
    { equal: (a, b) => a.id === b.id && a.stage === b.stage },
  );
}
