/**
 * One row of the hub's posting spreadsheet (CSV exported from Excel, or a JSON array), checked
 * with zod and turned into what the database stores. Column names may be the hub's Chinese
 * headers (岗位编号, 用工单位…) or the English ones of the JSON format (externalId, employer…).
 * Errors are written for the hub staff reading the import report, in Chinese.
 */
import { z } from 'zod';
import { findPlaces, placeById } from '../../nlu/entities/places.js';
import { SHANGHAI_OFFSET } from '../../nlu/entities/shanghai-time.js';
import { categoryNamed } from './categories.js';
import { jobsText } from './text.js';

/** Column aliases: the key is the field, the values the headers that mean it. */
const COLUMNS: Record<string, readonly string[]> = {
  externalId: ['externalId', 'external_id', '岗位编号', '编号'],
  employer: ['employer', '用工单位', '单位', '企业'],
  title: ['title', '岗位名称', '岗位'],
  category: ['category', '类别', '岗位类别'],
  description: ['description', '岗位描述', '描述', '工作内容'],
  village: ['village', '村社', '所属村社'],
  location: ['location', '工作地点', '地点'],
  payAmount: ['payAmount', 'pay_amount', '薪资', '薪资下限', '工资'],
  payMax: ['payMax', 'pay_max', '薪资上限'],
  payUnit: ['payUnit', 'pay_unit', '计薪方式', '薪资单位'],
  headcount: ['headcount', '招聘人数', '人数'],
  ageMin: ['ageMin', 'age_min', '年龄下限', '最低年龄'],
  ageMax: ['ageMax', 'age_max', '年龄上限', '最高年龄'],
  skills: ['skills', '技能要求', '技能'],
  certificates: ['certificates', '证书要求', '证书'],
  perks: ['perks', '福利', '待遇'],
  dayWork: ['dayWork', 'day_work', '日结'],
  partTime: ['partTime', 'part_time', '兼职'],
  contact: ['contact', '联系方式', '联系人'],
  postedAt: ['postedAt', 'posted_at', '发布日期', '发布时间'],
  validUntil: ['validUntil', 'valid_until', '有效期至', '截止日期'],
  status: ['status', '状态'],
  source: ['source', '来源'],
};

const UNITS: Record<string, 'hour' | 'day' | 'month' | 'piece'> = {
  hour: 'hour', 时: 'hour', 小时: 'hour', 元时: 'hour', '元/小时': 'hour', 时薪: 'hour',
  day: 'day', 天: 'day', 日: 'day', '元/天': 'day', 日薪: 'day',
  month: 'month', 月: 'month', '元/月': 'month', 月薪: 'month',
  piece: 'piece', 件: 'piece', 计件: 'piece', '元/件': 'piece',
};

const STATUSES: Record<string, 'open' | 'filled' | 'expired'> = {
  open: 'open', 招聘中: 'open', 开放: 'open', filled: 'filled', 已招满: 'filled', 招满: 'filled', expired: 'expired', 已过期: 'expired',
};

const TRUE_WORDS = ['是', 'true', '1', 'yes', 'y', '日结', '兼职'];

const e = jobsText.importErrors;
const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v).trim());
const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(text).filter(Boolean) : text(v).split(/[,，、;；/|\s]+/).filter(Boolean);
const optionalInt = (message: string) =>
  z.preprocess((v) => (text(v) === '' ? undefined : Number(text(v))), z.number({ error: message }).int(message).min(0, message).max(100_000, message).optional());
const optionalMoney = z.preprocess(
  (v) => (text(v) === '' ? undefined : Number(text(v).replace(/[元￥¥,]/g, ''))),
  z.number({ error: e.pay }).positive(e.pay).max(1_000_000, e.pay).optional(),
);

