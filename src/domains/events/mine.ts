/**
 * “我的报名” and subscriptions (订阅 / 退订).
 *
 * “我的报名” is shared with the jobs domain (job applications). The rule, checked before
 * classification so the NLU's guess does not matter:
 * - the text mentions events (活动, 礼堂, 演出…) → the resident's event sign-ups;
 * - it mentions jobs (岗位, 工作, 零工…) → not ours, passed on;
 * - otherwise: event sign-ups only → ours; job applications only (or neither) → passed on;
 *   both → a menu: 我的活动报名 / 我的岗位报名.
 *
 * 订阅 has no intent of its own: a short message asking to subscribe (and not saying 退订/
 * 不要…) is recognised here. 退订 is the `subscription.stop` intent.
 */
import type { Bot } from '../../core/bot.js';
import type { Context } from '../../core/context.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { SignupService } from './signups.js';
import { setSubscription } from './subscriptions.js';
import { EVENT_WORDS, JOB_WORDS, MY_SIGNUPS, NOT_SUBSCRIBE, SUBSCRIBE, eventsText as t } from './text.js';

/** Whether the resident has applied for jobs (the jobs domain's table, when it exists). */
export type HasJobApplications = (residentId: number) => Promise<boolean>;

/**
 * The default check reads the jobs domain's `job_applications` table if there is one; a
 * missing table (jobs not installed) means no applications.
 */
export function jobApplicationsIn(prisma: PrismaClient): HasJobApplications {
  return async (residentId) => {
    try {
      const rows = await prisma.$queryRawUnsafe<unknown[]>('SELECT 1 FROM job_applications WHERE resident_id = ? LIMIT 1', residentId);
      return rows.length > 0;
    } catch {
      return false;
    }
  };
}

async function listMine(ctx: Context, signups: SignupService): Promise<void> {
  const mine = await signups.mine(ctx.resident.id, ctx.now);
  if (mine.length === 0) return ctx.reply(t.mine.none);
  const lines = mine.map((s, i) => t.mine.line(i + 1, s.title, s.startsAt, s.partySize, t.signup.statusName[s.status] ?? s.status, s.checkInCode));
  await ctx.reply([t.mine.header, ...lines, t.mine.footer].join('\n'));
}

/** Register “我的报名”, 订阅 and `subscription.stop`. Call before the jobs domain registers. */
export function registerMineAndSubscriptions(
  bot: Bot,
  deps: { prisma: PrismaClient; signups: SignupService; hasJobApplications: HasJobApplications },
): void {
  const { prisma, signups } = deps;

  bot.filter(
    (ctx) => ctx.text === t.mine.eventsOption || MY_SIGNUPS.test(ctx.text),
    async (ctx, next) => {
      if (ctx.text === t.mine.eventsOption || EVENT_WORDS.some((w) => ctx.text.includes(w))) return listMine(ctx, signups);
      if (JOB_WORDS.some((w) => ctx.text.includes(w))) return next();
      const events = (await signups.mine(ctx.resident.id, ctx.now)).length > 0;
      const jobs = await deps.hasJobApplications(ctx.resident.id);
      if (events && jobs) return ctx.reply(t.mine.whichKind, { options: [t.mine.eventsOption, t.mine.jobsOption] });
      if (events) return listMine(ctx, signups);
      return next();
    },
  );

  bot.filter(
    (ctx) => ctx.text.length <= 20 && SUBSCRIBE.test(ctx.text) && !NOT_SUBSCRIBE.test(ctx.text),
    async (ctx) => {
      const changed = await setSubscription(prisma, ctx.resident.id, true, ctx.now);
      await ctx.reply(changed ? t.subscription.subscribed : t.subscription.alreadySubscribed);
    },
  );

  bot.intent('subscription.stop', async (ctx) => {
    const changed = await setSubscription(prisma, ctx.resident.id, false, ctx.now);
    await ctx.reply(changed ? t.subscription.unsubscribed : t.subscription.alreadyUnsubscribed);
  });
}
