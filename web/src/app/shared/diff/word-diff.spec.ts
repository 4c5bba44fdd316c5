import { tokenize, wordDiff, type DiffPart } from './word-diff';

const join = (parts: DiffPart[], keep: DiffPart['kind']) =>
  parts
    .filter((p) => p.kind === 'same' || p.kind === keep)
    .map((p) => p.text)
    .join('');

describe('wordDiff', () => {
  it('marks an inserted word and keeps the rest', () => {
    expect(wordDiff('the school is closed', 'the village school is closed')).toEqual([
      { kind: 'same', text: 'the ' },
      { kind: 'added', text: 'village ' },
      { kind: 'same', text: 'school is closed' },
    ]);
  });

  it('marks a replaced word as removed then added', () => {
    expect(wordDiff('Affects pupils aged 7', 'Affects pupils aged 13')).toEqual([
      { kind: 'same', text: 'Affects pupils aged ' },
      { kind: 'removed', text: '7' },
      { kind: 'added', text: '13' },
    ]);
  });

  it('keeps a rewritten phrase in one piece', () => {
    expect(wordDiff('grades 1–9; the trip grows.', 'grades 1–9 and for children in pre-school.')).toEqual([
      { kind: 'same', text: 'grades ' },
      { kind: 'removed', text: '1–9; the trip grows.' },
      { kind: 'added', text: '1–9 and for children in pre-school.' },
    ]);
  });

  it('handles empty texts on either side', () => {
    expect(wordDiff('', 'New text')).toEqual([{ kind: 'added', text: 'New text' }]);
    expect(wordDiff('Old text', '')).toEqual([{ kind: 'removed', text: 'Old text' }]);
    expect(wordDiff('', '')).toEqual([]);
    expect(wordDiff('same', 'same')).toEqual([{ kind: 'same', text: 'same' }]);
  });

  it('gives both texts back exactly, line breaks included', () => {
    const from = 'Line one\nLine two stays\n\nThird  line';
    const to = 'Line one changed\nLine two stays\nThird line and more';
    const parts = wordDiff(from, to);
    expect(join(parts, 'removed')).toBe(from);
    expect(join(parts, 'added')).toBe(to);
    expect(parts.some((p) => p.kind === 'same' && p.text.includes('Line two'))).toBe(true);
  });

  it('tokenizes into words and whitespace', () => {
    expect(tokenize(' a  b\nc')).toEqual([' ', 'a  ', 'b\n', 'c']);
  });
});
