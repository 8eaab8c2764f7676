import { afterEach, describe, expect, test } from 'vitest';
import { findDateTimes, mightMentionDateTime, type DateTimeValue } from '../../../src/nlu/entities/datetime.js';

/** Sunday 29 November 2026, mid-morning in Shanghai. */
const MORNING = new Date('2026-11-29T10:00:00+08:00');
/** The same Sunday, half an hour before midnight in Shanghai (15:30 UTC). */
const LATE = new Date('2026-11-29T23:30:00+08:00');
/** Monday 30 November, 00:30 in Shanghai — still Sunday the 29th in UTC. */
const AFTER_MIDNIGHT = new Date('2026-11-30T00:30:00+08:00');

const date = (d: string): DateTimeValue => ({ kind: 'date', start: `${d}T00:00:00+08:00` });
const at = (d: string, t: string): DateTimeValue => ({ kind: 'datetime', start: `${d}T${t}+08:00` });
const range = (s: string, e: string): DateTimeValue => ({ kind: 'range', start: `${s}+08:00`, end: `${e}+08:00` });

function only(text: string, now: Date, prefer?: 'future' | 'past') {
  const found = findDateTimes(text, { now, ...(prefer ? { prefer } : {}) });
  expect(found, `one date/time in ${JSON.stringify(text)}`).toHaveLength(1);
  return found[0]!;
}

describe.each([
  [
    'Sunday 10:00',
    MORNING,
    {
      今天: date('2026-11-29'),
      明天: date('2026-11-30'),
      后天: date('2026-12-01'),
      大后天: date('2026-12-02'),
      下周三: date('2026-12-02'),
      这周末: range('2026-11-28T00:00:00', '2026-11-30T00:00:00'),
      周末: range('2026-11-28T00:00:00', '2026-11-30T00:00:00'),
      '10月19日': date('2027-10-19'),
      十月十九号: date('2027-10-19'),
      后天下午3点: at('2026-12-01', '15:00:00'),
      明早八点: at('2026-11-30', '08:00:00'),
      晚上7点半: at('2026-11-29', '19:30:00'),
      '2026年12月1日': date('2026-12-01'),
      下个月: range('2026-12-01T00:00:00', '2027-01-01T00:00:00'),
    },
  ],
  [
    'Sunday 23:30',
    LATE,
    {
      今天: date('2026-11-29'),
      明天: date('2026-11-30'),
      后天: date('2026-12-01'),
      大后天: date('2026-12-02'),
      下周三: date('2026-12-02'),
      这周末: range('2026-11-28T00:00:00', '2026-11-30T00:00:00'),
      周末: range('2026-11-28T00:00:00', '2026-11-30T00:00:00'),
      '10月19日': date('2027-10-19'),
      十月十九号: date('2027-10-19'),
      后天下午3点: at('2026-12-01', '15:00:00'),
      明早八点: at('2026-11-30', '08:00:00'),
      // 19:30 today has gone: the next 晚上7点半 is tomorrow's.
      晚上7点半: at('2026-11-30', '19:30:00'),
      '2026年12月1日': date('2026-12-01'),
      下个月: range('2026-12-01T00:00:00', '2027-01-01T00:00:00'),
    },
  ],
  [
    'Monday 00:30 (Sunday in UTC)',
    AFTER_MIDNIGHT,
    {
      今天: date('2026-11-30'),
      明天: date('2026-12-01'),
      后天: date('2026-12-02'),
      大后天: date('2026-12-03'),
      下周三: date('2026-12-09'),
      这周末: range('2026-12-05T00:00:00', '2026-12-07T00:00:00'),
      周末: range('2026-12-05T00:00:00', '2026-12-07T00:00:00'),
      '10月19日': date('2027-10-19'),
      十月十九号: date('2027-10-19'),
      后天下午3点: at('2026-12-02', '15:00:00'),
      明早八点: at('2026-12-01', '08:00:00'),
      晚上7点半: at('2026-11-30', '19:30:00'),
      '2026年12月1日': date('2026-12-01'),
      下个月: range('2026-12-01T00:00:00', '2027-01-01T00:00:00'),
    },
  ],
])('at %s', (_label, now, expected) => {
  test.each(Object.entries(expected))('%s', (phrase, value) => {
    expect(only(phrase, now)).toEqual({ text: phrase, start: 0, end: phrase.length, value });
  });
});

