/**
 * Chinese numerals as residents type them: 十五, 一百五 (150), 两千五 (2500), 三千五百, 一万二,
 * 一百零五, financial forms (壹贰叁), and Arabic digits mixed with Chinese units (3千5, 1.5万).
 */

/** Digit characters and their values, including 两 (two, before units) and 幺 (one, in phone numbers). */
export const CN_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 幺: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9,
};

/** Units below 万 and their values. */
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
/** Section units: they multiply everything read since the previous section unit. */
const BIG_UNITS: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 };

/** Characters {@link parseCnNumber} understands (a regex class body, for building patterns). */
export const CN_NUMBER_CHARS = '零〇一幺二两三四五六七八九壹贰叁肆伍陆柒捌玖十拾百佰千仟万亿';

type Token = { kind: 'num'; value: number; arabic: boolean } | { kind: 'unit'; value: number; big: boolean } | { kind: 'zero' };

function tokenise(text: string): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const arabic = /^\d+(?:\.\d+)?/.exec(text.slice(i));
    if (arabic) {
      tokens.push({ kind: 'num', value: Number(arabic[0]), arabic: true });
      i += arabic[0].length;
      continue;
    }
    if (ch === '零' || ch === '〇') tokens.push({ kind: 'zero' });
    else if (ch in CN_DIGITS) tokens.push({ kind: 'num', value: CN_DIGITS[ch]!, arabic: false });
    else if (ch in SMALL_UNITS) tokens.push({ kind: 'unit', value: SMALL_UNITS[ch]!, big: false });
    else if (ch in BIG_UNITS) tokens.push({ kind: 'unit', value: BIG_UNITS[ch]!, big: true });
    else return null;
    i++;
  }
  return tokens;
}

/** 二零二六 → 2026: a run of digit characters with no unit is read digit by digit. */
function readDigitString(tokens: Token[]): number | null {
  let s = '';
  for (const t of tokens) {
    if (t.kind === 'zero') s += '0';
    else if (t.kind === 'num' && !t.arabic) s += String(t.value);
    else return null;
  }
  return s.length > 0 ? Number(s) : null;
}

/**
 * Parse a Chinese (or mixed Chinese/Arabic) numeral. Returns `null` for anything that is not
 * a well-formed number, so callers can use it as a validator.
 *
 * A trailing digit after a unit means the next smaller unit, as in speech: 一百五 is 150,
 * 两千五 is 2500, 一万二 is 12000 — but 一百零五 is 105.
 *
 * ```ts
 * parseCnNumber('一百五');   // 150
 * parseCnNumber('三千五百'); // 3500
 * parseCnNumber('十五');     // 15
 * parseCnNumber('3千5');     // 3500
 * parseCnNumber('1.5万');    // 15000
 * parseCnNumber('二零二六'); // 2026
 * parseCnNumber('百家塘');   // null
 * ```
 */
export function parseCnNumber(text: string): number | null {
  const tokens = tokenise(text);
  if (!tokens || tokens.length === 0) return null;
  if (tokens.length === 1 && tokens[0]!.kind === 'num') return tokens[0]!.value;
  if (!tokens.some((t) => t.kind === 'unit')) return readDigitString(tokens);

  let total = 0; // completed sections (万, 亿)
  let section = 0; // within the current section
  let pending: number | null = null; // a digit waiting for its unit
  let lastUnit = 0; // the unit just read, for 一百五-style elision
  let zeroSince = false; // a 零 was read since the last unit: no elision (一百零五)
  let prev: Token['kind'] | null = null;

  for (const t of tokens) {
    if (t.kind === 'zero') {
      if (pending !== null) return null;
      zeroSince = true;
    } else if (t.kind === 'num') {
      if (prev === 'num') return null; // 一二百: not a number
      pending = t.value;
    } else if (!t.big) {
      // 十五: a leading 十 stands for 一十.
      const digit: number | null = pending ?? (t.value === 10 && prev !== 'num' ? 1 : null);
      if (digit === null) return null;
      if (lastUnit !== 0 && lastUnit < 1e4 && t.value >= lastUnit) return null; // 五百三百
      section += digit * t.value;
      pending = null;
      lastUnit = t.value;
      zeroSince = false;
    } else {
      section += pending ?? 0;
      if (section === 0 && total === 0) return null; // 万 with nothing before it
      total = t.value === 1e8 ? (total + section) * t.value : total + section * t.value;
      section = 0;
      pending = null;
      lastUnit = t.value;
      zeroSince = false;
    }
    prev = t.kind;
  }

  if (pending !== null) {
    const elided = prev === 'num' && !zeroSince && lastUnit >= 100;
    section += elided ? pending * (lastUnit / 10) : pending;
  }
  return total + section;
}

/**
 * Replace single Chinese digit characters with Arabic digits, one for one, so positions are
 * kept. For numbers read out digit by digit, like a phone number typed as 幺三八….
 *
 * ```ts
 * cnDigitsToArabic('幺三八一二三四五六七八'); // '13812345678'
 * ```
 */
export function cnDigitsToArabic(text: string): string {
  let out = '';
  for (const ch of text) out += ch in CN_DIGITS ? String(CN_DIGITS[ch]) : ch;
  return out;
}
