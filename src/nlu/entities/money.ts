/**
 * Amounts of money in yuan as residents and job postings write them: 150元, 150块, ￥150,
 * 三块五, 五毛, 两百块, 一天两百, 3千, 3k, 5000-6000元/月, 日薪200, 时薪25, 月薪四千五, 计件….
 * A number counts as money only with a cue (a currency word or sign, a pay word such as 日薪,
 * or a rate such as 一天/每小时): 3千人 and 每天8小时 are not money.
 */

import { CN_DIGITS, parseCnNumber } from './cn-number.js';
import { normalise, toHalfWidth } from './normalise.js';

/** An amount in yuan, with the upper bound of a range and what it is paid per, if said. */
export interface MoneyValue {
  amount: number;
  max?: number;
  unit?: 'hour' | 'day' | 'month' | 'piece';
}

/** An amount found in a text; `start`/`end` are offsets into the original text, `end` exclusive. */
export interface MoneyMatch {
  text: string;
  start: number;
  end: number;
  value: MoneyValue;
}

type Unit = NonNullable<MoneyValue['unit']>;

const D = '零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖';
const U = '十拾百佰千仟万亿';

// A number: Arabic (1,500 / 1.5 / 3千5 / 3k) or Chinese (一百五 / 十五 / 两三百).
const NUM = new RegExp(`(?<![\\d.])(?:(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?[${D}${U}kKwW\\d]*|[${D}十拾][${D}${U}\\d]*)`, 'y');

/** Rate words and what they are per. Longest first so 一个小时 wins over 一个. */
const RATE_WORDS: ReadonlyArray<readonly [string, Unit]> = [
  ['每个小时', 'hour'], ['一个小时', 'hour'], ['每小时', 'hour'], ['一小时', 'hour'], ['每个钟', 'hour'],
  ['一个钟', 'hour'], ['每个月', 'month'], ['一个月', 'month'], ['每月', 'month'], ['一月', 'month'],
  ['每天', 'day'], ['一天', 'day'], ['每日', 'day'], ['一日', 'day'], ['每件', 'piece'], ['一件', 'piece'],
];

/** Pay words: a strong cue that the number after them is money. */
const PAY_WORDS: ReadonlyArray<readonly [string, Unit | undefined]> = [
  ['时薪', 'hour'], ['日薪', 'day'], ['日结', 'day'], ['天薪', 'day'], ['月薪', 'month'], ['月工资', 'month'],
  ['月收入', 'month'], ['月入', 'month'], ['计件工资', 'piece'], ['计件', 'piece'], ['年薪', undefined],
  ['底薪', undefined], ['工资', undefined], ['薪资', undefined], ['薪水', undefined], ['工钱', undefined],
  ['待遇', undefined], ['收入', undefined], ['报酬', undefined], ['补贴', undefined], ['费用', undefined],
];

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alt = (words: ReadonlyArray<readonly [string, unknown]>): string => words.map(([w]) => escape(w)).join('|');

// What may stand between a cue and the number: 月薪大概四千五, 一天能拿两百, 时薪：25.
const FILLER = '(?:[:：\\s]|是|为|有|给|约|大约|大概|能拿|可以拿|能有|差不多|在|开)*';
const BEFORE = new RegExp(`(?:(${alt(PAY_WORDS)})(?:${FILLER}(${alt(RATE_WORDS)}))?|(${alt(RATE_WORDS)}))${FILLER}([￥¥]|RMB|rmb)?\\s*$`);
const SIGN_BEFORE = /([￥¥]|RMB|rmb)\s*$/;
const RANGE = new RegExp(`\\s*(?:-|~|—|–|到|至)\\s*[￥¥]?\\s*`, 'y');
const CURRENCY = /\s*(块钱|元钱|毛钱|元|块|圆|毛|角)/y;
const JIAO = new RegExp(`([${D}\\d])(毛|角)?(?![\\d${U}])`, 'y');
const AFTER_WORDS = /(?:左右|上下|以上|起|多)?/y;
const PER = /\s*(?:\/\s*|每个?|一个?)(小时|钟头|个钟|钟|h|天|日|月|件)/y;
const PER_UNITS: Readonly<Record<string, Unit>> = {
  小时: 'hour', 钟头: 'hour', 个钟: 'hour', 钟: 'hour', h: 'hour', 天: 'day', 日: 'day', 月: 'month', 件: 'piece',
};

