/**
 * The events dialogue: event.list (filtered listing and details), event.signup, event.cancel.
 * Options carry the event or sign-up id (“报名活动 #12（2人）”), so a number picked from a list
 * leads straight to the right one.
 */
import type { Bot } from '../../core/bot.js';
import type { Context } from '../../core/context.js';
import type { Option } from '../../core/types.js';
import { hallById } from './halls.js';
import { eventIdIn, partySizeIn, readEventQuery } from './query.js';
import type { EventService } from './service.js';
import { MAX_PARTY, type SignupService } from './signups.js';
import { eventsText as t, type EventFacts } from './text.js';

/** Conversation memory key: the event whose details were shown last. */
const FOCUS = 'events.focus';
/** Events listed in one reply. */
const PAGE = 5;

export interface EventsDialogueDeps {
  events: EventService;
  signups: SignupService;
  /** Tell residents promoted from a waitlist (after a cancellation). */
  tellPromoted: (now: Date) => Promise<unknown>;
}

const detailOption = (e: EventFacts): Option => ({ label: t.list.option(e), intent: 'event.list', text: `活动详情 #${e.id}` });
const signupOption = (e: EventFacts, party: number): Option => ({
  label: t.list.option(e),
  intent: 'event.signup',
  text: `报名活动 #${e.id}（${party}人）`,
});

/** Longest run of a title's characters found in the text (“报名乡村音乐” ↔ 乡村音乐唱想生活 → 4). */
function titleOverlap(title: string, text: string): number {
  let best = 0;
  for (let i = 0; i < title.length; i++) {
    for (let j = i + best + 1; j <= title.length && text.includes(title.slice(i, j)); j++) best = j - i;
  }
  return best;
}

/** Events the text points at: by options' id, by filters, or by words of a title. */
async function eventsMeant(ctx: Context, events: EventService): Promise<{ list: EventFacts[]; narrowed: boolean; what: string }> {
  // Words of a title name one event better than any filter (“乡村音乐那个”).
  const byTitle = (await events.upcoming({}, ctx.now)).filter((e) => titleOverlap(e.title, ctx.text) >= 3);
  if (byTitle.length > 0) return { list: byTitle, narrowed: true, what: t.list.anyWhat };
  const q = readEventQuery(ctx.text, ctx.understanding?.entities ?? []);
  const list = await events.upcoming(q.filter, ctx.now);
  const f = q.filter;
  const what = f.keyword
    ? t.list.keywordWhat(f.keyword)
    : f.tag
      ? t.list.tagWhat(f.tag)
      : f.village || f.hallId
        ? t.list.villageWhat(f.hallId ? hallById(f.hallId)!.name : (ctx.entity('place')?.text ?? ''))
        : f.from
          ? t.list.dateWhat
          : t.list.anyWhat;
  return { list, narrowed: q.narrowed.length > 0, what };
}

async function listEvents(ctx: Context, list: EventFacts[], what: string, option: (e: EventFacts) => Option, header?: string): Promise<void> {
  const shown = list.slice(0, PAGE);
  const lines = [header ?? t.list.header(list.length, what), ...shown.map((e, i) => t.list.line(i + 1, e))];
  if (list.length > PAGE) lines.push(t.list.more(list.length - PAGE));
  lines.push(t.list.footer);
  await ctx.reply(lines.join('\n'), { options: shown.map(option) });
}

async function showDetail(ctx: Context, e: EventFacts): Promise<void> {
  ctx.memory[FOCUS] = e.id;
  await ctx.reply(t.detail(e), {
    options: [
      { label: t.signUpOption, intent: 'event.signup', text: `报名活动 #${e.id}（1人）` },
      { label: t.signUpTwoOption, intent: 'event.signup', text: `报名活动 #${e.id}（2人）` },
      { label: t.otherEventsOption, intent: 'event.list', text: '最近有什么活动' },
    ],
  });
}

