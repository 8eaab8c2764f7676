import { describe, expect, it } from 'vitest';
import { DailyCap, msUntilNextShanghaiDay, shanghaiDay } from '../../../src/channels/wechat/daily-cap.js';
import { openWechatState } from '../../../src/channels/wechat/state.js';

// 2024-03-01 23:59 in Shanghai is 15:59 UTC.
const LATE_EVENING = Date.UTC(2024, 2, 1, 15, 59);
const MIDNIGHT = Date.UTC(2024, 2, 1, 16, 0);

describe('the daily send cap', () => {
  it('counts days in Asia/Shanghai, not UTC', () => {
    expect(shanghaiDay(LATE_EVENING)).toBe('2024-03-01');
    expect(shanghaiDay(MIDNIGHT)).toBe('2024-03-02');
    expect(msUntilNextShanghaiDay(LATE_EVENING)).toBe(60_000);
    expect(msUntilNextShanghaiDay(MIDNIGHT)).toBe(24 * 60 * 60_000);
  });

  it('refuses past the cap until tomorrow, gives back failed sends, and starts afresh the next day', () => {
    const cap = new DailyCap(openWechatState(':memory:'), 2);
    const first = cap.take(LATE_EVENING);
    expect(first.ok).toBe(true);
    expect(cap.take(LATE_EVENING).ok).toBe(true);
    expect(cap.take(LATE_EVENING)).toEqual({ ok: false, retryAfterMs: 60_000 });

    if (first.ok) cap.refund(first.day);
    expect(cap.take(LATE_EVENING).ok).toBe(true);
    expect(cap.used(LATE_EVENING)).toBe(2);

    expect(cap.take(MIDNIGHT).ok).toBe(true);
    expect(cap.used(MIDNIGHT)).toBe(1);
  });

  it('keeps its count across a restart', () => {
    const db = openWechatState(':memory:');
    new DailyCap(db, 5).take(LATE_EVENING);
    expect(new DailyCap(db, 5).used(LATE_EVENING)).toBe(1);
  });
});
