import { describe, expect, test } from 'vitest';
import { findPhones, maskPhone, parseMobile } from '../../../src/nlu/entities/phone.js';
import { normalise, toHalfWidth } from '../../../src/nlu/entities/normalise.js';

describe('findPhones', () => {
  test.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '138 1234 5678'],
    ['138-1234-5678', '138-1234-5678'],
    ['+86 138 1234 5678', '+86 138 1234 5678'],
    ['+8613812345678', '+8613812345678'],
    ['8613812345678', '8613812345678'],
    ['0086-13812345678', '0086-13812345678'],
    ['１３８１２３４５６７８', '１３８１２３４５６７８'],
    ['１３８－１２３４－５６７８', '１３８－１２３４－５６７８'],
  ])('finds %j', (written, text) => {
    const found = findPhones(`我的电话是${written}，谢谢`);
    expect(found).toEqual([{ text, start: 5, end: 5 + text.length, value: '13812345678' }]);
  });

  test('every mainland prefix 13x–19x, and not 10x–12x', () => {
    for (const d of '3456789') expect(findPhones(`1${d}912345678`)).toHaveLength(1);
    for (const d of '012') expect(findPhones(`1${d}912345678`)).toEqual([]);
  });

  test.each([
    ['inside an ID number', '330802199001011234'],
    ['inside a bank card number', '6222021381234567890'],
    ['one digit too many', '138123456789'],
    ['one digit short', '1381234567'],
    ['a landline', '0570-1234567'],
  ])('no match %s', (_why, text) => {
    expect(findPhones(text)).toEqual([]);
  });

  test('two numbers in one message', () => {
    expect(findPhones('打13812345678或者15900001111都行').map((p) => p.value)).toEqual(['13812345678', '15900001111']);
  });
});

describe('parseMobile', () => {
  test.each([
    '13812345678',
    ' 138 1234 5678 ',
    '138.1234.5678',
    '(+86) 138-1234-5678',
    '１３８１２３４５６７８',
    '幺三八一二三四五六七八',
    '我的手机是13812345678，白天都在',
  ])('reads %j', (answer) => {
    expect(parseMobile(answer)).toBe('13812345678');
  });

  test.each(['12345', '没有手机', '12812345678', '13812345678 或 15900001111'])('refuses %j', (answer) => {
    expect(parseMobile(answer)).toBeNull();
  });
});

test('maskPhone keeps the first 3 and last 4 digits', () => {
  expect(maskPhone('13812345678')).toBe('138****5678');
  expect(maskPhone('123')).toBe('***');
});

test('normalisation maps full-width forms one for one and trims only on request', () => {
  expect(toHalfWidth('　ＡＢ１２－～')).toBe(' AB12-~');
  expect(toHalfWidth('　１')).toHaveLength(2);
  expect(normalise('　１３８ ')).toBe('138');
});
