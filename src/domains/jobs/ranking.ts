/**
 * Which open postings answer a {@link JobQuery}, best first. Hard conditions (category, village,
 * day work, part-time, perks, age, pay) filter; the order is relevance (words of the question
 * found in the title, employer and description), freshness (posted recently), nearness (in the
 * resident's own village) and, when pay was asked for, the better paid first.
 */
import type { JobQuery } from './query.js';

/** The fields of a posting that search needs. */
export interface SearchablePosting {
  id: number;
  title: string;
  category: string;
  employer: string;
  description: string;
  village: string | null;
  payAmount: number | null;
  payMax: number | null;
  payUnit: string | null;
  ageMin: number | null;
  ageMax: number | null;
  skills: readonly string[];
  perks: readonly string[];
  dayWork: boolean;
  partTime: boolean;
  postedAt: Date;
}

/** Rough working time per unit, to compare 25元/小时 with 200元/天 (8 hours a day, 26 days a month). */
const HOURS: Record<string, number> = { hour: 1, day: 8, month: 8 * 26 };

/** The posting's best pay expressed per `unit`, or null when not comparable (面议, 计件 vs 天). */
export function payPer(p: Pick<SearchablePosting, 'payAmount' | 'payMax' | 'payUnit'>, unit: string): number | null {
  const pay = p.payMax ?? p.payAmount;
  if (pay === null || p.payUnit === null) return null;
  if (p.payUnit === unit) return pay;
  const from = HOURS[p.payUnit];
  const to = HOURS[unit];
  return from && to ? (pay / from) * to : null;
}

/** Does the posting meet every hard condition of the query? */
export function meets(p: SearchablePosting, q: JobQuery): boolean {
  if (q.categories.length > 0 && !q.categories.includes(p.category)) return false;
  if (q.villages.length > 0 && (p.village === null || !q.villages.includes(p.village))) return false;
  if (q.dayWork && !p.dayWork) return false;
  if (q.partTime && !p.partTime && p.payUnit !== 'hour') return false;
  if (q.perks.some((perk) => !p.perks.includes(perk))) return false;
  if (q.age) {
    if (p.ageMax !== null && p.ageMax < q.age.min) return false;
    if (p.ageMin !== null && p.ageMin > q.age.max) return false;
  }
  if (q.payUnit && p.payUnit !== q.payUnit) return false;
  if (q.pay) {
    // A bare amount (两百的活) is taken per day under 1,000 and per month above.
    const unit = q.pay.unit ?? (q.pay.amount >= 1000 ? 'month' : 'day');
    const pay = payPer(p, unit);
    if (pay === null || pay < q.pay.amount * 0.95) return false;
    // A monthly wage means a full-time job: an hourly part-time job does not answer it.
    if (unit === 'month' && p.partTime) return false;
  }
  return true;
}

/** Where the resident is, for nearness. */
export interface Searcher {
  /** The resident's home village id, if known. */
  home?: string | null;
}

const DAY = 86_400_000;

/** The score of a posting that meets the query: higher is better. */
export function score(p: SearchablePosting, q: JobQuery, who: Searcher, now: Date): number {
  const head = `${p.title} ${p.employer} ${p.skills.join(' ')}`;
  let relevance = 0;
  for (const k of q.keywords) {
    if (head.includes(k)) relevance += 2;
    else if (p.description.includes(k)) relevance += 1;
  }
  relevance = Math.min(relevance, 6);
  const ageDays = Math.max(0, (now.getTime() - p.postedAt.getTime()) / DAY);
  const freshness = 2 * Math.max(0, 1 - ageDays / 30);
  const nearness = who.home && p.village === who.home ? 2 : 0;
  let pay = 0;
  if (q.pay) {
    const unit = q.pay.unit ?? (q.pay.amount >= 1000 ? 'month' : 'day');
    const offered = payPer(p, unit);
    // Better paid first, and paid the way asked (per day when 一天两百) before converted pay.
    if (offered !== null) pay = Math.min(1, (offered - q.pay.amount) / q.pay.amount) + (p.payUnit === unit ? 0.5 : 0);
  }
  return relevance + freshness + nearness + pay;
}

/**
 * The postings that answer the query, best first.
 *
 * ```ts
 * rankPostings(open, parseJobQuery('五湖村的保洁'), { home: 'wuhu' }, new Date()).map((p) => p.id);
 * ```
 */
export function rankPostings<P extends SearchablePosting>(postings: readonly P[], q: JobQuery, who: Searcher, now: Date): P[] {
  return postings
    .filter((p) => meets(p, q))
    .map((p) => ({ p, s: score(p, q, who, now) }))
    .sort((a, b) => b.s - a.s || b.p.postedAt.getTime() - a.p.postedAt.getTime() || a.p.id - b.p.id)
    .map((x) => x.p);
}
