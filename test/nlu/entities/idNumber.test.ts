import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  ageOn,
  checkIdNumber,
  findIdNumbers,
  idCheckCharacter,
  maskIdNumber,
} from '../../../src/nlu/entities/idNumber.js';

/**
 * ISO 7064 MOD 11-2 written independently of the implementation: weights are 2^(17-i) mod 11
 * and the check value makes the weighted sum of all 18 characters ≡ 1 (mod 11).
 */
function independentCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const value = (12 - (sum % 11)) % 11;
  return value === 10 ? 'X' : String(value);
}

const withCheck = (first17: string): string => first17 + independentCheck(first17);
const today = new Date('2026-11-29T10:00:00+08:00');

describe('checkIdNumber', () => {
  test('accepts the published example 11010519491231002X', () => {
    expect(checkIdNumber('11010519491231002X', { today })).toEqual({
      ok: true,
      normalised: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
    });
  });

  test('accepts a lowercase x, full-width digits and spaces, and normalises them', () => {
    expect(checkIdNumber('11010519491231002x', { today })).toMatchObject({ ok: true, normalised: '11010519491231002X' });
    expect(checkIdNumber('１１０１０５１９４９１２３１００２Ｘ', { today })).toMatchObject({ ok: true });
    expect(checkIdNumber(' 110105 19491231 002X ', { today })).toMatchObject({ ok: true });
  });

  test('reads the sex from the 17th digit', () => {
    expect(checkIdNumber(withCheck('33080219900101123'), { today })).toMatchObject({ ok: true, sex: 'male' });
    expect(checkIdNumber(withCheck('33080219900101124'), { today })).toMatchObject({ ok: true, sex: 'female' });
  });

  test('a wrong check character is a checksum problem', () => {
    expect(checkIdNumber('110105194912310021', { today })).toEqual({ ok: false, reason: 'checksum' });
    const good = withCheck('33080219900101123');
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(checkIdNumber(bad, { today })).toEqual({ ok: false, reason: 'checksum' });
  });

  test.each([
    ['30 February', '33080219900230123'],
    ['29 February in a common year', '33080219930229123'],
    ['29 February 1900 (not a leap year)', '33080219000229123'],
    ['month 13', '33080219901301123'],
    ['day 00', '33080219900100123'],
    ['before 1900', '33080218991231123'],
    ['tomorrow, in Shanghai', '33080220261130123'],
    ['next year', '33080220270101123'],
  ])('an impossible birth date (%s) is a birth_date problem even with a correct check character', (_why, first17) => {
    expect(checkIdNumber(withCheck(first17), { today })).toEqual({ ok: false, reason: 'birth_date' });
  });

  test('29 February in a leap year and a baby born today are fine', () => {
    expect(checkIdNumber(withCheck('33080220000229123'), { today })).toMatchObject({ ok: true, birthDate: '2000-02-29' });
    expect(checkIdNumber(withCheck('33080220261129123'), { today })).toMatchObject({ ok: true, birthDate: '2026-11-29' });
  });

  test('"today" is the Shanghai day: at 00:30 on 30 November in Shanghai (still the 29th in UTC) a baby born that day is valid', () => {
    const justAfterMidnight = new Date('2026-11-29T16:30:00Z');
    expect(checkIdNumber(withCheck('33080220261130123'), { today: justAfterMidnight })).toMatchObject({ ok: true });
  });

  test.each([
    ['00', '00080219900101123'],
    ['99', '99080219900101123'],
    ['10', '10080219900101123'],
  ])('an unknown province code %s is a region problem', (_code, first17) => {
    expect(checkIdNumber(withCheck(first17), { today })).toEqual({ ok: false, reason: 'region' });
  });

  test('a 15-digit first-generation number is recognised as legacy', () => {
    expect(checkIdNumber('330802900101123')).toEqual({ ok: false, reason: 'legacy_15' });
  });

  test.each(['', '3308021990010112', '33080219900101123', '3308021990010112345', '3308021990010112X4', '33080219900101123Y'])(
    '%j is a format problem',
    (s) => {
      expect(checkIdNumber(s)).toEqual({ ok: false, reason: 'format' });
    },
  );

  const province = fc.constantFrom(11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65);
  const validId = fc
    .record({
      province,
      rest: fc.integer({ min: 0, max: 9999 }),
      birth: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2026-11-28T00:00:00Z'), noInvalidDate: true }),
      seq: fc.integer({ min: 0, max: 999 }),
    })
    .map(({ province, rest, birth, seq }) => {
      const ymd = birth.toISOString().slice(0, 10);
      const first17 = `${province}${String(rest).padStart(4, '0')}${ymd.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
      return { id: withCheck(first17), ymd, male: seq % 2 === 1 };
    });

  test('property: every well-formed generated ID passes, with its birth date and sex', () => {
    fc.assert(
      fc.property(validId, ({ id, ymd, male }) => {
        expect(checkIdNumber(id, { today })).toEqual({ ok: true, normalised: id, birthDate: ymd, sex: male ? 'male' : 'female' });
      }),
    );
  });

  test('property: changing any one character of a valid ID makes it fail, and the checksum catches it when region and date still look right', () => {
    fc.assert(
      fc.property(validId, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), ({ id }, pos, shift) => {
        const alphabet = pos === 17 ? '0123456789X' : '0123456789';
        const current = alphabet.indexOf(id[pos]!);
        const replacement = alphabet[(current + shift) % alphabet.length]!;
        fc.pre(replacement !== id[pos]);
        const mutated = id.slice(0, pos) + replacement + id.slice(pos + 1);
        const result = checkIdNumber(mutated, { today });
        expect(result.ok).toBe(false);
        if (pos >= 14) expect(result).toEqual({ ok: false, reason: 'checksum' });
      }),
    );
  });
});

describe('idCheckCharacter', () => {
  test('agrees with the independent implementation', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}$/), (first17) => {
        expect(idCheckCharacter(first17)).toBe(independentCheck(first17));
      }),
    );
  });
});

describe('ageOn', () => {
  test('counts whole years, turning a year older on the birthday', () => {
    expect(ageOn('1990-11-29', '2026-11-28')).toBe(35);
    expect(ageOn('1990-11-29', '2026-11-29')).toBe(36);
    expect(ageOn('1949-12-31', new Date('2026-11-29T10:00:00+08:00'))).toBe(76);
  });

  test('uses the Shanghai day of an instant', () => {
    // 16:30 UTC on the 29th is 00:30 on the 30th in Shanghai: the birthday has come.
    expect(ageOn('1990-11-30', new Date('2026-11-29T16:30:00Z'))).toBe(36);
    expect(ageOn('1990-11-30', new Date('2026-11-29T15:30:00Z'))).toBe(35);
  });

  test('a 29 February birthday counts from 1 March in common years', () => {
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
    expect(ageOn('2000-02-29', '2026-03-01')).toBe(26);
    expect(ageOn('2000-02-29', '2028-02-29')).toBe(28);
  });
});

describe('findIdNumbers', () => {
  test('finds a valid number in a sentence, with its offsets', () => {
    expect(findIdNumbers('身份证11010519491231002X，帮我查一下', { today })).toEqual([
      {
        text: '11010519491231002X',
        start: 3,
        end: 21,
        value: { ok: true, normalised: '11010519491231002X', birthDate: '1949-12-31', sex: 'female' },
      },
    ]);
  });

  test('reports a mistyped number with what is wrong', () => {
    expect(findIdNumbers('号码110105194912310021', { today })[0]?.value).toEqual({ ok: false, reason: 'checksum' });
  });

  test('accepts the 6-8-4 grouping people copy from forms', () => {
    expect(findIdNumbers('110105 19491231 002X', { today })[0]).toMatchObject({ start: 0, end: 20, value: { ok: true } });
  });

  test('a 15-digit legacy number is reported; a 15-digit order number is not', () => {
    expect(findIdNumbers('老身份证330802900101123')[0]?.value).toEqual({ ok: false, reason: 'legacy_15' });
    expect(findIdNumbers('订单号 987654321098765')).toEqual([]);
  });

  test('digits inside a longer run are not an ID number', () => {
    expect(findIdNumbers('卡号 62220211010519491231002')).toEqual([]);
  });
});

test('maskIdNumber keeps the first 4 and last 4 characters', () => {
  expect(maskIdNumber('330802199001011234')).toBe('3308**********1234');
  expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  expect(maskIdNumber('1234')).toBe('****');
});
