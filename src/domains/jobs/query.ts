/**
 * What a resident's job question asks for, read from their own words: “附近有没有日结的保洁”,
 * “会开叉车”, “五十多岁能干啥”, “双水桥那边招不招人”, “有没有包吃住的”, “一天两百的活”.
 * Pure functions over the text: no database, no chat.
 */
import { parseCnNumber } from '../../nlu/entities/cn-number.js';
import { findMoney } from '../../nlu/entities/money.js';
import { toHalfWidth } from '../../nlu/entities/normalise.js';
import { findPlaces } from '../../nlu/entities/places.js';
import { JOB_CATEGORIES, categoriesIn } from './categories.js';

/** What a search asks for. Empty lists mean “no condition”. */
export interface JobQuery {
  /** Categories named (any of them matches). */
  categories: string[];
  /** Villages or communities named (any of them matches). */
  villages: string[];
  /** “附近”, “离家近”: rank by nearness to the resident's village. */
  near: boolean;
  /** 日结, 临时: paid by the day. */
  dayWork: boolean;
  /** 兼职, 半天, 钟点: part-time. */
  partTime: boolean;
  /** Perks that must all be offered (包吃, 包住, 五险). */
  perks: string[];
  /** The resident's age or age range (五十多岁 → 50–59). */
  age?: { min: number; max: number };
  /** The pay wanted at least, per unit if said (一天两百 → 200 per day). */
  pay?: { amount: number; unit?: 'hour' | 'day' | 'month' | 'piece' };
  /** The pay unit asked for without an amount (按小时算钱 → hour). */
  payUnit?: 'hour' | 'day' | 'month' | 'piece';
  /** Other words (two-character pieces) to match against titles, employers and descriptions. */
  keywords: string[];
}

const DAY_WORK = /日结|一天一结|当天结|天天结|做一天结一天|临时|零活|短工/;
const PART_TIME = /兼职|半天|钟点|小时工|周末|晚上|业余|只能上午|只能下午|几个小时/;
const PAY_UNITS: ReadonlyArray<readonly [RegExp, 'hour' | 'day' | 'month' | 'piece']> = [
  [/按小时|按钟点|小时工|时薪|按时算/, 'hour'],
  [/计件|按件/, 'piece'],
  [/按月|月薪|月结/, 'month'],
];
const NEAR = /附近|离家近|家门口|近一点|近点|周边|就近/;
const PERKS: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/包吃住|包食宿|管吃管住|吃住全包/, ['包吃', '包住']],
  [/包吃|管饭|管吃|供餐|包伙食/, ['包吃']],
  [/包住|管住|提供住宿|有宿舍/, ['包住']],
  [/五险|社保|缴社保|交社保/, ['五险']],
];
const AGE_NUMBER = '(\\d{2}|[一二三四五六七八九]?十[一二三四五六七八九]?)';
const AGE = new RegExp(`${AGE_NUMBER}\\s*(多|来|出头)?\\s*(?:岁|周岁|了)`);
const AGE_AFTER = new RegExp(`(?:今年|年纪|年龄|岁数)\\s*${AGE_NUMBER}\\s*(多|来|出头)?`);
/** Words that carry no search meaning, removed before keywords are taken. */
const FILLER = [
  '有没有', '有木有', '有无', '有吗', '招不招', '要不要', '招人', '招工', '在招', '还招', '能干啥', '能干什么', '能做啥', '能做什么',
  '干啥', '什么', '哪些', '哪里', '那边', '这边', '附近', '离家近', '的活', '活儿', '工作', '岗位', '找活', '找工作', '找个', '想找',
  '我会', '会开', '我想', '我要', '能不能', '可以', '请问', '一下', '现在', '最近', '还有', '有活', '吗', '呢', '啊', '呀', '吧', '嘛',
  '的', '了', '我', '俺', '你', '们', '个', '有', '没', '不', '招', '找', '活', '干', '做', '能', '想', '要', '岁', '多', '人', '那', '这',
];

/** The age or age range said (五十多岁 → 50–59, 53了 → 53), when plausible for work (16–80). */
export function ageIn(text: string): { min: number; max: number } | undefined {
  const m = AGE.exec(text) ?? AGE_AFTER.exec(text);
  if (!m) return undefined;
  const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : parseCnNumber(m[1]!);
  if (n === null || n < 16 || n > 80) return undefined;
  if (m[2] === '多' || m[2] === '来') return n % 10 === 0 ? { min: n, max: n + 9 } : { min: n, max: n + 2 };
  if (m[2] === '出头') return { min: n, max: n + 3 };
  return { min: n, max: n };
}

function keywordsOf(text: string, used: readonly string[]): string[] {
  let rest = text;
  for (const w of [...used, ...FILLER].sort((a, b) => b.length - a.length)) rest = rest.split(w).join(' ');
  const words = new Set<string>();
  for (const run of rest.match(/[\u4e00-\u9fff]{2,}/g) ?? []) {
    for (let i = 0; i + 2 <= run.length; i++) words.add(run.slice(i, i + 2));
  }
  return [...words];
}

/**
 * Read a job question.
 *
 * ```ts
 * parseJobQuery('附近有没有日结的保洁');
 * // { categories: ['保洁'], villages: [], near: true, dayWork: true, partTime: false, perks: [], keywords: [] }
 * parseJobQuery('五十多岁能干啥').age;   // { min: 50, max: 59 }
 * parseJobQuery('一天两百的活').pay;     // { amount: 200, unit: 'day' }
 * ```
 */
export function parseJobQuery(raw: string): JobQuery {
  const text = toHalfWidth(raw);
  const places = findPlaces(text);
  const money = findMoney(text)[0]?.value;
  const categories = categoriesIn(text);
  const perks = new Set<string>();
  const perkWords: string[] = [];
  for (const [re, names] of PERKS) {
    const m = re.exec(text);
    if (m) {
      names.forEach((n) => perks.add(n));
      perkWords.push(m[0]);
    }
  }
  const age = ageIn(text);
  const payUnit = money ? undefined : PAY_UNITS.find(([re]) => re.test(text));
  const used = [
    ...places.map((p) => p.text),
    ...findMoney(text).map((m) => m.text),
    ...JOB_CATEGORIES.flatMap((c) => (categories.includes(c.name) ? [...c.name.split('/'), ...c.synonyms] : [])),
    ...perkWords,
    ...[DAY_WORK, PART_TIME, NEAR, AGE, AGE_AFTER, ...PAY_UNITS.map(([re]) => re)].flatMap((re) => re.exec(text)?.[0] ?? []),
  ];
  return {
    categories,
    villages: [...new Set(places.map((p) => p.value.id))],
    near: NEAR.test(text),
    dayWork: DAY_WORK.test(text) || money?.unit === 'day' && /结/.test(text),
    partTime: PART_TIME.test(text),
    perks: [...perks],
    ...(age ? { age } : {}),
    ...(money ? { pay: { amount: money.amount, ...(money.unit ? { unit: money.unit } : {}) } } : {}),
    ...(payUnit ? { payUnit: payUnit[1] } : {}),
    keywords: keywordsOf(text, used),
  };
}

/** True when the query asks for nothing in particular (“有活吗”): every open posting matches. */
export function isOpenQuery(q: JobQuery): boolean {
  return (
    q.categories.length === 0 && q.villages.length === 0 && !q.dayWork && !q.partTime && q.perks.length === 0 && !q.age && !q.pay && !q.payUnit
  );
}
