import { finnishInstant, finnishWallTime } from './finnish-time';

describe('Finnish time', () => {
  it('reads a wall-clock time in Finland as the right instant, in winter and in summer', () => {
    expect(finnishInstant('2026-12-15', '16:00')?.toISOString()).toBe('2026-12-15T14:00:00.000Z');
    expect(finnishInstant('2027-06-01', '09:30')?.toISOString()).toBe('2027-06-01T06:30:00.000Z');
  });

  it('takes the summer-time reading of the hour the autumn night repeats, and moves a skipped spring time an hour on', () => {
    expect(finnishInstant('2026-10-25', '03:30')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(finnishInstant('2026-10-25', '04:30')?.toISOString()).toBe('2026-10-25T02:30:00.000Z');
    expect(finnishInstant('2027-03-28', '03:30')?.toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(finnishWallTime(finnishInstant('2027-03-28', '03:30') as Date)).toBe('2027-03-28 04:30');
  });

  it('refuses what is not a date and a time', () => {
    expect(finnishInstant('2026-02-30', '12:00')).toBeNull();
    expect(finnishInstant('2026-12-15', '24:00')).toBeNull();
    expect(finnishInstant('15.12.2026', '12:00')).toBeNull();
    expect(finnishInstant('2026-12-15', '9:00')).toBeNull();
  });

  it('shows an instant as a Finnish clock does', () => {
    expect(finnishWallTime(new Date('2026-12-15T22:30:00Z'))).toBe('2026-12-16 00:30');
  });
});

describe('loading the workflow', () => {
  it('makes no date formatter until one is needed (a browser’s first one loads its date data: 30–90 ms in Chromium)', async () => {
    const made = jest.spyOn(Intl, 'DateTimeFormat');
    try {
      await jest.isolateModulesAsync(async () => {
        const workflow = await import('../index');
        expect(made).not.toHaveBeenCalled();
        workflow.finnishDate(new Date('2026-06-01T12:00:00Z'));
        workflow.finnishWallTime(new Date('2026-06-01T12:00:00Z'));
        workflow.finnishDate(new Date('2026-06-02T12:00:00Z'));
        expect(made).toHaveBeenCalledTimes(2);
      });
    } finally {
      made.mockRestore();
    }
  });
});
