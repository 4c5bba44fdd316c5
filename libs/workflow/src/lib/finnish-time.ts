import { WORKFLOW_TIME_ZONE } from './guards';

// Made on first use, not when the module loads: a browser's first date formatter loads its locale and
// time-zone data (30-90 ms measured in Chromium), and every page loads this module, the sign-in page too.
let wallClock: Intl.DateTimeFormat | undefined;
const finnishClock = () =>
  (wallClock ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: WORKFLOW_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }));

/** The date and time (`YYYY-MM-DD HH:MM`) an instant shows on a clock in Finland. */
export function finnishWallTime(instant: Date): string {
  const p = Object.fromEntries(
    finnishClock()
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${p['year']}-${p['month']}-${p['day']} ${p['hour']}:${p['minute']}`;
}

/**
 * The instant a clock in Finland shows `date` (YYYY-MM-DD) at `time` (HH:MM), whatever the time zone
 * of the browser or server asking: deadlines are set and read in Finnish time. On the autumn night the
 * clock shows 03:00–03:59 twice, the first (summer time) is meant; a time skipped in spring
 * (03:00–03:59) is read as an hour later, as the clock would show it. Null for a date or time that does
 * not exist.
 */
export function finnishInstant(date: string, time: string): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number);
  if (hour > 23 || minute > 59) return null;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  if (new Date(asUtc).getUTCDate() !== day || new Date(asUtc).getUTCMonth() !== month - 1) return null;
  // Finland is UTC+3 in summer and UTC+2 in winter: the offset whose clock reading matches is the one.
  for (const offsetHours of [3, 2]) {
    const instant = new Date(asUtc - offsetHours * 3_600_000);
    if (finnishWallTime(instant) === `${date} ${time}`) return instant;
  }
  return new Date(asUtc - 2 * 3_600_000);
}