/** Register event.list, event.signup and event.cancel. */
export function registerEventDialogue(bot: Bot, deps: EventsDialogueDeps): void {
  const { events, signups } = deps;

  bot.intent('event.list', async (ctx) => {
    const id = eventIdIn(ctx.text);
    if (id !== undefined) {
      const row = await events.get(id);
      const [facts] = row?.status === 'open' ? await events.facts([row]) : [];
      if (facts && facts.startsAt > ctx.now) return showDetail(ctx, facts);
    }
    const { list, narrowed, what } = await eventsMeant(ctx, events);
    if (list.length === 1 && narrowed) return showDetail(ctx, list[0]!);
    if (list.length > 0) return listEvents(ctx, list, what, detailOption);
    const all = narrowed ? await events.upcoming({}, ctx.now) : [];
    if (all.length === 0) return ctx.reply(t.list.none(narrowed ? what : t.list.anyWhat));
    return listEvents(ctx, all, t.list.anyWhat, detailOption, t.list.noneButOthers(what));
  });

  bot.intent('event.signup', async (ctx) => {
    const party = partySizeIn(ctx.text) ?? 1;
    if (party > MAX_PARTY) return ctx.reply(t.signup.tooLarge(MAX_PARTY));
    let eventId = eventIdIn(ctx.text);
    if (eventId === undefined) {
      const { list, narrowed } = await eventsMeant(ctx, events);
      const focus = ctx.memory[FOCUS] as number | undefined;
      if (narrowed && list.length === 1) eventId = list[0]!.id;
      else if (!narrowed && focus !== undefined) eventId = focus;
      else {
        const choices = list.length > 0 ? list : await events.upcoming({}, ctx.now);
        if (choices.length === 0) return ctx.reply(t.list.none(t.list.anyWhat));
        return listEvents(ctx, choices, t.list.anyWhat, (e) => signupOption(e, party), t.signup.which + t.signup.partyNote(party));
      }
    }
    const result = await signups.signup({ eventId, residentId: ctx.resident.id, partySize: party }, ctx.now);
    delete ctx.memory[FOCUS];
    if (result.ok) {
      const s = result.signup;
      const hall = hallById(s.hallId)?.name ?? s.hallId;
      if (s.status === 'confirmed') return ctx.reply(t.signup.confirmed(s.title, s.startsAt, hall, s.partySize, s.checkInCode));
      return ctx.reply(t.signup.waitlisted(s.title, s.partySize, result.position ?? 1));
    }
    switch (result.problem) {
      case 'already':
        return ctx.reply(t.signup.already(result.title!, result.existing!.status, result.existing!.checkInCode));
      case 'too-large':
        return ctx.reply(t.signup.tooLarge(MAX_PARTY));
      case 'over-capacity':
        return ctx.reply(t.signup.overCapacity(result.title!, (await events.get(eventId))!.capacity));
      case 'not-open':
        return ctx.reply(t.signup.notOpen(result.title!));
      default: {
        const others = (await events.upcoming({}, ctx.now)).filter((e) => e.id !== eventId);
        const header = result.problem === 'closed' ? t.signup.closed(result.title!) : t.signup.unknownEvent;
        if (others.length === 0) return ctx.reply(header.replace(/[：:]$/, '。'));
        return listEvents(ctx, others, t.list.anyWhat, detailOption, header);
      }
    }
  });

  bot.intent('event.cancel', async (ctx) => {
    if (ctx.text === t.cancel.noOption) return ctx.reply(t.cancel.kept);
    const confirmed = /确认取消报名\s*#(\d+)/.exec(ctx.text);
    if (confirmed) {
      const result = await signups.cancel(Number(confirmed[1]), ctx.resident.id, ctx.now);
      if (!result.ok) return ctx.reply(result.problem === 'too-late' ? t.cancel.tooLate(result.title!) : t.cancel.none);
      await ctx.reply(t.cancel.done(result.title));
      if (result.promoted.length > 0) await deps.tellPromoted(ctx.now);
      return;
    }
    const mine = await signups.mine(ctx.resident.id, ctx.now);
    if (mine.length === 0) return ctx.reply(t.cancel.none);
    const picked = eventIdIn(ctx.text);
    const keyword = readEventQuery(ctx.text, []).filter.keyword;
    const pointed =
      picked !== undefined
        ? mine.filter((s) => s.id === picked)
        : mine.filter((s) => titleOverlap(s.title, ctx.text) >= 3 || (keyword !== undefined && s.title.includes(keyword)));
    const candidates = pointed.length > 0 ? pointed : mine;
    if (candidates.length === 1) {
      const s = candidates[0]!;
      return ctx.reply(t.cancel.confirm(s.title, s.startsAt), {
        options: [{ label: t.cancel.yesOption, intent: 'event.cancel', text: `确认取消报名 #${s.id}` }, { label: t.cancel.noOption, intent: 'event.cancel', text: t.cancel.noOption }],
      });
    }
    return ctx.reply(t.cancel.which, {
      options: candidates.map((s): Option => ({ label: t.cancel.optionLabel(s.title, s.startsAt), intent: 'event.cancel', text: `取消报名 #${s.id}` })),
    });
  });
}
