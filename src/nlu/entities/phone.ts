/**
 * Mainland mobile numbers (1[3-9] followed by nine digits), as residents type them: with spaces
 * or dashes in the usual 3-4-4 grouping, a +86 / 86 / 0086 prefix, full-width digits.
 */

import { cnDigitsToArabic } from './cn-number.js';
import { normalise, toHalfWidth } from './normalise.js';

/** A mobile number found in a text; `start`/`end` are offsets into the original text, `end` exclusive. */
export interface PhoneMatch {
  text: string;
  start: number;
  end: number;
  /** The bare 11 digits, e.g. `13812345678`. */
  value: string;
}

const MOBILE = /^1[3-9]\d{9}$/;

// Lookbehind/lookahead on digits: an 11-digit run inside a longer one (an ID number, a bank card)
// is not a phone number. Separators are allowed only where people put them (3-4-4).
const PHONE_IN_TEXT = /(?<![\d+])(?:(?:\+|00)?86[ -]?)?(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})(?!\d)/g;

/**
 * Find every mobile number in a text.
 *
 * ```ts
 * findPhones('电话 138-1234-5678，谢谢');
 * // [{ text: '138-1234-5678', start: 3, end: 16, value: '13812345678' }]
 * ```
 */
export function findPhones(text: string): PhoneMatch[] {
  const half = toHalfWidth(text);
  const found: PhoneMatch[] = [];
  for (const m of half.matchAll(PHONE_IN_TEXT)) {
    const start = m.index;
    const end = start + m[0].length;
    found.push({ text: text.slice(start, end), start, end, value: `${m[1]}${m[2]}${m[3]}` });
  }
  return found;
}

/**
 * Read a mobile number from a form answer. Accepts the number alone in any usual spelling
 * (spaces, dashes, dots, brackets, +86, full-width or Chinese digits such as 幺三八…), or a
 * sentence containing exactly one number. Returns the bare 11 digits, or `null`.
 *
 * ```ts
 * parseMobile('＋86 138 1234 5678'); // '13812345678'
 * parseMobile('我的手机是13812345678'); // '13812345678'
 * parseMobile('12345');               // null
 * ```
 */
export function parseMobile(text: string): string | null {
  const compact = cnDigitsToArabic(normalise(text)).replace(/[\s\-.()（）]/g, '');
  const bare = compact.replace(/^(?:\+86|0086|86)(?=1\d{10}$)/, '');
  if (MOBILE.test(bare)) return bare;
  const values = new Set(findPhones(text).map((p) => p.value));
  return values.size === 1 ? [...values][0]! : null;
}

/**
 * Mask a phone number for replies and logs: the first 3 and last 4 digits stay.
 * Anything too short to mask that way is masked entirely.
 *
 * ```ts
 * maskPhone('13812345678'); // '138****5678'
 * ```
 */
export function maskPhone(phone: string): string {
  if (phone.length < 8) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}
