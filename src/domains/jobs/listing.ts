/**
 * How search results and a posting read in the chat: a page of five, numbered, with options to
 * see one or turn the page; a posting's detail. The page lives in conversation memory so that
 * “下一页”, “3” and “报名第2个” refer to what the resident last saw.
 */
import type { Context } from '../../core/context.js';
import type { Option } from '../../core/types.js';
import { placeById } from '../../nlu/entities/places.js';
import { shanghaiWallClock } from '../../nlu/entities/shanghai-time.js';
import type { JobQuery } from './query.js';
import type { JobsService, PostingView } from './service.js';
import { dayText, jobsText as t, payText } from './text.js';

/** Results shown per page. */
export const PAGE_SIZE = 5;
/** Results kept for paging (ten pages). */
export const MAX_RESULTS = 50;

/** Memory keys of the jobs dialogue. */
export const MEMORY = {
  list: 'jobs.list',
  current: 'jobs.current',
  /** When the jobs dialogue last answered: tells whether the resident's previous turn was ours. */
  at: 'jobs.at',
} as const;

/** The result list a resident is paging through. */
export interface ListState {
  ids: number[];
  page: number;
  summary: string;
}

/** Prefix of the option text that opens a posting's detail. */
export const DETAIL_PREFIX = '岗位详情#';

/** Was the resident's previous message answered by the jobs dialogue? */
export function previousTurnWasJobs(ctx: Context): boolean {
  return ctx.memory[MEMORY.at] === ctx.conversation.lastActivityAt;
}

/** Mark this turn as answered by the jobs dialogue. */
export function markJobsTurn(ctx: Context): void {
  ctx.memory[MEMORY.at] = ctx.now.getTime();
}

/** The list in memory, if any. */
export function listOf(ctx: Context): ListState | undefined {
  return ctx.memory[MEMORY.list] as ListState | undefined;
}

/** The ids shown on the list's current page. */
export function pageIds(list: ListState): number[] {
  return list.ids.slice((list.page - 1) * PAGE_SIZE, list.page * PAGE_SIZE);
}

/** A place id as residents read it. */
export const placeName = (p: Pick<PostingView, 'village' | 'location'>): string =>
  [p.village ? (placeById(p.village)?.name ?? p.village) : '', p.location].filter(Boolean).join('·') || t.search.anywhere;

const tags = (p: PostingView): string => [p.dayWork ? t.search.tagDayWork : '', p.partTime ? t.search.tagPartTime : '', ...p.perks].filter(Boolean).join('、');

/** The words of a query, for “按‘五湖村·保洁·日结’为您找到…”. */
export function summarise(q: JobQuery): string {
  return [
    ...q.villages.map((v) => placeById(v)?.name ?? v),
    ...q.categories,
    q.dayWork ? t.search.tagDayWork : '',
    q.partTime ? t.search.tagPartTime : '',
    ...q.perks,
    q.age ? t.search.age(q.age.min, q.age.max) : '',
    q.pay ? t.search.payAtLeast(q.pay.amount, q.pay.unit ?? (q.pay.amount >= 1000 ? 'month' : 'day')) : '',
  ]
    .filter(Boolean)
    .join('·');
}

/** The options of a page: each posting (its number opens the detail), then 下一页 if there is more. */
export function pageOptions(postings: readonly PostingView[], more: boolean): Option[] {
  const options: Option[] = postings.map((p, i) => ({ label: `${i + 1}. ${p.title}`, text: `${DETAIL_PREFIX}${p.id}` }));
  if (more) options.push(t.search.nextPage);
  return options;
}

/** Show the list's current page, remember it. */
export async function showPage(ctx: Context, jobs: JobsService, list: ListState): Promise<void> {
  const postings = await jobs.postings(pageIds(list));
  const pages = Math.ceil(list.ids.length / PAGE_SIZE);
  const lines = postings.map((p, i) => t.search.line(i + 1, p.title, p.employer, placeName(p), payText(p), tags(p)));
  const more = list.page < pages;
  const options = pageOptions(postings, more);
  ctx.memory[MEMORY.list] = list;
  delete ctx.memory[MEMORY.current];
  markJobsTurn(ctx);
  await ctx.reply([t.search.header(list.ids.length, list.page, pages, list.summary), ...lines, more ? t.search.footer : t.search.lastPageFooter].join('\n'), {
    options,
  });
}

/** Show one posting in full, with “我要报名”. */
export async function showDetail(ctx: Context, p: PostingView): Promise<void> {
  const until = shanghaiWallClock(p.validUntil);
  ctx.memory[MEMORY.current] = p.id;
  markJobsTurn(ctx);
  const options: Option[] = [{ label: t.detail.applyOption, intent: 'job.apply', text: t.detail.applyOption }];
  if (listOf(ctx)) options.push(t.detail.backOption);
  await ctx.reply(
    t.detail.body({
      title: p.title,
      employer: p.employer,
      category: p.category,
      place: placeName(p),
      pay: payText(p),
      headcount: p.headcount,
      age: t.detail.ageRange(p.ageMin, p.ageMax),
      skills: p.skills.join('、'),
      certificates: p.certificates.join('、'),
      perks: p.perks.join('、'),
      description: p.description,
      validUntil: dayText(until),
      tags: [p.dayWork ? t.search.tagDayWork : '', p.partTime ? t.search.tagPartTime : ''].filter(Boolean).join('、'),
    }),
    { options },
  );
}
