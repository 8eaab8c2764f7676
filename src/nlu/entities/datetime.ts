/**
 * Dates and times in Asia/Shanghai, relative to a reference instant: 今天, 明早八点, 下周三,
 * 这周末, 十月十九号, 后天下午3点, 下个月… Recognition is Microsoft's Recognizers-Text
 * (Chinese culture); this module decides which reading to keep and writes ISO strings with
 * the +08:00 offset.
 *
 * The recognizer reads its reference date through the server's local clock fields
 * (getFullYear, getHours…), and our servers run UTC. So it is handed a Date whose local fields
 * are the Shanghai wall clock, and its answers, which are wall-clock strings, are labelled
 * +08:00 without ever being turned back into Dates. That keeps the result independent of the
 * server's zone.
 */

import { Culture, DateTimeOptions, DateTimeRecognizer } from '@microsoft/recognizers-text-date-time';
import { toHalfWidth } from './normalise.js';
import {
  addDays,
  instantOf,
  shanghaiDate,
  shanghaiIso,
  shanghaiWallClock,
} from './shanghai-time.js';

/**
 * A resolved date or time. `start`/`end` are ISO strings with the +08:00 offset; dates start at
 * midnight. A range is half-open — `end` is the first instant after it — so 这周末 on a
 * Saturday runs from Saturday 00:00 to Monday 00:00, and 下个月 ends on the 1st of the month
 * after.
 */
export interface DateTimeValue {
  kind: 'date' | 'datetime' | 'range';
  start: string;
  end?: string;
}

/** A date or time found in a text; `start`/`end` are offsets into the original text, `end` exclusive. */
export interface DateTimeMatch {
  text: string;
  start: number;
  end: number;
  value: DateTimeValue;
}

/** How to read a text's dates and times. */
export interface DateTimeReadOptions {
  /** The reference instant for 今天, 明天…; default: now. */
  now?: Date;
  /**
   * Which reading wins when a phrase is ambiguous (周三, 10月19日, 晚上7点半 with no day):
   * the next one (default; right for appointments, events, start dates) or the latest one
   * already begun (right for when something happened, as in a hazard report).
   */
  prefer?: 'future' | 'past';
}

// Cheap gate in front of the recognizer: a text without any of these cannot hold a date or time
// it would resolve, and most chat messages have none.
const DATE_HINT = new RegExp(
  [
    '[今明昨前后]天', '[今明昨][儿早晚日]', '(?:周|星期|礼拜)', '[上下这本]个?月', '[今明去前]年',
    '[零〇一二两三四五六七八九十\\d]\\s*(?:月|日|号|点|时|年|分)', '\\d{1,2}:\\d{2}',
    '[上中下]午', '早上|晚上|夜里|半夜|凌晨|傍晚|早晨|清早|白天|现在|马上',
    '元旦|春节|除夕|清明|端午|中秋|国庆|重阳|劳动节|儿童节',
  ].join('|'),
);

/**
 * Whether a text might mention a date or time (the cheap gate in front of the recognizer).
 *
 * ```ts
 * mightMentionDateTime('附近有没有保洁的活'); // false
 * mightMentionDateTime('明天下午有空');       // true
 * ```
 */
export function mightMentionDateTime(text: string): boolean {
  return DATE_HINT.test(toHalfWidth(text));
}

/**
 * A Date whose local (server-zone) fields read the Shanghai wall clock at `now`: the reference
 * the recognizer expects.
 */
