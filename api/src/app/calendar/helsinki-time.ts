/**
 * Times in a calendar feed are written in Europe/Helsinki (with its VTIMEZONE), whatever the time
 * zone of the server. ical-generator writes a native Date in the server's own zone, so the feed hands
 * it Temporal-shaped values (the library's documented stubs) carrying the Helsinki wall clock.
 */
export const HELSINKI = 'Europe/Helsinki';

/**
 * Finland's zone: EET (+02:00), EEST (+03:00) from the last Sunday of March 03:00 to the last Sunday
 * of October 04:00 local time (the EU rule since 1996; Finland has kept it since 1983).
 */
export const HELSINKI_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Helsinki',
  'X-LIC-LOCATION:Europe/Helsinki',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0300',
  'TZNAME:EEST',
  'DTSTART:19700329T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0300',
  'TZOFFSETTO:+0200',
  'TZNAME:EET',
  'DTSTART:19701025T040000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/** ical-generator's VTIMEZONE generator: only Helsinki is ever asked for. */
export function helsinkiTimezone(zone: string): string | null {
  return zone === HELSINKI ? HELSINKI_VTIMEZONE : null;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const WALL_CLOCK = new Intl.DateTimeFormat('en-US', {
  timeZone: HELSINKI,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function helsinkiWallClock(instant: Date): WallClock {
  const parts = Object.fromEntries(WALL_CLOCK.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts['year']),
    month: Number(parts['month']),
    day: Number(parts['day']),
    hour: Number(parts['hour']),
    minute: Number(parts['minute']),
    second: Number(parts['second']),
  };
}

function plainDate(year: number, month: number, day: number) {
  const text = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  return {
    year,
    month,
    day,
    toJSON: () => text,
    toString: () => text,
    toPlainDateTime: () => plainDateTime({ year, month, day, hour: 0, minute: 0, second: 0 }, null),
  };
}

function plainDateTime(clock: WallClock, zoned: ReturnType<typeof helsinkiDateTime> | null) {
  const text = `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}T${pad(clock.hour)}:${pad(clock.minute)}:${pad(clock.second)}`;
  return {
    ...clock,
    toJSON: () => text,
    toString: () => text,
    toPlainDate: () => plainDate(clock.year, clock.month, clock.day),
    toZonedDateTime: (zone: string) => {
      if (zone !== HELSINKI || !zoned) throw new Error(`Only ${HELSINKI} is supported here`);
      return zoned;
    },
  };
}

/** An instant as a Temporal-like ZonedDateTime in Helsinki (what ical-generator writes with TZID=Europe/Helsinki). */
export function helsinkiDateTime(instant: Date) {
  const clock = helsinkiWallClock(instant);
  const iso = instant.toISOString();
  const zoned = {
    ...clock,
    timeZoneId: HELSINKI,
    toJSON: () => iso,
    toString: () => iso,
    toInstant: () => ({
      epochMilliseconds: instant.getTime(),
      toJSON: () => iso,
      toString: () => iso,
      toZonedDateTimeISO: (zone: string) => {
        if (zone !== HELSINKI) throw new Error(`Only ${HELSINKI} is supported here`);
        return zoned;
      },
    }),
    toPlainDateTime: () => plainDateTime(clock, zoned),
    withTimeZone: (zone: string) => {
      if (zone !== HELSINKI) throw new Error(`Only ${HELSINKI} is supported here`);
      return zoned;
    },
  };
  return zoned;
}

/** A calendar date (YYYY-MM-DD, as PostgreSQL's date comes back) as a Temporal-like PlainDate: an all-day event. */
export function calendarDate(date: string) {
  const [year, month, day] = date.split('-').map(Number);
  return plainDate(year ?? 0, month ?? 1, day ?? 1);
}
