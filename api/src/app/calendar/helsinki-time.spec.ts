import { calendarDate, helsinkiDateTime, helsinkiWallClock } from './helsinki-time';

describe('Helsinki time for calendar feeds', () => {
  it('gives the Helsinki wall clock in winter (EET, +2) and in summer (EEST, +3), whatever the server’s zone', () => {
    expect(helsinkiWallClock(new Date('2027-01-15T14:00:00Z'))).toEqual({ year: 2027, month: 1, day: 15, hour: 16, minute: 0, second: 0 });
    expect(helsinkiWallClock(new Date('2027-06-15T13:00:00Z'))).toEqual({ year: 2027, month: 6, day: 15, hour: 16, minute: 0, second: 0 });
    // Just before midnight UTC is the next day in Helsinki.
    expect(helsinkiWallClock(new Date('2027-12-31T22:30:00Z'))).toMatchObject({ year: 2028, month: 1, day: 1, hour: 0, minute: 30 });
  });

  it('shapes an instant and a date as the Temporal values ical-generator reads', () => {
    const zoned = helsinkiDateTime(new Date('2027-03-28T00:30:00Z')); // the night clocks go forward: 02:30 EET
    expect(zoned.timeZoneId).toBe('Europe/Helsinki');
    expect(zoned.toPlainDateTime()).toMatchObject({ year: 2027, month: 3, day: 28, hour: 2, minute: 30 });
    expect(zoned.toInstant().epochMilliseconds).toBe(Date.parse('2027-03-28T00:30:00Z'));
    expect(() => zoned.withTimeZone('Europe/Stockholm')).toThrow();
    expect(calendarDate('2027-05-04')).toMatchObject({ year: 2027, month: 5, day: 4 });
    expect(String(calendarDate('2027-05-04'))).toBe('2027-05-04');
  });
});
