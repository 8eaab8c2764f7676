/**
 * Broadcasts: a notice to an audience, delivered through the core outbox (no second delivery
 * engine). Every message is an outbox row carrying the broadcast's id, all written by one
 * `bot.notify` transaction, so a crash never leaves half a broadcast; the outbox paces each
 * channel, retries (honouring retry_after) and resumes after a restart. Progress is counted
 * from those rows.
 *
 * A broadcast row is written first in status `creating`; if the process dies before its
 * outbox rows are written, {@link BroadcastService.recover} writes them (exactly once: the rows
 * are all-or-nothing, so "no rows yet" is a safe test).
 */
import { z } from 'zod';
import type { NotifyTarget, Reply } from '../../core/types.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { placeById } from '../../nlu/entities/places.js';
import { hallById } from './halls.js';
import { tagsOf } from './service.js';
import { EVENT_TAGS, eventsText as t } from './text.js';

/** Who receives a broadcast. Opted-out residents (退订) are left out of every audience. */
export const AudienceSchema = z.discriminatedUnion('kind', [
  /** Residents who subscribed (订阅). */
  z.object({ kind: z.literal('all') }),
  /** Residents of a village or community (seed/places.json id). */
  z.object({ kind: z.literal('village'), village: z.string().refine((v) => placeById(v) !== undefined, 'unknown village') }),
  /** Residents who signed up for any event carrying the tag. */
  z.object({ kind: z.literal('tag'), tag: z.enum(EVENT_TAGS) }),
  /** Residents signed up (confirmed or waitlisted) for one event. */
  z.object({ kind: z.literal('event'), eventId: z.number().int().positive() }),
]);
export type Audience = z.infer<typeof AudienceSchema>;

export const NewBroadcastSchema = z.object({
  text: z.string().trim().min(2).max(1000),
  audience: AudienceSchema,
  eventId: z.number().int().positive().optional(),
});
export type NewBroadcast = z.input<typeof NewBroadcastSchema>;

/** Write a broadcast's outbox rows in one transaction (the bot's `notify` with a broadcast id). */
export type BroadcastNotify = (targets: NotifyTarget[], reply: Reply, options: { broadcastId: number }) => Promise<number[]>;

/** Where a broadcast stands. */
export interface BroadcastProgress {
  id: number;
  status: string;
  /** Outbox rows written (residents with a channel address). */
  total: number;
  sent: number;
  failed: number;
  /** Waiting, being sent, or waiting for a retry. */
  pending: number;
  done: boolean;
  /** Set once done. */
  report: { total: number; sent: number; failed: number; seconds: number } | null;
}

