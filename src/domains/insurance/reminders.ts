/**
 * Enrolment reminders: within `days` of the enrolment deadline, residents with a known
 * household (a village on file, or an earlier application) who have not applied for the
 * coming coverage year get one reminder — never a second one for the same year — unless they
 * said “不用提醒医保”. Run by the scheduler task `insurance.reminders`.
 */
import type { PrismaClient } from '../../generated/prisma/client.js';
import { shanghaiDate } from '../../nlu/entities/shanghai-time.js';
import type { InsurancePolicy, PolicyYear } from './policy.js';
import { ACTIVE_STATUSES } from './service.js';

/** Sends one reminder to a resident (the domain wires it to `bot.notify`). */
export type ReminderSender = (residentId: number, year: PolicyYear, daysLeft: number) => Promise<unknown>;

const DAY_MS = 86_400_000;

/** Whole days from one `YYYY-MM-DD` day to another. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * Send the reminders due at `now`.
 *
 * ```ts
 * const { sent } = await sendEnrolmentReminders(prisma, policy, send, new Date(), 14);
 * ```
 * @returns how many residents were reminded, and the coverage year (null when none is due)
 */
export async function sendEnrolmentReminders(
  prisma: PrismaClient,
  policy: InsurancePolicy,
  send: ReminderSender,
  now: Date,
  days: number,
): Promise<{ sent: number; coverageYear: number | null }> {
  const year = policy.enrolmentYear(now);
  if (policy.windowState(year, now) !== 'open') return { sent: 0, coverageYear: null };
  const daysLeft = daysBetween(shanghaiDate(now), year.enrolment.end);
  if (daysLeft > days) return { sent: 0, coverageYear: null };
  const coverageYear = year.coverageYear;

  const candidates = await prisma.resident.findMany({
    where: {
      role: 'resident',
      anonymisedAt: null,
      OR: [{ village: { not: null } }, { enrolmentApplications: { some: {} } }],
      NOT: { enrolmentApplications: { some: { coverageYear, status: { in: [...ACTIVE_STATUSES] } } } },
    },
    select: { id: true },
    orderBy: { id: 'asc' },
  });
  if (candidates.length === 0) return { sent: 0, coverageYear };
  const ids = candidates.map((c) => c.id);
  const [optedOut, reminded] = await Promise.all([
    prisma.insuranceReminderOptOut.findMany({ where: { residentId: { in: ids } }, select: { residentId: true } }),
    prisma.insuranceReminder.findMany({ where: { coverageYear, residentId: { in: ids } }, select: { residentId: true } }),
  ]);
  const skip = new Set([...optedOut, ...reminded].map((r) => r.residentId));

  let sent = 0;
  for (const residentId of ids) {
    if (skip.has(residentId)) continue;
    // The row first: it is what makes a reminder go out once, even if two runs overlap.
    const row = await prisma.insuranceReminder.create({ data: { residentId, coverageYear, sentAt: now } }).catch(() => null);
    if (!row) continue;
    try {
      await send(residentId, year, daysLeft);
      sent++;
    } catch (err) {
      await prisma.insuranceReminder.delete({ where: { id: row.id } });
      throw err;
    }
  }
  return { sent, coverageYear };
}

/**
 * Record that a resident wants no more enrolment reminders. Idempotent.
 *
 * ```ts
 * await optOutOfReminders(prisma, resident.id, new Date());
 * ```
 */
export async function optOutOfReminders(prisma: PrismaClient, residentId: number, now: Date): Promise<void> {
  await prisma.insuranceReminderOptOut.upsert({
    where: { residentId },
    create: { residentId, createdAt: now },
    update: {},
  });
}
