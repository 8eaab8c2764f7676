/**
 * The staff's side of 随手拍 in chat: binding a chat identity ("绑定 123456"), an admin issuing a
 * code ("绑定码 wuhu-1-leader"), and acting on cases: 受理 / 处理 / 办结 / 退回 / 转派 / 重复 #id.
 */
import type { Bot } from '../../core/bot.js';
import type { Context } from '../../core/context.js';
import { findPlaces } from '../../nlu/entities/places.js';
import type { HazardActor } from './actor.js';
import { announceChange } from './announce.js';
import type { HazardsKit } from './kit.js';
import type { StaffAction } from './lifecycle.js';
import { STAFF_BIND_CODE_HOURS } from './staff.js';
import { hazardsText as t, statusNames } from './text.js';

const BIND = /^绑定\s*(\d{6})$/;
const ISSUE = /^绑定码\s*([a-z][a-z0-9-]*)$/i;
// Over the text as written (full-width ＃ and letters allowed), so the note keeps its own punctuation.
const COMMAND = /^(受理|接单|处理中|处理|办结|完成|退回|转派|转交|重复)\s*[#＃]?\s*([A-Za-z0-9Ａ-Ｚａ-ｚ０-９]{5})(?![A-Za-z0-9Ａ-Ｚａ-ｚ０-９])[\s，,：:]*([\s\S]*)$/;
/** Wrong bind codes allowed per identity per hour, against guessing. */
const MAX_BIND_FAILURES = 5;

const ACTIONS: Record<string, StaffAction> = {
  受理: 'acknowledge',
  接单: 'acknowledge',
  处理: 'start',
  处理中: 'start',
  办结: 'resolve',
  完成: 'resolve',
  退回: 'reject',
  转派: 'transfer',
  转交: 'transfer',
  重复: 'duplicate',
};

const clean = (text: string) => text.normalize('NFKC').trim();

/** Register binding and the staff commands. */
export function registerStaffSide(bot: Bot, kit: HazardsKit): void {
  bot.filter((ctx) => BIND.test(clean(ctx.text).replace(/\s/g, '')), (ctx) => bind(kit, ctx));
  bot.filter((ctx) => ISSUE.test(clean(ctx.text)), (ctx) => issue(kit, ctx));
  bot.filter((ctx) => COMMAND.test(ctx.text.trim()), (ctx) => command(kit, ctx));
}

async function bind(kit: HazardsKit, ctx: Context): Promise<void> {
  const hourAgo = ctx.now.getTime() - 3600_000;
  const failures = ((ctx.memory.staffBindFailures as number[] | undefined) ?? []).filter((at) => at > hourAgo);
  if (failures.length >= MAX_BIND_FAILURES) {
    await ctx.reply(t.bind.tooManyAttempts);
    return;
  }
  const code = BIND.exec(clean(ctx.text).replace(/\s/g, ''))![1]!;
  const result = await kit.staff.redeemBindCode(code, ctx.resident.id, ctx.now);
  if (!result.ok) {
    ctx.memory.staffBindFailures = [...failures, ctx.now.getTime()];
    await ctx.reply(t.bind.invalid);
    return;
  }
  delete ctx.memory.staffBindFailures;
  await ctx.reply(t.bind.ok(result.worker.name, result.grid.name));
}

async function issue(kit: HazardsKit, ctx: Context): Promise<void> {
  if (!(await kit.staff.isAdmin(ctx.resident.id))) {
    await ctx.reply(t.bind.adminOnly);
    return;
  }
  const key = ISSUE.exec(clean(ctx.text))![1]!.toLowerCase();
  const worker = await kit.staff.workerByKey(key);
  if (!worker || !worker.active) {
    await ctx.reply(t.bind.workerNotFound(key));
    return;
  }
  const { code } = await kit.staff.issueStaffBindCode(worker.id, ctx.now, `admin:${ctx.resident.id}`);
  await ctx.reply(t.bind.issued(code, worker.name, STAFF_BIND_CODE_HOURS));
}

async function command(kit: HazardsKit, ctx: Context): Promise<void> {
  const [, verb, rawCode, rest] = COMMAND.exec(ctx.text.trim())!;
  const action = ACTIONS[verb!]!;
  const code = rawCode!.normalize('NFKC').toUpperCase();
  const words = rest!.trim();
  const actor: HazardActor = { kind: 'resident', residentId: ctx.resident.id };
  let toGridId: string | undefined;
  if (action === 'transfer' && words) {
    const grids = kit.grids.find(words, findPlaces(words).map((p) => p.value.id));
    if (grids.length === 0) {
      // Refuse here only for staff: anyone else gets the same refusal as for every command.
      if (await kit.lifecycle.isStaff(actor)) {
        await ctx.reply(t.staff.gridNotFound(words));
        return;
      }
    } else if (grids.length > 1) {
      if (await kit.lifecycle.isStaff(actor)) {
        await ctx.reply(t.staff.chooseGrid, { options: grids.map((g) => `转派 #${code} ${g.name}`) });
        return;
      }
    } else toGridId = grids[0]!.id;
  }
  const result = await kit.lifecycle.act({
    code,
    action,
    actor,
    at: ctx.now,
    ...(action === 'duplicate' ? { duplicateOf: /#?\s*([A-Za-z0-9]{5})/.exec(words.normalize('NFKC'))?.[1] ?? '' } : {}),
    ...(action === 'transfer' ? { toGridId } : { note: words }),
  });
  if (!result.ok) {
    const status = result.report ? (statusNames[result.report.status] ?? result.report.status) : '';
    const say: Record<typeof result.reason, () => string> = {
      not_staff: () => t.staff.notStaff,
      not_found: () => t.staff.notFound(code),
      not_your_grid: () => t.staff.notYourGrid(code, result.grid?.name ?? ''),
      closed: () => t.staff.closed(code, status),
      already: () => t.staff.already(code, status),
      note_required: () => t.staff.noteRequired[action === 'acknowledge' || action === 'start' ? 'resolve' : action](code),
      same_grid: () => t.staff.sameGrid(result.grid?.name ?? ''),
      unknown_grid: () => t.staff.gridNotFound(words),
      duplicate_target_missing: () => t.staff.duplicateTargetMissing(/#?\s*([A-Za-z0-9]{5})/.exec(words)?.[1]?.toUpperCase() ?? ''),
    };
    await ctx.reply(say[result.reason]());
    return;
  }
  const { report, grid } = result;
  const staffSays: Record<StaffAction, () => string> = {
    acknowledge: () => t.staff.done.acknowledge(report.code),
    start: () => t.staff.done.start(report.code),
    resolve: () => t.staff.done.resolve(report.code),
    reject: () => t.staff.done.reject(report.code),
    duplicate: () => t.staff.done.duplicate(report.code, report.duplicateOf ?? ''),
    transfer: () => t.staff.done.transfer(report.code, grid.name),
  };
  await ctx.reply(staffSays[action]());
  // The same notices as when the console acts: only the way they are sent differs.
  await announceChange(kit, async (targets, reply) => {
    for (const target of targets) await ctx.notify(target, reply.text, reply);
  }, { ...result, action });
}