describe('resolution', () => {
  test('a date not on the calendar at the turn of a leap month', () => {
    const now = new Date('2024-02-28T23:30:00+08:00');
    expect(only('明天', now).value).toEqual(date('2024-02-29'));
    expect(only('后天', now).value).toEqual(date('2024-03-01'));
  });

  test('a phrase inside a sentence keeps its offsets, full-width digits included', () => {
    expect(findDateTimes('我想报名后天下午３点的活动', { now: MORNING })).toEqual([
      { text: '后天下午３点', start: 4, end: 10, value: at('2026-12-01', '15:00:00') },
    ]);
  });

  test('10月19日 on 19 October is that day, not next year', () => {
    expect(only('10月19日', new Date('2026-10-19T20:00:00+08:00')).value).toEqual(date('2026-10-19'));
  });

  test('a bare weekday is the coming one by default and the last one when asked for the past', () => {
    expect(only('周三', MORNING).value).toEqual(date('2026-12-02'));
    expect(only('周三', MORNING, 'past').value).toEqual(date('2026-11-25'));
    expect(only('晚上7点半', MORNING, 'past').value).toEqual(at('2026-11-28', '19:30:00'));
  });

  test('a time range with no day, and one that runs past midnight', () => {
    expect(only('下午3点到5点', MORNING).value).toEqual(range('2026-11-29T15:00:00', '2026-11-29T17:00:00'));
    // Still under way at 00:30, so it is last night's.
    expect(only('晚上10点到凌晨2点', AFTER_MIDNIGHT).value).toEqual(range('2026-11-29T22:00:00', '2026-11-30T02:00:00'));
  });

  test('中午 is late morning to early afternoon, not an empty range at midnight', () => {
    expect(only('中午', MORNING).value).toEqual(range('2026-11-29T11:00:00', '2026-11-29T13:00:00'));
  });

  test('durations, repeats, lunar festivals and impossible years are left out', () => {
    expect(findDateTimes('干三天', { now: MORNING })).toEqual([]);
    expect(findDateTimes('每周三活动', { now: MORNING })).toEqual([]);
    expect(findDateTimes('春节', { now: MORNING })).toEqual([]); // would come back as 1 January
    expect(findDateTimes('5000-6000元/月', { now: MORNING })).toEqual([]); // read as the year 5000
  });

  test('two dates in one message', () => {
    expect(findDateTimes('明天或者后天都行', { now: MORNING }).map((m) => m.value)).toEqual([
      date('2026-11-30'),
      date('2026-12-01'),
    ]);
  });
});

describe('the server time zone does not matter', () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  test.each(['America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati'])('same answers with TZ=%s', (zone) => {
    const phrases = ['明天', '下周三', '这周末', '后天下午3点', '晚上7点半', '下个月'];
    const inUtc = phrases.map((p) => findDateTimes(p, { now: AFTER_MIDNIGHT }));
    process.env.TZ = zone;
    expect(new Date(2026, 0, 1).getTimezoneOffset(), 'TZ change took effect').not.toBe(0);
    expect(phrases.map((p) => findDateTimes(p, { now: AFTER_MIDNIGHT }))).toEqual(inUtc);
  });
});

describe('mightMentionDateTime', () => {
  test.each(['明天', '下周三', '周末', '10月19日', '十月十九号', '晚上7点半', '8:30', '下个月', '2026年'])('%s may be a date', (t) => {
    expect(mightMentionDateTime(t)).toBe(true);
  });
  test.each(['附近有没有保洁的活', '我要报名', '电话13812345678', '日薪200', '礼贤社区路灯坏了'])('%s is not', (t) => {
    expect(mightMentionDateTime(t)).toBe(false);
  });
});