// 块 and 毛 are also counters (两块地, 三块砖, 毛巾): after them only these may follow.
const AFTER_COUNTER_CURRENCY = new RegExp(`^(?:$|[^\\u4e00-\\u9fff]|[钱每左多的呢吧啊哦呀吗啦了上以起到至${D}])`);
// A number followed by one of these without a currency word counts something other than money.
const COUNTERS = /^(?:个|人|次|号|点|岁|斤|公斤|克|吨|米|公里|里|平|亩|层|楼|栋|幢|间|套|户|家|名|位|只|条|张|份|件|双|台|辆|瓶|箱|袋|包|年|月|日|天|小时|分|秒|周|星期|遍|趟|倍|度|%|路|期|批|届|级|站|岁)/;

function unitMultiplier(raw: string): number | null {
  const last = raw[raw.length - 1]!;
  const m: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1e3, 仟: 1e3, k: 1e3, K: 1e3, 万: 1e4, w: 1e4, W: 1e4 };
  return m[last] ?? null;
}

/**
 * Parse one amount as written, without currency words: 150, 1,500, 3千, 3k, 1.5万, 一百五,
 * 两三百 (a range: 200–300). Returns `null` if it is not a number.
 *
 * ```ts
 * parseAmount('四千五'); // { amount: 4500 }
 * parseAmount('两三百'); // { amount: 200, max: 300 }
 * ```
 */
export function parseAmount(raw: string): { amount: number; max?: number } | null {
  const s = raw.replace(/,/g, '').replace(/[kK]/g, '千').replace(/[wW]/g, '万');
  const pair = new RegExp(`^([${D}])([${D}])([${U}]+)$`).exec(s);
  if (pair) {
    const [lo, hi] = [CN_DIGITS[pair[1]!]!, CN_DIGITS[pair[2]!]!];
    const unit = parseCnNumber(`一${pair[3]}`);
    if (hi === lo + 1 && unit !== null) return { amount: lo * unit, max: hi * unit };
  }
  const n = parseCnNumber(s);
  return n === null || !Number.isFinite(n) ? null : { amount: n };
}

interface Scan {
  start: number;
  end: number;
  value: MoneyValue;
}

/**
 * The number starting at `at`, trimmed back to what parses: the regex is greedy, and 两百一天
 * is 200 a day, not 210, while 一百五一斤 is 150 for a jin.
 */
function readNumber(t: string, at: number): string | null {
  NUM.lastIndex = at;
  const m = NUM.exec(t);
  if (!m) return null;
  let raw = m[0];
  if (raw.length > 1 && raw.endsWith('一') && /^一个?(?:小时|钟|天|日|月|件)/.test(t.slice(at + raw.length - 1))) {
    raw = raw.slice(0, -1);
  }
  while (raw.length > 1 && parseAmount(raw) === null) raw = raw.slice(0, -1);
  return raw;
}

/** A number, or a range of two (5000-6000, 4-5千, 3千到4千), starting at `at`. */
function readAmount(t: string, at: number): { value: MoneyValue; raw: string; end: number } | null {
  const raw = readNumber(t, at);
  const first = raw === null ? null : parseAmount(raw);
  if (raw === null || !first || raw.replace(/\D/g, '').length > 9) return null;
  const end = at + raw.length;
  RANGE.lastIndex = end;
  if (!RANGE.exec(t)) return { value: { ...first }, raw, end };
  const raw2 = readNumber(t, RANGE.lastIndex);
  const second = raw2 === null ? null : parseAmount(raw2);
  if (raw2 === null || !second) return { value: { ...first }, raw, end };
  const mult = unitMultiplier(raw2);
  let low = first.amount;
  if (mult && unitMultiplier(raw) === null && low * mult <= second.amount) low *= mult; // 4-5千
  return { value: { amount: low, max: second.max ?? second.amount }, raw, end: RANGE.lastIndex + raw2.length };
}

/** A currency word after the amount (元, 块, 毛…), with 三块五's trailing 角 digit. */
function readCurrency(t: string, at: number, value: MoneyValue): { value: MoneyValue; end: number } | null {
  CURRENCY.lastIndex = at;
  const cur = CURRENCY.exec(t);
  if (!cur) return null;
  const word = cur[1]!;
  let end = CURRENCY.lastIndex;
  if ((word === '块' || word === '毛') && !AFTER_COUNTER_CURRENCY.test(t.slice(end))) return null; // 两块地
  if (word.startsWith('毛') || word === '角') return { value: scale(value, 0.1), end };
  if (value.max !== undefined) return { value, end };
  PER.lastIndex = end;
  if (PER.test(t)) return { value, end }; // 200元一天 is not 200.1
  JIAO.lastIndex = end;
  const jiao = JIAO.exec(t);
  if (!jiao || COUNTERS.test(t.slice(JIAO.lastIndex))) return { value, end };
  end = JIAO.lastIndex;
  return { value: { ...value, amount: round2(value.amount + Number(CN_DIGITS[jiao[1]!] ?? jiao[1]) / 10) }, end };
}

