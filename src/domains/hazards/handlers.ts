/**
 * The resident's side of 随手拍: reporting (urgent danger answered first), asking how reports
 * are going (report.status) and rating a resolved case.
 */
import type { Bot } from '../../core/bot.js';
import type { Context } from '../../core/context.js';
import type { UrgentMatch } from '../../nlu/urgent.js';
import { categoryName, categoryOfUrgent, inferCategory } from './categories.js';
import { collectPhotos, HAZARD_FORM, hazardForm, PHOTOS_KEY, URGENT_KEY, type HazardAnswers } from './form.js';
import type { HazardsKit } from './kit.js';
import { placeLabel, staffNotice, gridRecipients, toTargets } from './notices.js';
import { MAX_DESCRIPTION } from './service.js';
import { hazardsText as t, statusNames, stepNames } from './text.js';

// Words that only ask to report, saying nothing of what happened.
const GENERIC = /随手拍|我要|我想|想要|要|想|举报|反映|反应|上报|报告|报个|报一下|一下|个|问题|情况|隐患|投诉|拍|帮忙|请问|怎么|这里|有个|有|事|[\p{P}\p{S}\s]/gu;

/** Whether a message describes something (and so can stand as the description). */
export function describesSomething(text: string): boolean {
  return text.replace(GENERIC, '').length >= 3;
}

