/**
 * The jobs dialogue: search and paging, a posting's detail, applying, “我的报名”, 停止推荐, and
 * hub staff answering labour-rights cases. Services decide; this turns their results into text.
 */
import type { Bot } from '../../core/bot.js';
import type { Context } from '../../core/context.js';
import { pickedNumber } from '../../core/steps.js';
import { shanghaiWallClock } from '../../nlu/entities/shanghai-time.js';
import type { LaborService } from './labor.js';
import { categoriesIn } from './categories.js';
import {
  DETAIL_PREFIX,
  MAX_RESULTS,
  MEMORY,
  PAGE_SIZE,
  listOf,
  markJobsTurn,
  pageIds,
  pageOptions,
  previousTurnWasJobs,
  showDetail,
  showPage,
  summarise,
} from './listing.js';
import { ageIn, parseJobQuery } from './query.js';
import type { SeekerService } from './seekers.js';
import type { JobsService } from './service.js';
import { dayText, jobsText as t } from './text.js';

/** The services the dialogue uses. */
export interface JobsDialogueDeps {
  jobs: JobsService;
  seekers: SeekerService;
  labor: LaborService;
}

const NEXT_PAGE = /^(下一页|下页|下一頁|再来几个|还有吗|还有没有|更多|看更多)[。!！?？]?$/;
const BACK_TO_LIST = /^(返回列表|返回|回到列表)$/;
/** “报名第2个”, “我报3号”, “第二个我要去”: an application by position on the page. */
const APPLY_NTH = /(?:报名?|申请|投|应聘|去)\s*(?:第\s*)?([1-9]|[一二两三四五])\s*(?:个|号|条)?|第\s*([1-9]|[一二两三四五])\s*(?:个|号|条)?.*(?:报|去|申请|要)/;
const APPLY_THIS = /^(?:我要报名|我报名|报名|我要报这个|报这个|就这个|就它了?|我去|我要去|我想去|申请|我要申请|我要应聘)[吧了。!！]?$/;
const MINE_JOBS = /我(?:的)?(?:投|报)(?:的|过的|了哪些)?(?:工作|岗位|活)|我(?:的)?(?:工作|岗位|求职)报名|我报名的(?:工作|岗位|活)|(?:查|看)(?:一下)?(?:我的)?(?:工作|岗位)报名/;
const MINE_AMBIGUOUS = /^(?:我的报名|我报名的|查报名|查一下报名|我报了哪些|我报名了啥|报名记录)[？?。]?$/;
const STOP = /^(?:停止推荐|取消推荐|不要推荐了?|别推荐了|不要再推荐|退订推荐|停止推送)[。!！]?$/;
const STAFF_REPLY = /^回复\s*#\s*(\d+)\s*[:：,，]?\s*([\s\S]*)$/;
const STAFF_ROLES = new Set(['hub_staff', 'admin']);

const CN: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5 };
const nth = (s: string): number => CN[s] ?? Number(s);