export class BroadcastService {
  /** Broadcasts this process is writing right now (recover must not write them a second time). */
  private readonly inProgress = new Set<number>();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly notify: BroadcastNotify,
  ) {}

  /**
   * Create a broadcast: choose the audience, write every outbox row in one transaction.
   *
   * ```ts
   * const { id, recipients } = await broadcasts.createBroadcast({ text: '重阳节活动改到下午两点', audience: { kind: 'event', eventId: 3 } }, new Date());
   * ```
   * @throws ZodError on bad input (text too long, unknown village…); nothing is written.
   */
  async createBroadcast(input: NewBroadcast, now: Date, actor = 'admin'): Promise<{ id: number; recipients: number }> {
    const b = NewBroadcastSchema.parse(input);
    const eventId = b.eventId ?? (b.audience.kind === 'event' ? b.audience.eventId : undefined);
    if (eventId !== undefined && !(await this.prisma.event.findUnique({ where: { id: eventId } }))) {
      throw new z.ZodError([{ code: 'custom', path: ['eventId'], message: 'unknown event', input: eventId }]);
    }
    const row = await this.prisma.broadcast.create({
      data: { text: b.text, audience: JSON.stringify(b.audience), eventId: eventId ?? null, actor, status: 'creating', recipients: 0, createdAt: now },
    });
    await this.prisma.auditLog.create({
      data: { at: now, actor, action: 'broadcast.create', entity: 'broadcast', entityId: String(row.id), after: JSON.stringify({ audience: b.audience, eventId }) },
    });
    this.inProgress.add(row.id);
    try {
      return { id: row.id, recipients: await this.writeRows(row.id) };
    } finally {
      this.inProgress.delete(row.id);
    }
  }

  /**
   * Sent / failed / pending counts of a broadcast, and its final report once nothing is
   * pending (the broadcast is then marked done).
   */
  async broadcastProgress(id: number, now: Date = new Date()): Promise<BroadcastProgress | null> {
    const b = await this.prisma.broadcast.findUnique({ where: { id } });
    if (!b) return null;
    const groups = await this.prisma.outboundMessage.groupBy({ by: ['status'], where: { broadcastId: id }, _count: { _all: true } });
    const count = (...statuses: string[]) => groups.filter((g) => statuses.includes(g.status)).reduce((n, g) => n + g._count._all, 0);
    const sent = count('sent', 'delivered');
    const failed = count('failed');
    const pending = count('pending', 'sending');
    const total = sent + failed + pending;
    const done = b.status !== 'creating' && pending === 0;
    let report = b.report ? (JSON.parse(b.report) as BroadcastProgress['report']) : null;
    if (done && b.status !== 'done') {
      report = { total, sent, failed, seconds: Math.round((now.getTime() - b.createdAt.getTime()) / 1000) };
      await this.prisma.broadcast.updateMany({ where: { id, status: 'sending' }, data: { status: 'done', finishedAt: now, report: JSON.stringify(report) } });
    }
    return { id, status: done ? 'done' : b.status, total, sent, failed, pending, done, report };
  }

  /**
   * After a restart: write the rows of broadcasts a crash caught before their rows were
   * written. Returns the ids resumed.
   */
  async recover(): Promise<number[]> {
    const creating = (await this.prisma.broadcast.findMany({ where: { status: 'creating' } })).filter((b) => !this.inProgress.has(b.id));
    for (const b of creating) {
      this.inProgress.add(b.id);
      try {
        await this.writeRows(b.id);
      } finally {
        this.inProgress.delete(b.id);
      }
    }
    return creating.map((b) => b.id);
  }

  /**
   * Broadcasts still sending that have nothing pending any more: marks them done and returns
   * their final reports (the caller tells the sender).
   */
  async finishDone(now: Date): Promise<Array<{ id: number; actor: string; report: NonNullable<BroadcastProgress['report']> }>> {
    const sending = await this.prisma.broadcast.findMany({ where: { status: 'sending' } });
    const finished = [];
    for (const b of sending) {
      const p = await this.broadcastProgress(b.id, now);
      if (p?.done && p.report) finished.push({ id: b.id, actor: b.actor, report: p.report });
    }
    return finished;
  }

  /** The residents an audience reaches today, opted-out and erased residents left out. */
  async selectAudience(audience: Audience): Promise<number[]> {
    const optedOut = new Set(
      (await this.prisma.noticeSubscription.findMany({ where: { subscribed: false }, select: { residentId: true } })).map((r) => r.residentId),
    );
    let ids: number[];
    if (audience.kind === 'all') {
      ids = (await this.prisma.noticeSubscription.findMany({ where: { subscribed: true }, select: { residentId: true } })).map((r) => r.residentId);
    } else if (audience.kind === 'village') {
      ids = (await this.prisma.resident.findMany({ where: { village: audience.village }, select: { id: true } })).map((r) => r.id);
    } else {
      let eventIds: number[];
      if (audience.kind === 'event') eventIds = [audience.eventId];
      else {
        const events = await this.prisma.event.findMany({ where: { tags: { contains: audience.tag } }, select: { id: true, tags: true } });
        eventIds = events.filter((e) => tagsOf(e).includes(audience.tag)).map((e) => e.id);
      }
      const signups = await this.prisma.eventSignup.findMany({
        where: { eventId: { in: eventIds }, residentId: { not: null }, status: { in: audience.kind === 'event' ? ['confirmed', 'waitlisted'] : ['confirmed', 'waitlisted', 'cancelled'] } },
        select: { residentId: true },
      });
      ids = signups.map((s) => s.residentId!);
    }
    const live = new Set(
      (await this.prisma.resident.findMany({ where: { id: { in: [...new Set(ids)] }, anonymisedAt: null }, select: { id: true } })).map((r) => r.id),
    );
    return [...live].filter((id) => !optedOut.has(id)).sort((a, b) => a - b);
  }

  private async writeRows(id: number): Promise<number> {
    const b = await this.prisma.broadcast.findUniqueOrThrow({ where: { id } });
    let recipients = await this.prisma.outboundMessage.count({ where: { broadcastId: id } });
    if (recipients === 0) {
      const residents = await this.selectAudience(AudienceSchema.parse(JSON.parse(b.audience)));
      // bot.notify writes a broadcast's rows only once, even when another writer got there first.
      const rows = residents.length ? await this.notify(residents.map((residentId) => ({ residentId })), { text: await this.compose(b.text, b.eventId) }, { broadcastId: id }) : [];
      recipients = rows.length > 0 ? rows.length : await this.prisma.outboundMessage.count({ where: { broadcastId: id } });
    }
    await this.prisma.broadcast.update({ where: { id }, data: { status: 'sending', recipients } });
    return recipients;
  }

  private async compose(text: string, eventId: number | null): Promise<string> {
    const event = eventId ? await this.prisma.event.findUnique({ where: { id: eventId } }) : null;
    const lines = [text];
    if (event) lines.push(t.broadcast.eventLine(event.title, event.startsAt, hallById(event.hallId)?.name ?? event.hallId));
    lines.push(t.broadcast.footer);
    return lines.join('\n');
  }
}
