import { describe, expect, test } from 'vitest';
import { findMoney, parseAmount, parseMoney, type MoneyValue } from '../../../src/nlu/entities/money.js';

describe('findMoney', () => {
  test.each<[string, string, MoneyValue]>([
    ['150元', '150元', { amount: 150 }],
    ['150块', '150块', { amount: 150 }],
    ['150块钱', '150块钱', { amount: 150 }],
    ['￥150', '￥150', { amount: 150 }],
    ['¥ 88.5', '¥ 88.5', { amount: 88.5 }],
    ['1,500元', '1,500元', { amount: 1500 }],
    ['两百块', '两百块', { amount: 200 }],
    ['五十块', '五十块', { amount: 50 }],
    ['三块五', '三块五', { amount: 3.5 }],
    ['两块五毛', '两块五毛', { amount: 2.5 }],
    ['五毛钱', '五毛钱', { amount: 0.5 }],
    ['一天两百', '一天两百', { amount: 200, unit: 'day' }],
    ['一天两百五', '一天两百五', { amount: 250, unit: 'day' }],
    ['两百一天', '两百一天', { amount: 200, unit: 'day' }],
    ['一百五一天', '一百五一天', { amount: 150, unit: 'day' }],
    ['一天两三百', '一天两三百', { amount: 200, max: 300, unit: 'day' }],
    ['200元/天', '200元/天', { amount: 200, unit: 'day' }],
    ['200元一天', '200元一天', { amount: 200, unit: 'day' }],
    ['日薪200', '日薪200', { amount: 200, unit: 'day' }],
    ['日结200', '日结200', { amount: 200, unit: 'day' }],
    ['日薪200-300', '日薪200-300', { amount: 200, max: 300, unit: 'day' }],
    ['时薪25', '时薪25', { amount: 25, unit: 'hour' }],
    ['时薪：25元', '时薪：25元', { amount: 25, unit: 'hour' }],
    ['25块一小时', '25块一小时', { amount: 25, unit: 'hour' }],
    ['每小时二十五块', '每小时二十五块', { amount: 25, unit: 'hour' }],
    ['15元/小时', '15元/小时', { amount: 15, unit: 'hour' }],
    ['月薪四千五', '月薪四千五', { amount: 4500, unit: 'month' }],
    ['月薪大概四千五左右', '月薪大概四千五左右', { amount: 4500, unit: 'month' }],
    ['工资一个月四千五', '工资一个月四千五', { amount: 4500, unit: 'month' }],
    ['工资3千', '工资3千', { amount: 3000 }],
    ['工资4-5千', '工资4-5千', { amount: 4000, max: 5000 }],
    ['3k', '3k', { amount: 3000 }],
    ['一个月3k-5k', '一个月3k-5k', { amount: 3000, max: 5000, unit: 'month' }],
    ['5000-6000元/月', '5000-6000元/月', { amount: 5000, max: 6000, unit: 'month' }],
    ['月薪 3000~4500 元', '月薪 3000~4500 元', { amount: 3000, max: 4500, unit: 'month' }],
    ['3千到4千一个月', '3千到4千一个月', { amount: 3000, max: 4000, unit: 'month' }],
    ['计件0.5元', '计件0.5元', { amount: 0.5, unit: 'piece' }],
    ['计件 每件0.8元', '计件 每件0.8元', { amount: 0.8, unit: 'piece' }],
    ['0.8元/件', '0.8元/件', { amount: 0.8, unit: 'piece' }],
    ['年薪10万', '年薪10万', { amount: 100000 }],
  ])('%s', (input, text, value) => {
    expect(findMoney(`招人：${input}，速来`)).toEqual([{ text, start: 3, end: 3 + text.length, value }]);
  });

  test.each([
    ['a bare number', '一百五'],
    ['a bare number with a unit', '3千'],
    ['a head count', '来了3千人'],
    ['a count of people', '一百五十个人'],
    ['hours a day', '每天8小时'],
    ['times a day', '一天三次'],
    ['a pay day', '工资三号发'],
    ['a pay day each month', '每月15号发工资'],
    ['a date', '10月19日'],
    ['a counter 块', '两块地'],
    ['a phone number', '电话13812345678'],
    ['an ID number', '330802199001011234'],
    ['a time', '8:30上班'],
  ])('not money: %s (%s)', (_why, text) => {
    expect(findMoney(text)).toEqual([]);
  });

  test('三块五一斤 is 3.5 and 150元1天 is not 150.1', () => {
    expect(findMoney('三块五一斤')[0]?.value).toEqual({ amount: 3.5 });
    expect(findMoney('150元1天')[0]?.value).toEqual({ amount: 150 });
  });

  test('several amounts in one posting', () => {
    expect(findMoney('日薪200，加班时薪25，满勤奖300元').map((m) => m.value)).toEqual([
      { amount: 200, unit: 'day' },
      { amount: 25, unit: 'hour' },
      { amount: 300 },
    ]);
  });

  test('full-width digits are read and offsets kept', () => {
    expect(findMoney('日薪２００')).toEqual([{ text: '日薪２００', start: 0, end: 5, value: { amount: 200, unit: 'day' } }]);
  });
});

describe('parseMoney (a form answer, where the question is the cue)', () => {
  test.each<[string, MoneyValue]>([
    ['3千', { amount: 3000 }],
    ['一百五', { amount: 150 }],
    ['四千五左右', { amount: 4500 }],
    ['5000-6000', { amount: 5000, max: 6000 }],
    ['4到5千', { amount: 4000, max: 5000 }],
    ['一天两百左右', { amount: 200, unit: 'day' }],
    ['3000元', { amount: 3000 }],
  ])('%s', (answer, value) => {
    expect(parseMoney(answer)).toEqual(value);
  });

  test.each(['不知道', '面议', '', '1-2-3'])('refuses %j', (answer) => {
    expect(parseMoney(answer)).toBeNull();
  });
});

test('parseAmount reads 两三百 as a range', () => {
  expect(parseAmount('两三百')).toEqual({ amount: 200, max: 300 });
  expect(parseAmount('三五百')).toBeNull();
});
