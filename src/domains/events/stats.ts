/**
 * Event figures for the dashboard and the annual report: events held, sign-ups, check-ins and
 * average attendance per event, by month and by cultural hall.
 */
import type { PrismaClient } from '../../generated/prisma/client.js';
import { shanghaiDate } from '../../nlu/entities/shanghai-time.js';
import { hallById } from './halls.js';

/** One month × hall line (or the total, with month and hall `*`). */
export interface EventStatsLine {
  /** YYYY-MM in Shanghai time, or `*`. */
  month: string;
  hallId: string;
  hallName: string;
  /** Events over (ended before now) and not cancelled. */
  eventsHeld: number;
  /** Sign-ups not cancelled, and the people they stand for. */
  signups: number;
  people: number;
  /** Sign-ups checked in at the door, and the people they stand for. */
  checkIns: number;
  attendees: number;
  /** Attendees per event held, one decimal. */
  averageAttendance: number;
}

/**
 * Figures for events that ended in [from, to) and before `now`.
 *
 * ```ts
 * const { lines, total } = await eventStats(prisma, { from: new Date('2026-01-01T00:00:00+08:00') }, new Date());
 * ```
 */
export async function eventStats(
  prisma: PrismaClient,
  range: { from?: Date; to?: Date },
  now: Date,
): Promise<{ lines: EventStatsLine[]; total: EventStatsLine }> {
  const to = range.to && range.to < now ? range.to : now;
  const events = await prisma.event.findMany({
    where: { status: { not: 'cancelled' }, endsAt: { lt: to, ...(range.from ? { gte: range.from } : {}) } },
    include: { signups: { where: { status: { not: 'cancelled' } }, select: { partySize: true, checkedInAt: true } } },
    orderBy: { startsAt: 'asc' },
  });
  const lines = new Map<string, EventStatsLine>();
  const blank = (month: string, hallId: string): EventStatsLine => ({
    month,
    hallId,
    hallName: hallId === '*' ? '*' : (hallById(hallId)?.name ?? hallId),
    eventsHeld: 0,
    signups: 0,
    people: 0,
    checkIns: 0,
    attendees: 0,
    averageAttendance: 0,
  });
  const total = blank('*', '*');
  for (const e of events) {
    const month = shanghaiDate(e.startsAt).slice(0, 7);
    const key = `${month} ${e.hallId}`;
    const line = lines.get(key) ?? blank(month, e.hallId);
    lines.set(key, line);
    for (const l of [line, total]) {
      l.eventsHeld++;
      for (const s of e.signups) {
        l.signups++;
        l.people += s.partySize;
        if (s.checkedInAt) {
          l.checkIns++;
          l.attendees += s.partySize;
        }
      }
    }
  }
  for (const l of [...lines.values(), total]) l.averageAttendance = l.eventsHeld ? Math.round((l.attendees / l.eventsHeld) * 10) / 10 : 0;
  return { lines: [...lines.values()], total };
}
