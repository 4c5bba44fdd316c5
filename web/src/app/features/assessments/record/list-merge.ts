/**
 * Three-way merge of a record list (alternatives, evidence, matrix rows, indicators, vulnerable
 * groups) after a stale-version 409: each item is identified by its key, so when two people changed
 * different items of one list, or one added while the other edited, both changes are kept without
 * asking. Answers null when the same item was changed differently on both sides (or changed on one
 * and removed on the other, or both sides reordered differently): then the person chooses, as for a
 * text field.
 */
export function mergeListByKey<T>(base: readonly T[], mine: readonly T[], theirs: readonly T[], key: (item: T) => string): T[] | null {
  const same = (a: T | undefined, b: T | undefined) => JSON.stringify(a) === JSON.stringify(b);
  const byKey = (items: readonly T[]) => new Map(items.map((item) => [key(item), item]));
  const [b, m, t] = [byKey(base), byKey(mine), byKey(theirs)];

  const chosen = new Map<string, T | null>(); // null: removed
  for (const id of new Set([...b.keys(), ...m.keys(), ...t.keys()])) {
    const [original, ours, other] = [b.get(id), m.get(id), t.get(id)];
    const oursChanged = !same(ours, original);
    const otherChanged = !same(other, original);
    if (oursChanged && otherChanged && !same(ours, other)) return null;
    const result = oursChanged ? ours : other;
    chosen.set(id, result ?? null);
  }

  const order = mergedOrder(base.map(key), mine.map(key), theirs.map(key), (id) => chosen.get(id) != null);
  if (!order) return null;
  return order.map((id) => chosen.get(id) as T);
}

/**
 * The order of the merged list: the side that reordered the items both still hold wins; if both
 * reordered them differently, there is no order to agree on. New items keep their place after the
 * item they followed on their own side.
 */
function mergedOrder(
  base: readonly string[],
  mine: readonly string[],
  theirs: readonly string[],
  kept: (id: string) => boolean,
): string[] | null {
  const inBase = new Set(base);
  const common = (side: readonly string[], other: readonly string[]) => {
    const present = new Set(other);
    return side.filter((id) => inBase.has(id) && present.has(id));
  };
  const baseOrder = base.filter((id) => mine.includes(id) && theirs.includes(id));
  const mineOrder = common(mine, theirs);
  const theirOrder = common(theirs, mine);
  const mineMoved = mineOrder.join() !== baseOrder.join();
  const theyMoved = theirOrder.join() !== baseOrder.join();
  if (mineMoved && theyMoved && mineOrder.join() !== theirOrder.join()) return null;

  const [skeleton, other] = mineMoved ? [mine, theirs] : [theirs, mine];
  const result = skeleton.filter(kept);
  // Items only the other side has (its new ones, or ones the skeleton's side removed but which stay).
  for (let i = 0; i < other.length; i++) {
    const id = other[i];
    if (result.includes(id) || !kept(id)) continue;
    const before = other
      .slice(0, i)
      .reverse()
      .find((previous) => result.includes(previous));
    result.splice(before === undefined ? 0 : result.indexOf(before) + 1, 0, id);
  }
  return result;
}
