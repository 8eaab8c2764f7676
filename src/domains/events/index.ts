/**
 * The events domain: cultural events in the village halls (文化礼堂), sign-ups with capacity
 * and waitlist, day-before reminders, notice subscriptions and broadcasts through the outbox.
 *
 * ```ts
 * // app.ts, before registerGeneral (and before the jobs domain, for “我的报名”):
 * const events = await registerEvents(domainDeps);
 * await events.broadcasts.createBroadcast({ text: '…', audience: { kind: 'all' } }, new Date(), 'resident:1');
 * ```
 */
import type { DomainDeps } from '../../app.js';
import { BroadcastService } from './broadcast.js';
import { registerEventDialogue } from './handlers.js';
import { jobApplicationsIn, registerMineAndSubscriptions, type HasJobApplications } from './mine.js';
import { sendPromotionNotices, sendReminders, type NotifyResident } from './notices.js';
import { EventService } from './service.js';
import { SignupService } from './signups.js';
import { eventsText as t } from './text.js';

export { BroadcastService, type Audience, type BroadcastProgress } from './broadcast.js';
export { eventsDemoSeeder } from './demo.js';
export { EventService, eraseEventsPersonalData, type NewEvent } from './service.js';
export { SignupService } from './signups.js';
export { eventStats } from './stats.js';

/** Scheduler task: promotions left untold, then the day-before reminders. */
export const REMINDERS_TASK = 'events.reminders';
/** Scheduler task: resume broadcasts a crash interrupted, report finished ones to their sender. */
export const BROADCASTS_TASK = 'events.broadcasts';

/** What the events domain offers the admin console and the CLI. */
export interface EventsDomain {
  events: EventService;
  signups: SignupService;
  broadcasts: BroadcastService;
  /** Run the reminder task once (what the scheduler runs every 10 minutes). */
  runReminders(now: Date): Promise<{ reminders: number; promotions: number }>;
  /** Run the broadcast task once (what the scheduler runs every 15 seconds). */
  runBroadcasts(now: Date): Promise<void>;
}

/**
 * Register the events domain.
 * @param options.hasJobApplications how “我的报名” learns about job applications (default: the jobs table)
 */
export async function registerEvents(deps: DomainDeps, options: { hasJobApplications?: HasJobApplications } = {}): Promise<EventsDomain> {
  const { bot, prisma, scheduler, clock } = deps;
  const events = new EventService(prisma);
  const signups = new SignupService(prisma);
  const broadcasts = new BroadcastService(prisma, (targets, reply, opts) => bot.notify(targets, reply, opts));
  const notifyResident: NotifyResident = (residentId, reply) => bot.notify([{ residentId }], reply);

  registerMineAndSubscriptions(bot, { prisma, signups, hasJobApplications: options.hasJobApplications ?? jobApplicationsIn(prisma) });
  registerEventDialogue(bot, { events, signups, tellPromoted: (now) => sendPromotionNotices(prisma, notifyResident, now) });

  const domain: EventsDomain = {
    events,
    signups,
    broadcasts,
    async runReminders(now) {
      // Heal promotions a crash skipped between a cancellation and its promotion.
      const upcoming = await prisma.event.findMany({ where: { status: 'open', startsAt: { gt: now } }, select: { id: true } });
      for (const e of upcoming) await signups.promote(e.id, now);
      const promotions = await sendPromotionNotices(prisma, notifyResident, now);
      return { reminders: await sendReminders(prisma, notifyResident, now), promotions };
    },
    async runBroadcasts(now) {
      await broadcasts.recover();
      for (const done of await broadcasts.finishDone(now)) {
        const sender = /^resident:(\d+)$/.exec(done.actor);
        if (sender) await notifyResident(Number(sender[1]), { text: t.broadcast.report(done.id, done.report.total, done.report.sent, done.report.failed) });
      }
    },
  };
  scheduler.every(REMINDERS_TASK, 10 * 60_000, () => domain.runReminders(clock()));
  scheduler.every(BROADCASTS_TASK, 15_000, () => domain.runBroadcasts(clock()));
  return domain;
}