/** The cue before the amount: a pay word, a rate word, a currency sign. */
function readCueBefore(t: string, at: number): { start: number; payWord: boolean; sign: boolean; unit?: Unit } {
  const before = BEFORE.exec(t.slice(Math.max(0, at - 16), at));
  if (before) {
    const rateWord = before[2] ?? before[3];
    const unit = rateWord ? RATE_WORDS.find(([w]) => w === rateWord)?.[1] : PAY_WORDS.find(([w]) => w === before[1])?.[1];
    return { start: at - before[0].length, payWord: before[1] !== undefined, sign: before[4] !== undefined, ...(unit ? { unit } : {}) };
  }
  const sign = SIGN_BEFORE.exec(t.slice(Math.max(0, at - 4), at));
  return { start: sign ? at - sign[0].length : at, payWord: false, sign: sign !== null };
}

/** Try to read money around the number starting at `at`; `scan` is null if it is not money. */
function readAt(t: string, at: number): { scan: Scan | null; next: number } {
  const amount = readAmount(t, at);
  if (!amount) return { scan: null, next: at + 1 };
  const numberEnd = amount.end;
  const currency = readCurrency(t, numberEnd, amount.value);
  const value = currency?.value ?? amount.value;
  let end = currency?.end ?? numberEnd;

  AFTER_WORDS.lastIndex = end;
  if (AFTER_WORDS.exec(t)) end = AFTER_WORDS.lastIndex;
  PER.lastIndex = end;
  const per = PER.exec(t);
  if (per) end = PER.lastIndex;

  const cue = readCueBefore(t, at);
  const unit = (per ? PER_UNITS[per[1]!] : undefined) ?? cue.unit;
  if (!currency && !cue.sign) {
    // 每天8小时, 工资三号发: the number counts something else.
    if (!per && COUNTERS.test(t.slice(numberEnd))) return { scan: null, next: numberEnd };
    // A rate alone (一天两百) is a weak cue: it needs a unit and a plausible wage.
    const weakCue = !cue.payWord && !/[kKwW]/.test(amount.raw);
    if (weakCue && (unit === undefined || value.amount < 10)) return { scan: null, next: numberEnd };
  }
  return { scan: { start: cue.start, end, value: unit ? { ...value, unit } : value }, next: end };
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

function scale(v: MoneyValue, f: number): MoneyValue {
  return { ...v, amount: round2(v.amount * f), ...(v.max !== undefined ? { max: round2(v.max * f) } : {}) };
}

/**
 * Find the amounts of money in a text.
 *
 * ```ts
 * findMoney('保洁，一天两百，日结');
 * // [{ text: '一天两百', start: 3, end: 7, value: { amount: 200, unit: 'day' } }]
 * findMoney('普工5000-6000元/月')[0].value; // { amount: 5000, max: 6000, unit: 'month' }
 * findMoney('来了3千人');                    // []
 * ```
 */
export function findMoney(text: string): MoneyMatch[] {
  const t = toHalfWidth(text);
  const found: MoneyMatch[] = [];
  let i = 0;
  while (i < t.length) {
    NUM.lastIndex = i;
    if (!NUM.test(t)) {
      i++;
      continue;
    }
    const { scan, next } = readAt(t, i);
    if (scan) {
      const start = Math.max(scan.start, found.at(-1)?.end ?? 0);
      found.push({ text: text.slice(start, scan.end), start, end: scan.end, value: scan.value });
    }
    i = Math.max(next, i + 1);
  }
  return found;
}

/**
 * Read an amount from a form answer (期望工资多少？). The question supplies the cue, so a bare
 * amount is accepted here: 3千, 四千五左右, 5000-6000.
 *
 * ```ts
 * parseMoney('3千');          // { amount: 3000 }
 * parseMoney('一天两百左右'); // { amount: 200, unit: 'day' }
 * parseMoney('不知道');       // null
 * ```
 */
export function parseMoney(text: string): MoneyValue | null {
  const found = findMoney(text);
  if (found.length === 1) return found[0]!.value;
  const s = normalise(text).replace(/(?:块钱|元钱|元|块|左右|上下|以上|起|多)+$/, '');
  const [lo, hi, extra] = s.split(/\s*(?:-|~|—|–|到|至)\s*/);
  if (extra !== undefined || !lo) return null;
  const a = parseAmount(lo);
  if (!a) return null;
  if (hi === undefined) return a;
  const b = parseAmount(hi);
  if (!b) return null;
  const mult = unitMultiplier(hi);
  const low = mult && unitMultiplier(lo) === null && a.amount * mult <= b.amount ? a.amount * mult : a.amount;
  return { amount: low, max: b.max ?? b.amount };
}