/** A date (YYYY-MM-DD, YYYY/M/D, optional time) in Asia/Shanghai; a bare date of `validUntil` means the end of that day. */
function shanghaiInstant(endOfDay: boolean) {
  return z.preprocess((v) => {
    const s = text(v).replace(/\//g, '-');
    const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?$/.exec(s);
    if (!m) return undefined;
    const [, y, mo, d, h, mi] = m;
    const time = h ? `${h.padStart(2, '0')}:${mi}:00.000` : endOfDay ? '23:59:59.999' : '00:00:00.000';
    const date = new Date(`${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}T${time}${SHANGHAI_OFFSET}`);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }, z.date({ error: endOfDay ? e.validUntil : e.postedAt }));
}

/** The validated row, as stored. */
export const postingRowSchema = z
  .object({
    externalId: z.preprocess(text, z.string().min(1, e.externalId).max(64, e.externalId)),
    employer: z.preprocess(text, z.string().min(1, e.employer).max(100, e.employer)),
    title: z.preprocess(text, z.string().min(1, e.title).max(60, e.title)),
    category: z.preprocess((v) => categoryNamed(text(v)) ?? '', z.string().min(1, e.category)),
    description: z.preprocess(text, z.string().max(2000, e.description)),
    village: z.preprocess((v) => {
      const s = text(v);
      if (s === '') return null;
      return placeById(s)?.id ?? findPlaces(s)[0]?.value.id ?? '?';
    }, z.string().regex(/^[a-z-]+$/, e.village).nullable()),
    location: z.preprocess(text, z.string().max(200)),
    payAmount: optionalMoney,
    payMax: optionalMoney,
    payUnit: z.preprocess((v) => (text(v) === '' ? undefined : (UNITS[text(v)] ?? '?')), z.enum(['hour', 'day', 'month', 'piece'], { error: e.payUnit }).optional()),
    headcount: z.preprocess((v) => (text(v) === '' ? 1 : Number(text(v))), z.number({ error: e.headcount }).int(e.headcount).min(1, e.headcount).max(10_000, e.headcount)),
    ageMin: optionalInt(e.age),
    ageMax: optionalInt(e.age),
    skills: z.preprocess(list, z.array(z.string().max(30))),
    certificates: z.preprocess(list, z.array(z.string().max(30))),
    perks: z.preprocess(list, z.array(z.string().max(30))),
    dayWork: z.preprocess((v) => TRUE_WORDS.includes(text(v).toLowerCase()), z.boolean()),
    partTime: z.preprocess((v) => TRUE_WORDS.includes(text(v).toLowerCase()), z.boolean()),
    contact: z.preprocess(text, z.string().max(100)),
    postedAt: shanghaiInstant(false),
    validUntil: shanghaiInstant(true),
    status: z.preprocess((v) => (text(v) === '' ? 'open' : (STATUSES[text(v)] ?? '?')), z.enum(['open', 'filled', 'expired'], { error: e.status })),
    source: z.preprocess(text, z.string().max(60)),
  })
  .refine((r) => r.payMax === undefined || r.payAmount === undefined || r.payMax >= r.payAmount, { message: e.payRange })
  .refine((r) => r.payAmount === undefined || r.payUnit !== undefined, { message: e.payUnit })
  .refine((r) => r.ageMin === undefined || r.ageMax === undefined || r.ageMin <= r.ageMax, { message: e.ageRange })
  .refine((r) => r.validUntil >= r.postedAt, { message: e.dates });

/** A posting row after validation. */
export type PostingRow = z.output<typeof postingRowSchema>;

/** Map a record's headers (Chinese or English) to the field names of {@link postingRowSchema}. */
export function normaliseHeaders(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    const k = key.replace(/^\uFEFF/, '').trim();
    const field = Object.entries(COLUMNS).find(([, aliases]) => aliases.includes(k))?.[0];
    if (field) out[field] = value;
  }
  return out;
}

/**
 * Check one record. Returns the row or the reason it was rejected (the first problem, in Chinese).
 *
 * ```ts
 * parsePostingRow({ 岗位编号: 'J1', 用工单位: '六禾物业', 岗位名称: '保洁员', 类别: '保洁', 发布日期: '2026-11-20', 有效期至: '2026-12-20' });
 * // { ok: true, row: { externalId: 'J1', category: '保洁', … } }
 * ```
 */
export function parsePostingRow(record: Record<string, unknown>): { ok: true; row: PostingRow } | { ok: false; reason: string } {
  const checked = postingRowSchema.safeParse(normaliseHeaders(record));
  if (checked.success) return { ok: true, row: checked.data };
  const issue = checked.error.issues[0];
  return { ok: false, reason: issue?.message ?? e.unknown };
}
