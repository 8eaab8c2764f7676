import { TRAD_TO_SIMP } from './trad-simp.js';

/**
 * Normalise a resident's message before it is turned into features, so that the
 * many ways of typing the same thing look alike to the classifier:
 *
 * - full-width letters and digits become half-width (NFKC), Latin letters lower case;
 * - common traditional characters become simplified;
 * - punctuation, emoji, symbols and all whitespace are dropped (Chinese has no spaces to
 *   keep, and a resident's `。。。` or `🙏` says nothing about the intent);
 * - every run of digits becomes one `0` (phone numbers and dates should not add dozens of
 *   unique n-grams), unless `keepDigits` is set;
 * - a character repeated more than twice is cut to two (`谢谢谢谢` → `谢谢`, `啊啊啊` → `啊啊`).
 *
 * @example
 * ```ts
 * normalizeText('Ｈｉ！！請問  醫保 交了沒？？😀 13812345678'); // 'hi请问医保交了没0'
 * ```
 */
export function normalizeText(text: string, options: { keepDigits?: boolean } = {}): string {
  const nfkc = text.normalize('NFKC').toLowerCase();
  let out = '';
  let last = '';
  let repeat = 0;
  for (const raw of nfkc) {
    let ch = TRAD_TO_SIMP.get(raw) ?? raw;
    if (!options.keepDigits && DIGIT.test(ch)) {
      if (last === '0') continue;
      ch = '0';
    } else if (!KEEP.test(ch)) {
      continue;
    }
    if (ch === last) {
      repeat += 1;
      if (repeat >= 2) continue;
    } else {
      repeat = 0;
    }
    out += ch;
    last = ch;
  }
  return out;
}

const DIGIT = /\p{Nd}/u;
// Letters (Han included) and other numerals such as ①; marks are kept for scripts that use them.
const KEEP = /[\p{L}\p{M}\p{N}]/u;
