/**
 * Calendar arithmetic in Asia/Shanghai. China has kept UTC+8 without daylight saving since
 * 1991, so a fixed offset is exact for every date this bot handles and needs no time-zone
 * database; the server's own zone (UTC on our machines) never enters into it.
 */

/** Asia/Shanghai's offset from UTC in milliseconds. */
export const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** The offset as it appears in ISO strings. */
export const SHANGHAI_OFFSET = '+08:00';

/** Wall-clock fields of an instant in Asia/Shanghai (month 1–12). */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * The Shanghai wall clock at an instant.
 *
 * ```ts
 * shanghaiWallClock(new Date('2026-11-29T16:30:00Z')); // { year: 2026, month: 11, day: 30, hour: 0, minute: 30, second: 0 }
 * ```
 */
export function shanghaiWallClock(instant: Date): WallClock {
  const d = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * The Shanghai calendar date of an instant as `YYYY-MM-DD`.
 *
 * ```ts
 * shanghaiDate(new Date('2026-11-29T16:30:00Z')); // '2026-11-30'
 * ```
 */
export function shanghaiDate(instant: Date): string {
  const w = shanghaiWallClock(instant);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/**
 * Format a Shanghai wall-clock date and time as an ISO string with the +08:00 offset.
 *
 * ```ts
 * shanghaiIso('2026-11-30', '08:00:00'); // '2026-11-30T08:00:00+08:00'
 * ```
 */
export function shanghaiIso(date: string, time = '00:00:00'): string {
  return `${date}T${time}${SHANGHAI_OFFSET}`;
}

/**
 * The instant of a Shanghai wall-clock ISO string (with or without its offset).
 *
 * ```ts
 * instantOf('2026-11-30T00:00:00+08:00').toISOString(); // '2026-11-29T16:00:00.000Z'
 * ```
 */
export function instantOf(iso: string): Date {
  const bare = iso.replace(/(?:Z|[+-]\d{2}:\d{2})$/, '');
  return new Date(`${bare}${SHANGHAI_OFFSET}`);
}

/**
 * Add whole days to a `YYYY-MM-DD` date (calendar arithmetic, no time zone involved).
 *
 * ```ts
 * addDays('2026-12-31', 1); // '2027-01-01'
 * ```
 */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Whether year/month/day name a real calendar day (leap years included).
 *
 * ```ts
 * isCalendarDate(2024, 2, 29); // true
 * isCalendarDate(1990, 2, 30); // false
 * ```
 */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}
