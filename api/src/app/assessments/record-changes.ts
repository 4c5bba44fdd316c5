/** What a save changed, as `<field or section.field>` → { from, to }: stored in the version history and the audit log. */
export type Changes = Record<string, { from: unknown; to: unknown }>;

/** Equal as stored (JSON): arrays and objects by their content. */
export const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The change-tracking setter of a PATCH: `set(field, value, label)` writes `value` to the entity's
 * field when it was given (not undefined) and differs, recording { from, to } under `label` (the
 * field's name unless told) in `changes`.
 */
export function changeTracker<T extends object>(target: T, changes: Changes) {
  return <K extends keyof T>(field: K, value: T[K] | undefined, label: string = field as string): void => {
    if (value === undefined || same(target[field], value)) return;
    changes[label] = { from: target[field], to: value };
    target[field] = value;
  };
}