const RATE = /^(?:评价|评分|打分|打)\s*(?:#\s*([A-Za-z0-9]{5}))?\s*[:：]?\s*([0-9]{1,2}|[一二三四五六七八九十])\s*(?:分|星)?$/;
const BARE_RATE = /^([1-5一二三四五])\s*(?:分|星)$/;
const CN = '一二三四五六七八九十';
const toNumber = (s: string) => (/^\d+$/.test(s) ? Number(s) : CN.indexOf(s) + 1);

/** Register the report form and the resident's handlers. */
export function registerResidentSide(bot: Bot, kit: HazardsKit): void {
  bot.form(hazardForm((answers, ctx) => submitReport(kit, answers, ctx)));

  bot.intent('hazard.report', async (ctx) => {
    const urgent = (ctx.understanding?.urgent as UrgentMatch | null | undefined) ?? null;
    if (urgent && ctx.activeForm === HAZARD_FORM) {
      // Danger mid-report (the core let it past the form): say once what to do now, mark the
      // report urgent, and still give the words to the form: they are most likely its answer.
      if (!ctx.memory[URGENT_KEY]) await ctx.reply(t.urgentDuringForm(urgent.kind));
      ctx.memory[URGENT_KEY] = urgent.kind;
      await bot.forms.handle(ctx);
      return;
    }
    if (urgent && ctx.activeForm) {
      // Another form is open: answer the danger and leave that form where it was.
      await ctx.reply(t.urgentOtherForm(urgent.kind));
      return;
    }
    if (urgent) await ctx.reply(t.urgent(urgent.kind));
    await startReport(ctx, urgent);
  });

  bot.intent('report.status', (ctx) => showProgress(kit, ctx));

  bot.filter(
    (ctx) => RATE.test(ctx.text.normalize('NFKC').trim()) || BARE_RATE.test(ctx.text.normalize('NFKC').trim()),
    async (ctx, next) => {
      const text = ctx.text.normalize('NFKC').trim();
      const m = RATE.exec(text);
      const bare = BARE_RATE.exec(text);
      const score = toNumber((m?.[2] ?? bare?.[1])!);
      const result = await kit.lifecycle.rate(ctx.resident.id, m?.[1] ?? null, score, ctx.now);
      // “5分” alone may mean something else when there is nothing to rate.
      if (!m && !result.ok && result.reason === 'none') return next();
      if (result.ok) await ctx.reply(t.rating.thanks(result.report.code, score));
      else if (result.reason === 'range') await ctx.reply(t.rating.range);
      else if (result.reason === 'none') await ctx.reply(m?.[1] ? t.progress.notYours(m[1].toUpperCase()) : t.rating.none);
      else if (result.reason === 'not_resolved') await ctx.reply(t.rating.notResolved(result.report!.code));
      else await ctx.reply(t.rating.already(result.report!.code));
    },
  );
}

/** Start the form, prefilled with what the first message already says. */
async function startReport(ctx: Context, urgent: UrgentMatch | null): Promise<void> {
  ctx.memory[PHOTOS_KEY] = [];
  if (urgent) ctx.memory[URGENT_KEY] = urgent.kind;
  else delete ctx.memory[URGENT_KEY];
  const tooMany = collectPhotos(ctx);
  const initial: Record<string, unknown> = {};
  const category = inferCategory(ctx.text) ?? (urgent ? categoryOfUrgent(urgent.kind) : undefined);
  if (category) initial.category = category;
  if (ctx.text.length > MAX_DESCRIPTION) await ctx.reply(t.description.tooLongFirst(MAX_DESCRIPTION));
  else if (describesSomething(ctx.text)) initial.description = ctx.text;
  const place = ctx.entity('place')?.value as { id: string; via?: string } | undefined;
  if (ctx.inbound.location) initial.place = { placeId: null, via: null, latitude: ctx.inbound.location.latitude, longitude: ctx.inbound.location.longitude };
  else if (place) initial.place = { placeId: place.id, via: place.via ?? null };
  if (tooMany?.refused) await ctx.reply(tooMany.say);
  await ctx.startForm(HAZARD_FORM, initial);
}

/** Store the report, tell the resident its code and the grid's staff the case. */
async function submitReport(kit: HazardsKit, answers: HazardAnswers, ctx: Context): Promise<void> {
  const { report, grid, repeat } = await kit.reports.submit({
    residentId: ctx.resident.id,
    source: 'chat',
    anonymous: answers.anonymous,
    category: answers.category,
    description: answers.description,
    placeId: answers.place.placeId,
    via: answers.place.via ?? null,
    address: answers.address,
    latitude: answers.place.latitude ?? null,
    longitude: answers.place.longitude ?? null,
    urgentKind: answers.urgentKind,
    photos: answers.photos,
    at: ctx.now,
  });
  delete ctx.memory[PHOTOS_KEY];
  delete ctx.memory[URGENT_KEY];
  if (repeat) {
    await ctx.reply(t.alreadySubmitted(report.code));
    return;
  }
  const hint = t.ackHint(report.urgent, kit.limits.urgentAckMinutes, kit.limits.ackHours);
  await ctx.reply(t.submitted(report.code, grid.name, report.urgent, hint));
  const notice = staffNotice(report, ctx.resident.displayName);
  for (const target of toTargets(await gridRecipients(kit.staff, grid))) await ctx.notify(target, notice.text, notice);
}

/** report.status: the resident's reports, and the timeline of the one named (or the latest). */
async function showProgress(kit: HazardsKit, ctx: Context): Promise<void> {
  const named = /(?:#|进度\s*)([A-Za-z0-9]{5})(?![A-Za-z0-9])/.exec(ctx.text.normalize('NFKC'))?.[1]?.toUpperCase();
  const reports = await kit.reports.listForResident(ctx.resident.id, 5);
  if (named) {
    const report = (await kit.reports.byCode(named)) ?? null;
    if (!report || report.residentId !== ctx.resident.id) {
      await ctx.reply(t.progress.notYours(named));
      return;
    }
    await ctx.reply(await timelineText(kit, report));
    return;
  }
  if (reports.length === 0) {
    await ctx.reply(t.progress.none);
    return;
  }
  const lines = reports.map((r) =>
    t.progress.item(r.code, categoryName(r.category), placeLabel(r), statusNames[r.status] ?? r.status, t.dateFormat(r.createdAt)),
  );
  await ctx.reply([t.progress.listTitle, ...lines].join('\n'));
  await ctx.reply(`${await timelineText(kit, reports[0]!)}${reports.length > 1 ? `\n${t.progress.more}` : ''}`);
}

async function timelineText(kit: HazardsKit, report: { id: number; code: string; rating: number | null }): Promise<string> {
  const steps = await kit.reports.timeline(report.id);
  const lines = steps
    .filter((s) => s.kind !== 'rated')
    .map((s) => t.progress.step(t.timeFormat(s.at), stepNames[s.kind] ?? s.kind, s.kind === 'escalated' ? null : s.note));
  if (report.rating !== null) lines.push(t.progress.rated(report.rating));
  return [t.progress.timelineTitle(report.code), ...lines].join('\n');
}