export function recognizerReference(now: Date): Date {
  const w = shanghaiWallClock(now);
  return new Date(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

interface Candidate {
  value: DateTimeValue;
  /** When the reading starts and ends, for choosing between readings. */
  from: number;
  until: number;
}

type Resolution = Record<string, string | undefined>;

const YEAR_RANGE = { min: 1900, max: 2100 };

function plausibleDate(date: string): boolean {
  const year = Number(date.slice(0, 4));
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && year >= YEAR_RANGE.min && year <= YEAR_RANGE.max;
}

/** '2026-11-30 08:00:00' → ISO with offset, or null if not a plausible date-time. */
function dateTimeIso(s: string | undefined): string | null {
  if (!s) return null;
  const [date, time] = s.split(' ');
  if (!date || !plausibleDate(date)) return null;
  return shanghaiIso(date, time ?? '00:00:00');
}

function candidate(value: DateTimeValue, untilIso?: string): Candidate {
  return {
    value,
    from: instantOf(value.start).getTime(),
    until: instantOf(untilIso ?? value.end ?? value.start).getTime(),
  };
}

/** Times with no day (晚上7点半, 下午3点到5点) are read on yesterday, today and tomorrow. */
function timeCandidates(r: Resolution, ranged: boolean, today: string): Candidate[] {
  let start = r.start ?? r.value;
  let end = ranged ? r.end : undefined;
  if (!start) return [];
  // The recognizer resolves 中午 (timex TMI) to an empty 00:00–00:00 range.
  if (ranged && start === end && r.timex?.includes('TMI')) [start, end] = ['11:00:00', '13:00:00'];
  const out: Candidate[] = [];
  for (const offset of [-1, 0, 1]) {
    const day = addDays(today, offset);
    const s = shanghaiIso(day, start);
    if (!ranged || !end) {
      out.push(candidate({ kind: 'datetime', start: s }));
      continue;
    }
    // 晚上10点到凌晨2点 ends the next day.
    const e = shanghaiIso(end <= start ? addDays(day, 1) : day, end);
    out.push(candidate({ kind: 'range', start: s, end: e }));
  }
  return out;
}

function candidatesOf(typeName: string, r: Resolution, today: string): Candidate[] {
  if (r.isLunar === 'True' || r.value === 'not resolved') return []; // 春节 comes back as 1 January
  switch (typeName) {
    case 'datetimeV2.date': {
      if (!r.value || !plausibleDate(r.value)) return [];
      return [candidate({ kind: 'date', start: shanghaiIso(r.value) }, shanghaiIso(addDays(r.value, 1)))];
    }
    case 'datetimeV2.datetime': {
      const start = dateTimeIso(r.value);
      return start ? [candidate({ kind: 'datetime', start })] : [];
    }
    case 'datetimeV2.daterange': {
      if (!r.start || !plausibleDate(r.start)) return [];
      const end = r.end && plausibleDate(r.end) ? shanghaiIso(r.end) : undefined;
      return [candidate({ kind: 'range', start: shanghaiIso(r.start), ...(end ? { end } : {}) })];
    }
    case 'datetimeV2.datetimerange': {
      const start = dateTimeIso(r.start);
      if (!start) return [];
      const end = dateTimeIso(r.end);
      return [candidate({ kind: 'range', start, ...(end ? { end } : {}) })];
    }
    case 'datetimeV2.time':
      return timeCandidates(r, false, today);
    case 'datetimeV2.timerange':
      return timeCandidates(r, true, today);
    default:
      return []; // durations (三天) and sets (每周三) are not points in time
  }
}

function choose(candidates: Candidate[], now: number, prefer: 'future' | 'past'): DateTimeValue | null {
  if (candidates.length === 0) return null;
  const sorted = [...candidates].sort((a, b) => a.from - b.from);
  if (prefer === 'future') {
    // A reading still counts while it lasts: 今天 at 23:30, a range not yet over.
    return (sorted.find((c) => c.from >= now || c.until > now) ?? sorted[sorted.length - 1]!).value;
  }
  const begun = sorted.filter((c) => c.from <= now);
  return (begun[begun.length - 1] ?? sorted[0]!).value;
}

/**
 * Find the dates and times in a text, resolved against `now` in Asia/Shanghai. Texts without a
 * date or time word return `[]` without calling the recognizer.
 *
 * ```ts
 * findDateTimes('后天下午3点可以吗', { now: new Date('2026-11-29T10:00:00+08:00') });
 * // [{ text: '后天下午3点', start: 0, end: 6,
 * //    value: { kind: 'datetime', start: '2026-12-01T15:00:00+08:00' } }]
 * findDateTimes('这周末', { now: new Date('2026-11-29T10:00:00+08:00') })[0].value;
 * // { kind: 'range', start: '2026-11-28T00:00:00+08:00', end: '2026-11-30T00:00:00+08:00' }
 * ```
 */
export function findDateTimes(text: string, options: DateTimeReadOptions = {}): DateTimeMatch[] {
  const half = toHalfWidth(text);
  if (!DATE_HINT.test(half)) return [];
  const now = options.now ?? new Date();
  const today = shanghaiDate(now);
  const results = chineseModel().parse(half, recognizerReference(now));

  const found: DateTimeMatch[] = [];
  for (const r of results) {
    const values = (r.resolution?.values ?? []) as Resolution[];
    const value = choose(
      values.flatMap((v) => candidatesOf(r.typeName, v, today)),
      now.getTime(),
      options.prefer ?? 'future',
    );
    if (!value) continue;
    // The recognizer's `end` is inclusive; find the span ourselves in case it was shifted.
    const start = half.slice(r.start, r.start + r.text.length) === r.text ? r.start : half.indexOf(r.text);
    if (start < 0) continue;
    const end = start + r.text.length;
    found.push({ text: text.slice(start, end), start, end, value });
  }
  return found;
}

/**
 * Build the recognizer's Chinese model now (~120 ms on first use) so the first resident who
 * mentions a date does not wait for it. Call once at start-up.
 *
 * ```ts
 * warmUpDateTimes();
 * ```
 */
export function warmUpDateTimes(): void {
  chineseModel().parse('明天', recognizerReference(new Date()));
}

// Only the date-time package is loaded (the whole recognizers suite costs ~30 MB more), and its
// Chinese model is built once and reused rather than per call.
let model: ReturnType<DateTimeRecognizer['getDateTimeModel']> | undefined;
function chineseModel() {
  model ??= new DateTimeRecognizer(Culture.Chinese, DateTimeOptions.None).getDateTimeModel();
  return model;
}
