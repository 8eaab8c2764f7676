import { describe, expect, it } from 'vitest';
import { planChoices, shortLabel, splitText } from '../../../src/channels/bottender/choices.js';
import { retryAfterMs } from '../../../src/channels/bottender/failures.js';

const limits = { maxChoices: 13, maxLabel: 20, maxValue: 300 };

describe('planChoices', () => {
  it('falls back to numbered lines when two shortened labels would look the same', () => {
    const a = '请问城乡居民医保今年的个人缴费标准到底是多少';
    const b = '请问城乡居民医保今年的个人缴费标准到底怎么算';
    const plan = planChoices('请选择：', [a, b], limits);
    expect(plan.choices).toEqual([]);
    expect(plan.text).toContain(`1. ${a}`);
    expect(plan.text).toContain(`2. ${b}`);
  });

  it('falls back to numbered lines when an option is longer than a tap may send', () => {
    expect(planChoices('请选择：', ['短', '长'.repeat(301)], limits).choices).toEqual([]);
  });

  it('leaves a reply without options alone', () => {
    expect(planChoices('您好', [], limits)).toEqual({ text: '您好', choices: [] });
  });
});

describe('shortLabel', () => {
  it('never splits an emoji in two', () => {
    const label = shortLabel(`${'好'.repeat(18)}👍👍`, 20);
    expect(label.length).toBeLessThanOrEqual(20);
    expect(label).toBe(`${'好'.repeat(18)}…`);
  });
});

describe('splitText', () => {
  it('prefers line breaks and never cuts an emoji', () => {
    expect(splitText('第一段\n第二段', 4)).toEqual(['第一段', '第二段']);
    const pieces = splitText(`${'a'.repeat(3)}😀😀`, 4);
    expect(pieces.join('')).toBe('aaa😀😀');
    expect(pieces.every((p) => !/[\uD800-\uDBFF]$/.test(p))).toBe(true);
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('7')).toBe(7000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
  });
});
