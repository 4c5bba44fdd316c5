import { inputProblems, MAX_DEPTH, numberProblem, textProblem } from './input-safety';
import { API_MESSAGES } from '../api-messages';

describe('input safety', () => {
  it('finds NUL and lone surrogates, but takes whole surrogate pairs, emoji and other control characters', () => {
    expect(textProblem('a\u0000b')).toBe('must not contain the NUL character (U+0000)');
    expect(textProblem('a\ud800b')).toBe('contains a broken character (a lone UTF-16 surrogate)');
    expect(textProblem('a\udc00')).toBe('contains a broken character (a lone UTF-16 surrogate)');
    expect(textProblem('\ud83d\ude00 👩‍👩‍👧 tab\tvertical\u000bform\u000c')).toBeNull();
  });

  it('bounds numbers by PostgreSQL integer', () => {
    expect(numberProblem(2147483647)).toBeNull();
    expect(numberProblem(-2147483648)).toBeNull();
    expect(numberProblem(2147483648)).toBe('must be at most 2147483647');
    expect(numberProblem(-Infinity)).toBe('must be at least -2147483648');
    expect(numberProblem(NaN)).toBe('must be a number');
  });

  it('names each problem by its dotted path, field names included', () => {
    const body = JSON.parse('{"a":{"b":["ok","x\\u0000"]},"__proto__":{},"n":1e20,"k\\u0000":1}');
    expect(inputProblems(body, { numbers: true }).sort((x, y) => (x.field < y.field ? -1 : 1))).toEqual([
      { field: '(a field name)', messages: ['must not contain the NUL character (U+0000)'] },
      { field: '__proto__', messages: ['is not allowed as a field name'] },
      { field: 'a.b.1', messages: ['must not contain the NUL character (U+0000)'] },
      { field: 'n', messages: ['must be at most 2147483647'] },
    ]);
    expect(inputProblems({ n: 1e20 }, { numbers: false })).toEqual([]);
  });

  it('stops at the depth limit without recursing (100,000 levels)', () => {
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000));
    const problems = inputProblems({ deep }, { numbers: true });
    expect(problems).toEqual([
      { field: 'deep' + '.0'.repeat(MAX_DEPTH - 1), messages: [`is nested too deeply (at most ${MAX_DEPTH} levels)`] },
    ]);
  });

  it('has every message in Finnish and Swedish', () => {
    for (const message of [
      textProblem('\u0000'),
      textProblem('\ud800'),
      numberProblem(1e20),
      numberProblem(-1e20),
      `is nested too deeply (at most ${MAX_DEPTH} levels)`,
      'is not allowed as a field name',
    ]) {
      expect(API_MESSAGES.translate(message as string, 'fi')).not.toBe(message);
      expect(API_MESSAGES.translate(message as string, 'sv')).not.toBe(message);
    }
  });
});
