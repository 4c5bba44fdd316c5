import { createHash } from 'node:crypto';

/**
 * Canonical JSON of a signed snapshot (see docs/publication.md): object keys sorted by UTF-16 code
 * units, no whitespace, strings and numbers as JSON.stringify writes them, `undefined` members left
 * out, and nothing else (no dates: snapshots carry ISO strings). For the data we sign (strings,
 * integers, booleans, null, arrays, objects) this is RFC 8785 (JCS).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('canonicalJson: numbers must be finite');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new Error(`canonicalJson: cannot sign a ${typeof value}`);
}

export function sha256Hex(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Where two JSON values differ, as paths (`a.b[2].c`) with both sides; empty when equal. */
export function jsonDifferences(signed: unknown, now: unknown, path = ''): { path: string; signed: unknown; now: unknown }[] {
  if (canonicalJson(signed ?? null) === canonicalJson(now ?? null)) return [];
  if (Array.isArray(signed) && Array.isArray(now)) {
    const out: { path: string; signed: unknown; now: unknown }[] = [];
    for (let i = 0; i < Math.max(signed.length, now.length); i++) out.push(...jsonDifferences(signed[i], now[i], `${path}[${i}]`));
    return out;
  }
  if (isObject(signed) && isObject(now)) {
    const keys = [...new Set([...Object.keys(signed), ...Object.keys(now)])].sort();
    return keys.flatMap((key) => jsonDifferences(signed[key], now[key], path ? `${path}.${key}` : key));
  }
  return [{ path: path || '(whole)', signed: signed ?? null, now: now ?? null }];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
