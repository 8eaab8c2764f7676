/**
 * The core's figures: messages, the outbox, residents, feedback and hand-over requests. Read
 * by the dashboard's panels and by `npm run admin -- stats`.
 */
import type { PrismaClient } from '../../generated/prisma/client.js';

/** The office's time zone offset (Asia/Shanghai has no daylight saving). */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The Asia/Shanghai calendar date (YYYY-MM-DD) of an instant. */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Midnight (Asia/Shanghai) of the day `days` before the day of `now`, as an instant. */
function dayStart(now: Date, daysBack: number): Date {
  const midnight = Date.parse(`${shanghaiDay(now)}T00:00:00+08:00`);
  return new Date(midnight - daysBack * 86_400_000);
}

/** Counts keyed by a column's value. */
export type Counts = Record<string, number>;

function countsOf<K extends string>(rows: Array<Record<K, unknown> & { _count: unknown }>, key: K): Counts {
  const out: Counts = {};
  for (const row of rows) out[String(row[key])] = Number(row._count);
  return out;
}

/** Inbound messages per Asia/Shanghai day and channel over the last `days` days (today included). */
export async function messagesPerDay(prisma: PrismaClient, now: Date, days = 14): Promise<{ days: string[]; byChannel: Record<string, number[]> }> {
  const since = dayStart(now, days - 1);
  const rows = await prisma.$queryRaw<Array<{ day: string; channel: string; n: number | bigint }>>`
    SELECT strftime('%Y-%m-%d', received_at / 1000, 'unixepoch', '+8 hours') AS day, channel, COUNT(*) AS n
    FROM inbound_messages WHERE received_at >= ${since.getTime()} GROUP BY day, channel`;
  const dayList = Array.from({ length: days }, (_, i) => shanghaiDay(new Date(since.getTime() + i * 86_400_000 + 12 * 3_600_000)));
  const byChannel: Record<string, number[]> = {};
  for (const row of rows) {
    const index = dayList.indexOf(row.day);
    if (index < 0) continue;
    (byChannel[row.channel] ??= new Array<number>(days).fill(0))[index] = Number(row.n);
  }
  return { days: dayList, byChannel };
}

/** Outbox rows by status (pending, sending, sent, delivered, failed). */
export async function outboxByStatus(prisma: PrismaClient): Promise<Counts> {
  return countsOf(await prisma.outboundMessage.groupBy({ by: ['status'], _count: true }), 'status');
}

/** Residents reachable on each channel (a resident on two channels counts on both). */
export async function residentsByChannel(prisma: PrismaClient): Promise<Counts> {
  return countsOf(await prisma.channelIdentity.groupBy({ by: ['channel'], _count: true }), 'channel');
}

/** Feedback (留言) by status. */
export async function feedbackByStatus(prisma: PrismaClient): Promise<Counts> {
  return countsOf(await prisma.feedback.groupBy({ by: ['status'], _count: true }), 'status');
}

/** Hand-over requests (转人工) by status. */
export async function handoffsByStatus(prisma: PrismaClient): Promise<Counts> {
  return countsOf(await prisma.handoffRequest.groupBy({ by: ['status'], _count: true }), 'status');
}

/** The headline figures. */
export async function coreFigures(prisma: PrismaClient, now: Date) {
  const [residents, messagesToday, feedbackNew, handoffsOpen] = await Promise.all([
    prisma.resident.count({ where: { anonymisedAt: null } }),
    prisma.inboundMessage.count({ where: { receivedAt: { gte: dayStart(now, 0) } } }),
    prisma.feedback.count({ where: { status: 'new' } }),
    prisma.handoffRequest.count({ where: { status: 'open' } }),
  ]);
  return { residents, messagesToday, feedbackNew, handoffsOpen };
}

/**
 * Every core figure at once (for the CLI's `stats`).
 *
 * ```ts
 * const stats = await coreStats(prisma, new Date());
 * stats.outbox.failed; // failed outbox rows
 * ```
 */
export async function coreStats(prisma: PrismaClient, now: Date) {
  return {
    figures: await coreFigures(prisma, now),
    residentsByChannel: await residentsByChannel(prisma),
    messagesPerDay: await messagesPerDay(prisma, now, 7),
    outbox: await outboxByStatus(prisma),
    feedback: await feedbackByStatus(prisma),
    handoffs: await handoffsByStatus(prisma),
  };
}
