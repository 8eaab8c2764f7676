import { describe, expect, test } from 'vitest';
import { cnDigitsToArabic, parseCnNumber } from '../../../src/nlu/entities/cn-number.js';

describe('parseCnNumber', () => {
  test.each([
    ['十五', 15],
    ['二十', 20],
    ['一百五', 150],
    ['一百五十', 150],
    ['一百零五', 105],
    ['两百', 200],
    ['两千五', 2500],
    ['三千五百', 3500],
    ['四千五', 4500],
    ['一万二', 12000],
    ['两万五千', 25000],
    ['一万零五百', 10500],
    ['三十五万', 350000],
    ['壹仟贰佰', 1200],
    ['3千5', 3500],
    ['1.5万', 15000],
    ['4500', 4500],
    ['二零二六', 2026],
  ])('%s is %d', (text, value) => {
    expect(parseCnNumber(text)).toBe(value);
  });

  test.each(['', '百家塘', '万', '一二百', '五百三百', '十月'])('%j is not a number', (text) => {
    expect(parseCnNumber(text)).toBeNull();
  });
});

test('cnDigitsToArabic reads a number said digit by digit and keeps other characters', () => {
  expect(cnDigitsToArabic('幺三八一二三四五六七八')).toBe('13812345678');
  expect(cnDigitsToArabic('电话一三八')).toBe('电话138');
});
