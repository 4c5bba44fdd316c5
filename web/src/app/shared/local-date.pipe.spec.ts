import { LocalDatePipe } from './local-date.pipe';

describe('LocalDatePipe', () => {
  const pipe = new LocalDatePipe();

  it('shows a time in Finnish time, whatever the browser’s time zone', () => {
    expect(pipe.transform('2026-12-15T14:00:00.000Z', 'fi-FI', 'datetime')).toContain('16.00');
    expect(pipe.transform('2027-06-01T13:00:00.000Z', 'en-GB', 'datetime')).toContain('16:00');
  });

  it('shows a calendar date as it is, never shifted a day', () => {
    expect(pipe.transform('2026-12-01', 'fi-FI')).toBe('1.12.2026');
  });
});
