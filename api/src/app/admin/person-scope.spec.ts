import { personScope as erasureScope } from './person-scope';

describe('personScope (erasure, deactivation)', () => {
  const kotka = ['kotka', 'kotka-youth', 'kotka-education'];
  it('allows a person whose every membership is within the admin’s organizations', () => {
    expect(erasureScope(['kotka-youth'], kotka)).toBe('in_scope');
    expect(erasureScope(['kotka', 'kotka-youth'], kotka)).toBe('in_scope');
  });
  it('refuses a person who also belongs elsewhere', () => {
    expect(erasureScope(['kotka-youth', 'kouvola-youth'], kotka)).toBe('out_of_scope');
  });
  it('does not know a person with no membership within scope', () => {
    expect(erasureScope(['kouvola'], kotka)).toBe('not_found');
    expect(erasureScope([], kotka)).toBe('not_found');
    expect(erasureScope(['kotka'], [])).toBe('not_found');
  });
});
