import { canonicalJson, jsonDifferences, sha256Hex } from './canonical-json';

describe('canonical JSON of a signed snapshot', () => {
  it('sorts keys at every depth, drops undefined members and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 'ä', c: null }, true], e: undefined })).toBe('{"a":[{"c":null,"d":"ä"},true],"b":1}');
  });

  it('gives the same hash whatever order the keys were built in', () => {
    expect(sha256Hex(canonicalJson({ x: 1, y: { p: 'q', o: 2 } }))).toBe(sha256Hex(canonicalJson({ y: { o: 2, p: 'q' }, x: 1 })));
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('names each path that differs', () => {
    expect(jsonDifferences({ a: { b: 'signed', c: 1 }, l: [1, 2] }, { a: { b: 'changed', c: 1 }, l: [1] })).toEqual([
      { path: 'a.b', signed: 'signed', now: 'changed' },
      { path: 'l[1]', signed: 2, now: null },
    ]);
    expect(jsonDifferences({ same: [1] }, { same: [1] })).toEqual([]);
  });

  it('refuses values JSON cannot carry exactly', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow();
  });
});
