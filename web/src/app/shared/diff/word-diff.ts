export type DiffPart = { readonly kind: 'same' | 'added' | 'removed'; readonly text: string };

/** Beyond this many token pairs the texts are shown as one removal and one addition. */
const MAX_CELLS = 4_000_000;

/**
 * Words with the whitespace after them (and any leading whitespace alone), so that joining the
 * tokens gives the text back and a lone space never counts as "unchanged" between two rewrites.
 */
export function tokenize(text: string): string[] {
  return text.match(/^\s+|\S+\s*/g) ?? [];
}

/**
 * A word-level diff of two texts (longest common subsequence of words and whitespace): the parts
 * in reading order, adjacent parts of a kind merged. Joining the `same` and `removed` parts gives
 * `from`; joining the `same` and `added` parts gives `to`.
 */
export function wordDiff(from: string, to: string): DiffPart[] {
  const a = tokenize(from);
  const b = tokenize(to);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last?.kind === kind) parts[parts.length - 1] = { kind, text: last.text + text };
    else parts.push({ kind, text });
  };
  push('same', a.slice(0, start).join(''));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > MAX_CELLS) {
    push('removed', midA.join(''));
    push('added', midB.join(''));
  } else {
    for (const [kind, token] of lcsDiff(midA, midB)) push(kind, token);
  }
  push('same', a.slice(endA).join(''));
  return parts;
}

function lcsDiff(a: string[], b: string[]): [DiffPart['kind'], string][] {
  const n = a.length;
  const m = b.length;
  // lengths[i][j]: LCS length of a[i..] and b[j..].
  const lengths = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i][j] = a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
    }
  }
  const out: [DiffPart['kind'], string][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push(['same', a[i]]);
      i++;
      j++;
    } else if (lengths[i + 1][j] >= lengths[i][j + 1]) {
      out.push(['removed', a[i++]]);
    } else {
      out.push(['added', b[j++]]);
    }
  }
  while (i < n) out.push(['removed', a[i++]]);
  while (j < m) out.push(['added', b[j++]]);
  return out;
}