/** Register the jobs dialogue's handlers (filters first: they answer before the NLU's guess). */
export function registerJobsHandlers(bot: Bot, deps: JobsDialogueDeps): void {
  const { jobs, seekers, labor } = deps;

  async function search(ctx: Context): Promise<void> {
    const q = parseJobQuery(ctx.text);
    const home = ctx.resident.village ?? (await seekers.get(ctx.resident.id))?.areas[0] ?? null;
    const found = await jobs.search(q, { home }, ctx.now);
    const summary = summarise(q);
    if (found.length === 0) return nothingFound(ctx, summary, q.villages[0]);
    await showPage(ctx, jobs, { ids: found.slice(0, MAX_RESULTS).map((p) => p.id), page: 1, summary });
  }

  async function nothingFound(ctx: Context, summary: string, village: string | undefined): Promise<void> {
    const nearby = (await jobs.openCategories(ctx.now, village)).slice(0, 3);
    const others = nearby.length > 0 ? nearby : (await jobs.openCategories(ctx.now)).slice(0, 3);
    markJobsTurn(ctx);
    await ctx.reply(`${t.search.nothing(summary)}\n${t.search.alternativesTitle}`, {
      options: [
        ...others.map((c) => ({ label: t.search.otherCategory(c.category), intent: 'job.search', text: c.category })),
        { label: t.search.allJobs, intent: 'job.search', text: t.search.allJobs },
        { label: t.search.registerOption, intent: 'job.register' },
      ],
    });
  }

  async function apply(ctx: Context, postingId: number): Promise<void> {
    const result = await jobs.apply(ctx.resident.id, postingId, ctx.now);
    markJobsTurn(ctx);
    if (!result.ok && result.reason === 'closed') return ctx.reply(t.apply.closed);
    if (!result.ok) return ctx.reply(t.apply.already(result.posting.title, dayText(shanghaiWallClock(result.since))));
    const seeker = await seekers.get(ctx.resident.id);
    const p = result.posting;
    await ctx.reply(seeker ? t.apply.done(p.title, p.employer) : `${t.apply.done(p.title, p.employer)}\n${t.apply.registerHint}`);
    const who = seeker?.name ?? ctx.resident.displayName ?? t.apply.anonymous;
    await ctx.notify({ role: 'hub_staff' }, t.apply.staffNotice(result.applicationId, p.title, p.employer, who, seeker?.phoneMasked ?? null, p.contact));
  }

  /** The posting an application means: “报名第2个” on the last page, or “这个” after a detail. */
  async function applyFromText(ctx: Context): Promise<void> {
    const list = listOf(ctx);
    const m = APPLY_NTH.exec(ctx.text) ?? (pickedNumber(ctx.text) !== undefined ? [ctx.text, String(pickedNumber(ctx.text))] : null);
    if (m && list) {
      const n = nth((m[1] ?? m[2])!);
      const ids = pageIds(list);
      if (n < 1 || n > ids.length) {
        markJobsTurn(ctx);
        return ctx.reply(t.detail.notOnPage(n, ids.length));
      }
      return apply(ctx, ids[n - 1]!);
    }
    const current = ctx.memory[MEMORY.current] as number | undefined;
    if (current !== undefined) return apply(ctx, current);
    if (list && pageIds(list).length === 1) return apply(ctx, pageIds(list)[0]!);
    markJobsTurn(ctx);
    if (!list) return ctx.reply(t.apply.noList);
    return ctx.reply(t.apply.which);
  }

  async function listMine(ctx: Context): Promise<void> {
    const mine = await jobs.applicationsOf(ctx.resident.id);
    markJobsTurn(ctx);
    if (mine.length === 0) return ctx.reply(t.mine.none);
    const lines = mine.map((a, i) =>
      t.mine.line(i + 1, a.posting.title, a.posting.employer, dayText(shanghaiWallClock(a.createdAt)), t.mine.status[a.status] ?? a.status),
    );
    await ctx.reply([t.mine.title, ...lines].join('\n'));
  }

  // Staff answering a labour-rights case: “回复 #12 已联系老板，下周一结清”.
  bot.filter(
    (ctx) => STAFF_ROLES.has(ctx.resident.role) && STAFF_REPLY.test(ctx.text),
    async (ctx) => {
      const [, id, body] = STAFF_REPLY.exec(ctx.text)!;
      const text = body!.trim();
      if (!text) return ctx.reply(t.labor.replyEmpty);
      const found = await labor.reply(Number(id), ctx.resident.id, text, ctx.now);
      if (!found) return ctx.reply(t.labor.noCase(Number(id)));
      if (found.residentId !== null) await ctx.notify({ residentId: found.residentId }, t.labor.reply(Number(id), text));
      await ctx.reply(t.labor.replySent(Number(id)));
    },
  );
  bot.filter(
    (ctx) => STOP.test(ctx.text.trim()),
    async (ctx) => ctx.reply((await seekers.stopRecommendations(ctx.resident.id, ctx.now)) ? t.recommend.stopped : t.recommend.notRegistered),
  );
  bot.filter(
    (ctx) => ctx.text.startsWith(DETAIL_PREFIX),
    async (ctx) => {
      const [posting] = await jobs.postings([Number(ctx.text.slice(DETAIL_PREFIX.length))]);
      if (!posting || posting.status !== 'open' || posting.validUntil < ctx.now) {
        markJobsTurn(ctx);
        return ctx.reply(t.detail.gone);
      }
      await showDetail(ctx, posting);
    },
  );
  bot.filter(
    (ctx) => NEXT_PAGE.test(ctx.text.trim()) && listOf(ctx) !== undefined,
    async (ctx) => {
      const list = listOf(ctx)!;
      if (list.page * PAGE_SIZE >= list.ids.length) {
        // The page's numbers keep working after “no more”.
        markJobsTurn(ctx);
        return ctx.reply(t.search.noMorePages, { options: pageOptions(await jobs.postings(pageIds(list)), false) });
      }
      await showPage(ctx, jobs, { ...list, page: list.page + 1 });
    },
  );
  bot.filter(
    (ctx) => BACK_TO_LIST.test(ctx.text.trim()) && listOf(ctx) !== undefined && previousTurnWasJobs(ctx),
    (ctx) => showPage(ctx, jobs, listOf(ctx)!),
  );
  bot.filter((ctx) => MINE_JOBS.test(ctx.text), listMine);
  bot.filter(
    (ctx) => MINE_AMBIGUOUS.test(ctx.text.trim()),
    (ctx) =>
      ctx.reply(t.mine.ambiguous, {
        options: [
          { label: t.mine.jobsOption, text: t.mine.jobsOption },
          { label: t.mine.eventsOption, text: t.mine.eventsOption },
        ],
      }),
  );
  // Right after a list or a detail, “报名第2个” / “我要报名” mean that list, whatever the classifier
  // thought (报名 is also the events' word).
  bot.filter(
    (ctx) => previousTurnWasJobs(ctx) && (listOf(ctx) !== undefined || ctx.memory[MEMORY.current] !== undefined) && (APPLY_NTH.test(ctx.text) || APPLY_THIS.test(ctx.text)),
    applyFromText,
  );
  // “会开叉车”, “五十多岁能干啥”: a skill or an age with no other meaning the classifier knows is a job question.
  bot.filter(
    (ctx) => (ctx.intent === 'None' || ctx.intent === 'help') && (categoriesIn(ctx.text).length > 0 || ageIn(ctx.text) !== undefined) && ctx.text.length <= 40,
    (ctx) => search(ctx),
  );
  bot.intent('job.apply', applyFromText);
  bot.intent('job.search', (ctx) => (ctx.text === t.search.allJobs ? searchAll(ctx) : search(ctx)));

  async function searchAll(ctx: Context): Promise<void> {
    const found = await jobs.search(parseJobQuery(''), { home: ctx.resident.village }, ctx.now);
    if (found.length === 0) return nothingFound(ctx, '', undefined);
    await showPage(ctx, jobs, { ids: found.slice(0, MAX_RESULTS).map((p) => p.id), page: 1, summary: '' });
  }
}
