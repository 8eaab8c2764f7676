import { describe, expect, test } from 'vitest';
import { extractEntities } from '../../../src/nlu/entities/index.js';

const now = new Date('2026-11-29T10:00:00+08:00');
const brief = (text: string, options = { now }) =>
  extractEntities(text, options).map((e) => [e.type, e.text, e.value] as const);

describe('extractEntities', () => {
  test('a job seeker message: place, money, date and phone, in text order', () => {
    expect(brief('我是梅家的，想找日薪200的活，后天就能上班，电话138-1234-5678')).toEqual([
      ['place', '梅家', { id: 'meijia', name: '梅家村' }],
      ['money', '日薪200', { amount: 200, unit: 'day' }],
      ['datetime', '后天', { kind: 'date', start: '2026-12-01T00:00:00+08:00' }],
      ['phone', '138-1234-5678', '13812345678'],
    ]);
  });

  test('a hazard report: sub-place and time', () => {
    expect(brief('南湖春苑小区门口今晚7点半有人烧东西')).toEqual([
      ['place', '南湖春苑小区', { id: 'shuangshuiqiao', name: '双水桥社区', via: '南湖春苑' }],
      ['datetime', '今晚7点半', { kind: 'datetime', start: '2026-11-29T19:30:00+08:00' }],
    ]);
  });

  test('the digits of an ID number are not also a phone number or money', () => {
    // 19900101123 inside this ID looks like a mobile number on its own.
    expect(brief('身份证330802199001011234，工资3千')).toEqual([
      ['id_number', '330802199001011234', { ok: false, reason: 'checksum' }],
      ['money', '工资3千', { amount: 3000 }],
    ]);
    expect(brief('身份证11010519491231002X').map(([type]) => type)).toEqual(['id_number']);
  });

  test('a phone number next to money words stays a phone number', () => {
    expect(brief('工资13812345678').map(([type]) => type)).toEqual(['phone']);
  });

  test('a salary range is not read as a date', () => {
    expect(brief('普工5000-6000元/月，双西港产业园')).toEqual([
      ['money', '5000-6000元/月', { amount: 5000, max: 6000, unit: 'month' }],
      ['place', '双西港产业园', { id: 'shuangxigang', name: '双西港社区', via: '双西港产业园' }],
    ]);
  });

  test('now is also the day ID birth dates are checked against', () => {
    const id = '11010520261130002'; // born 30 November 2026
    let sum = 0;
    for (let i = 0; i < 17; i++) sum += Number(id[i]) * (2 ** (17 - i) % 11);
    const full = id + ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'][sum % 11];
    expect(extractEntities(full, { now })[0]?.value).toEqual({ ok: false, reason: 'birth_date' });
    expect(extractEntities(full, { now: new Date('2026-12-01T00:00:00+08:00') })[0]?.value).toMatchObject({ ok: true });
  });

  test('a message with no entities', () => {
    expect(extractEntities('你好，请问医保怎么交', { now })).toEqual([]);
    expect(extractEntities('', { now })).toEqual([]);
  });
});
