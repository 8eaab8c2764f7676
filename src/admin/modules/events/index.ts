/**
 * The console's events module (admins): events list, create and edit; broadcasts with live
 * progress; dashboard panels on attendance (from the domain's `eventStats`). Everything goes
 * through the events domain's services, so audit rows and residents' messages are the same as
 * from the chat or the CLI.
 */
import { BroadcastService } from '../../../domains/events/broadcast.js';
import { EventService } from '../../../domains/events/service.js';
import { SignupService } from '../../../domains/events/signups.js';
import { eventStats } from '../../../domains/events/stats.js';
import type { AdminModule, ConsoleContext, DashboardPanel } from '../../module.js';
import { broadcastRoutes } from './broadcast-pages.js';
import { eventRoutes } from './events-pages.js';
import { eventsAdminText as t } from './text.js';

/** Twelve months back from the first day of `now`'s month (Asia/Shanghai). */
function yearBack(now: Date): Date {
  const local = new Date(now.getTime() + 8 * 3_600_000);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - 11, 1) - 8 * 3_600_000);
}

/** Attendance panels (admins): the year's figures and people signed up / attending per month. */
export function eventPanels(ctx: ConsoleContext): DashboardPanel[] {
  const p = t.panel;
  let memo: { at: number; stats: ReturnType<typeof eventStats> } | null = null;
  // The dashboard loads every panel with the same `now`: read the figures once per load.
  const stats = (now: Date) => {
    if (memo?.at !== now.getTime()) memo = { at: now.getTime(), stats: eventStats(ctx.prisma, { from: yearBack(now) }, now) };
    return memo.stats;
  };
  return [
    {
      id: 'events-figures',
      title: p.figures,
      access: ['admin'],
      load: async ({ now }) => {
        const { total } = await stats(now);
        return {
          kind: 'figures',
          figures: [
            { label: p.held, value: total.eventsHeld },
            { label: p.signedUp, value: total.people },
            { label: p.attendees, value: total.attendees },
            { label: p.average, value: total.averageAttendance },
          ],
        };
      },
    },
    {
      id: 'events-attendance',
      title: p.attendance,
      access: ['admin'],
      load: async ({ now }) => {
        const { lines } = await stats(now);
        const months = new Map<string, { people: number; attendees: number }>();
        for (const l of lines) {
          const m = months.get(l.month) ?? { people: 0, attendees: 0 };
          m.people += l.people;
          m.attendees += l.attendees;
          months.set(l.month, m);
        }
        const keys = [...months.keys()].sort();
        return {
          kind: 'chart',
          chart: {
            type: 'bar',
            labels: keys,
            datasets: [
              { label: p.people, data: keys.map((k) => months.get(k)!.people) },
              { label: p.attended, data: keys.map((k) => months.get(k)!.attendees) },
            ],
          },
        };
      },
    },
  ];
}

/**
 * Build the events module. Broadcasts are written with the console's `bot.notify`, in the
 * bot's own process, so the outbox starts sending at once.
 *
 * Pass the events domain's own services when you have them (`registerEvents` returns them):
 * the domain's crash recovery (`events.broadcasts` task) skips only the broadcasts its own
 * `BroadcastService` is writing, so sharing the instance keeps a broadcast being written
 * from the console from being written twice.
 *
 * ```ts
 * const events = await registerEvents(domainDeps);
 * await startAdminConsole({ …, modules: [domainStatsModule, (ctx) => eventsModule(ctx, events)] });
 * ```
 */
export function eventsModule(ctx: ConsoleContext, domain: { events?: EventService; signups?: SignupService; broadcasts?: BroadcastService } = {}): AdminModule {
  const events = domain.events ?? new EventService(ctx.prisma);
  const signups = domain.signups ?? new SignupService(ctx.prisma);
  const broadcasts = domain.broadcasts ?? new BroadcastService(ctx.prisma, (targets, reply, options) => ctx.bot.notify(targets, reply, options));
  return {
    name: 'events',
    nav: [
      { href: '/admin/events', label: t.nav.events, access: ['admin'] },
      { href: '/admin/broadcasts', label: t.nav.broadcasts, access: ['admin'] },
    ],
    routes: [...broadcastRoutes(ctx, broadcasts), ...eventRoutes(ctx, events, signups)],
    panels: eventPanels(ctx),
  };
}
