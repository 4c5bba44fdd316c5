import { localDeadline } from './consultation.api';

describe('localDeadline', () => {
  it('reads the form’s date and time in Finnish time, whatever the browser’s time zone', () => {
    // jest runs in whatever zone the machine has; the answer must not depend on it.
    expect(localDeadline('2026-12-15', '16:00')).toBe('2026-12-15T14:00:00.000Z');
    expect(localDeadline('2027-06-01', '16:00')).toBe('2027-06-01T13:00:00.000Z');
  });

  it('answers null for an incomplete or impossible date or time', () => {
    expect(localDeadline('', '16:00')).toBeNull();
    expect(localDeadline('2026-12-15', '')).toBeNull();
    expect(localDeadline('2026-02-30', '16:00')).toBeNull();
  });
});
