/**
 * 18-digit resident identity numbers (居民身份证号码, GB 11643-1999): six region digits, the
 * birth date (YYYYMMDD), a three-digit sequence whose last digit gives the sex, and an ISO 7064
 * MOD 11-2 check character (0–9 or X).
 */

import { toHalfWidth } from './normalise.js';
import { isCalendarDate, shanghaiDate } from './shanghai-time.js';

/** Why a number was refused; callers answer each with its own guidance (see `text.ts`). */
export type IdNumberProblem = 'format' | 'checksum' | 'birth_date' | 'region' | 'legacy_15';

/** The result of {@link checkIdNumber}: plain data, safe to store and serialise. */
export type IdNumberCheck =
  | { ok: true; normalised: string; birthDate: string; sex: 'male' | 'female' }
  | { ok: false; reason: IdNumberProblem };

/** An ID number found in a text; `start`/`end` are offsets into the original text, `end` exclusive. */
export interface IdNumberMatch {
  text: string;
  start: number;
  end: number;
  value: IdNumberCheck;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/**
 * First two digits in use: the provinces, autonomous regions and municipalities, plus 71/81/82
 * (Taiwan, Hong Kong, Macao) and 83 (residence permits for Taiwan residents).
 */
const PROVINCE_CODES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
  53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
]);

/**
 * The check character for the first 17 digits.
 *
 * ```ts
 * idCheckCharacter('11010519491231002'); // 'X'
 * ```
 */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function birthDateProblem(year: number, month: number, day: number, today: string): boolean {
  if (year < 1900 || !isCalendarDate(year, month, day)) return true;
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return iso > today;
}

/**
 * Check a resident ID number as typed: spaces and full-width forms are tolerated, a lowercase
 * x is accepted. Checks, in this order, the shape, the region (province) code, the birth date
 * (a real day, from 1900 up to today in Shanghai) and the check character, and reports the first
 * problem found. A 15-digit first-generation number is reported as `legacy_15`.
 *
 * ```ts
 * checkIdNumber('11010519491231002x');
 * // { ok: true, normalised: '11010519491231002X', birthDate: '1949-12-31', sex: 'female' }
 * checkIdNumber('110105194912310021'); // { ok: false, reason: 'checksum' }
 * ```
 *
 * @param options.today the day to check birth dates against (default: now)
 */
export function checkIdNumber(input: string, options: { today?: Date } = {}): IdNumberCheck {
  const s = toHalfWidth(input).replace(/\s+/g, '').toUpperCase();
  if (/^\d{15}$/.test(s)) return { ok: false, reason: 'legacy_15' };
  if (!/^\d{17}[\dX]$/.test(s)) return { ok: false, reason: 'format' };
  if (!PROVINCE_CODES.has(Number(s.slice(0, 2)))) return { ok: false, reason: 'region' };

  const year = Number(s.slice(6, 10));
  const month = Number(s.slice(10, 12));
  const day = Number(s.slice(12, 14));
  if (birthDateProblem(year, month, day, shanghaiDate(options.today ?? new Date()))) {
    return { ok: false, reason: 'birth_date' };
  }
  if (idCheckCharacter(s) !== s[17]) return { ok: false, reason: 'checksum' };

  return {
    ok: true,
    normalised: s,
    birthDate: `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`,
    sex: Number(s[16]) % 2 === 1 ? 'male' : 'female',
  };
}

/**
 * Age in whole years on a given day (Shanghai calendar). Someone born on 29 February turns a
 * year older on 1 March in common years.
 *
 * ```ts
 * ageOn('1990-01-01', new Date('2026-11-29T10:00:00+08:00')); // 36
 * ageOn('1990-12-01', '2026-11-30');                           // 35
 * ```
 *
 * @param birthDate `YYYY-MM-DD`, as in a successful {@link IdNumberCheck}
 * @param on an instant, or a `YYYY-MM-DD` day
 */
export function ageOn(birthDate: string, on: Date | string): number {
  const day = typeof on === 'string' ? on : shanghaiDate(on);
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  let age = y - by;
  // Compare (month, day) pairs; a 29 February birthday counts as 1 March in common years.
  const leap = isCalendarDate(y, 2, 29);
  const [cm, cd] = bm === 2 && bd === 29 && !leap ? [3, 1] : [bm, bd];
  if (m < cm || (m === cm && d < cd)) age--;
  return age;
}

// 18 characters (optionally grouped 6-8-4 with spaces) or a 15-digit legacy number, never part
// of a longer run of digits.
const ID_IN_TEXT = /(?<!\d)(?:\d{6} ?\d{8} ?\d{3}[\dXx]|\d{15})(?![\dXx])/g;

/**
 * Find ID numbers in a text, valid or not: an 18-character candidate is reported with its
 * {@link IdNumberCheck} so a handler can say what is wrong. A bare 15-digit run is reported as
 * `legacy_15` only when it looks like one (known province, real YYMMDD birth date), since order
 * and tracking numbers are 15 digits too.
 *
 * ```ts
 * findIdNumbers('身份证11010519491231002X');
 * // [{ text: '11010519491231002X', start: 3, end: 21, value: { ok: true, … } }]
 * ```
 */
export function findIdNumbers(text: string, options: { today?: Date } = {}): IdNumberMatch[] {
  const half = toHalfWidth(text);
  const found: IdNumberMatch[] = [];
  for (const m of half.matchAll(ID_IN_TEXT)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[0].length === 15 && !looksLikeLegacy(m[0])) continue;
    found.push({ text: text.slice(start, end), start, end, value: checkIdNumber(m[0], options) });
  }
  return found;
}

function looksLikeLegacy(s: string): boolean {
  if (!PROVINCE_CODES.has(Number(s.slice(0, 2)))) return false;
  return isCalendarDate(1900 + Number(s.slice(6, 8)), Number(s.slice(8, 10)), Number(s.slice(10, 12)));
}

/**
 * Mask an ID number for replies and logs: the first 4 and last 4 characters stay.
 *
 * ```ts
 * maskIdNumber('330802199001011234'); // '3308**********1234'
 * ```
 */
export function maskIdNumber(id: string): string {
  if (id.length <= 8) return '*'.repeat(id.length);
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}
