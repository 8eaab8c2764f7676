/**
 * Messages the events domain sends outside a conversation: promotion notices (候补转正) and the
 * day-before reminders. Each row is claimed (a timestamp set only where it was empty) before
 * its message is queued, so nobody is told twice — even if two runs overlap or the process
 * restarts. The price: a crash between the claim and the queueing loses that one message.
 */
import type { Reply } from '../../core/types.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { hallById } from './halls.js';
import { eventsText as t } from './text.js';

/** Queue a message to one resident (the bot's `notify`). */
export type NotifyResident = (residentId: number, reply: Reply) => Promise<unknown>;

const DAY = 24 * 3600_000;

/**
 * Tell residents promoted from a waitlist, once each. Run right after a cancellation and by the
 * periodic task (which also catches promotions a crash left untold).
 * @returns how many were told.
 */
export async function sendPromotionNotices(prisma: PrismaClient, notify: NotifyResident, now: Date): Promise<number> {
  const due = await prisma.eventSignup.findMany({
    where: { status: 'confirmed', promotedAt: { not: null }, promotionNoticeAt: null, residentId: { not: null }, event: { startsAt: { gt: now } } },
    include: { event: true },
    orderBy: { id: 'asc' },
  });
  let told = 0;
  for (const s of due) {
    const claimed = await prisma.eventSignup.updateMany({ where: { id: s.id, promotionNoticeAt: null }, data: { promotionNoticeAt: now } });
    if (claimed.count !== 1) continue;
    const hall = hallById(s.event.hallId)?.name ?? s.event.hallId;
    await notify(s.residentId!, { text: t.promoted(s.event.title, s.event.startsAt, hall, s.partySize, s.checkInCode) });
    told++;
  }
  return told;
}

/**
 * The day-before reminder: every confirmed sign-up of an open event starting within the next
 * 24 hours gets one reminder, never two.
 * @returns how many reminders were queued.
 */
export async function sendReminders(prisma: PrismaClient, notify: NotifyResident, now: Date): Promise<number> {
  const due = await prisma.eventSignup.findMany({
    where: {
      status: 'confirmed',
      remindedAt: null,
      residentId: { not: null },
      event: { status: 'open', startsAt: { gt: now, lte: new Date(now.getTime() + DAY) } },
    },
    include: { event: true },
    orderBy: { id: 'asc' },
  });
  let sent = 0;
  for (const s of due) {
    const claimed = await prisma.eventSignup.updateMany({ where: { id: s.id, remindedAt: null }, data: { remindedAt: now } });
    if (claimed.count !== 1) continue;
    const hall = hallById(s.event.hallId)?.name ?? s.event.hallId;
    await notify(s.residentId!, { text: t.reminder(s.event.title, s.event.startsAt, hall, s.partySize, s.checkInCode) });
    sent++;
  }
  return sent;
}
