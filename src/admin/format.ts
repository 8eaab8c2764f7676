/**
 * How the console writes times and small values: Asia/Shanghai, 24-hour, Chinese order.
 */

const TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/**
 * A time as the office reads it.
 *
 * ```ts
 * formatTime(new Date('2026-11-29T02:05:00Z')); // '2026/11/29 10:05'
 * ```
 */
export function formatTime(at: Date | null | undefined): string {
  return at ? TIME.format(at) : '';
}

/** A positive integer from a query or form value, or null. */
export function positiveInt(value: string | null | undefined): number | null {
  if (!value || !/^\d{1,9}$/.test(value)) return null;
  const n = Number(value);
  return n > 0 ? n : null;
}

/** Pretty-print an audit row's JSON (or the text itself when it is not JSON). */
export function prettyJson(text: string | null): string {
  if (text === null) return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 1);
  } catch {
    return text;
  }
}
