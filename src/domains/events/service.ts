/**
 * Cultural events: create, edit, find upcoming ones. Business rules over Prisma, no chat: the
 * dialogue, the admin console and the CLI all call this.
 */
import { z } from 'zod';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { placeById } from '../../nlu/entities/places.js';
import { hallById } from './halls.js';
import { EVENT_TAGS, type EventFacts } from './text.js';

/** What an admin fills in to create an event. */
export const NewEventSchema = z
  .object({
    title: z.string().trim().min(2).max(60),
    description: z.string().trim().max(1000).default(''),
    hallId: z.string().refine((id) => hallById(id) !== undefined, 'unknown cultural hall'),
    /** Defaults to the hall's village. */
    village: z.string().refine((id) => placeById(id) !== undefined, 'unknown village').optional(),
    startsAt: z.coerce.date(),
    endsAt: z.coerce.date(),
    capacity: z.number().int().min(1).max(5000),
    /** Defaults to the start. */
    signupDeadline: z.coerce.date().optional(),
    tags: z.array(z.enum(EVENT_TAGS)).default([]),
    status: z.enum(['open', 'cancelled']).default('open'),
  })
  .refine((e) => e.endsAt > e.startsAt, { message: 'ends before it starts', path: ['endsAt'] })
  .refine((e) => !e.signupDeadline || e.signupDeadline <= e.startsAt, { message: 'deadline after the start', path: ['signupDeadline'] });
export type NewEvent = z.input<typeof NewEventSchema>;

/** Which upcoming events to list. */
export interface EventFilter {
  /** Starts at or after (default: now). */
  from?: Date;
  /** Starts before. */
  to?: Date;
  tag?: string;
  village?: string;
  hallId?: string;
  /** Searched in the title, description and tags (e.g. 重阳). */
  keyword?: string;
}

type EventRow = Awaited<ReturnType<PrismaClient['event']['findFirstOrThrow']>>;

/** Split the stored tag list. */
export function tagsOf(row: { tags: string }): string[] {
  return row.tags ? row.tags.split(',').filter(Boolean) : [];
}

function audit(prisma: PrismaClient, at: Date, actor: string, action: string, id: number, before: unknown, after: unknown) {
  return prisma.auditLog.create({
    data: { at, actor, action, entity: 'event', entityId: String(id), before: before ? JSON.stringify(before) : null, after: JSON.stringify(after) },
  });
}

export class EventService {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Create an event (validated; throws a ZodError naming the bad field).
   *
   * ```ts
   * const id = await events.createEvent({ title: '乡村音乐唱想生活', hallId: 'bingang-hall', startsAt, endsAt, capacity: 40, tags: ['文艺'] }, 'cli', new Date());
   * ```
   */
  async createEvent(input: NewEvent, actor: string, now: Date): Promise<number> {
    const e = NewEventSchema.parse(input);
    const row = await this.prisma.event.create({
      data: {
        title: e.title,
        description: e.description,
        hallId: e.hallId,
        village: e.village ?? hallById(e.hallId)!.village,
        startsAt: e.startsAt,
        endsAt: e.endsAt,
        capacity: e.capacity,
        signupDeadline: e.signupDeadline ?? e.startsAt,
        tags: e.tags.join(','),
        status: e.status,
        createdAt: now,
        updatedAt: now,
      },
    });
    await audit(this.prisma, now, actor, 'event.create', row.id, null, row);
    return row.id;
  }

  /**
   * Change an event. Raising the capacity does not promote the waitlist by itself: call
   * `SignupService.promote(id)` after (the dialogue layer then tells those promoted).
   */
  async updateEvent(id: number, patch: Partial<NewEvent>, actor: string, now: Date): Promise<void> {
    const before = await this.prisma.event.findUniqueOrThrow({ where: { id } });
    const merged = NewEventSchema.parse({
      title: before.title,
      description: before.description,
      hallId: before.hallId,
      village: before.village,
      startsAt: before.startsAt,
      endsAt: before.endsAt,
      capacity: before.capacity,
      signupDeadline: before.signupDeadline,
      tags: tagsOf(before),
      status: before.status,
      ...patch,
    });
    const after = await this.prisma.event.update({
      where: { id },
      data: { ...merged, village: merged.village ?? before.village, signupDeadline: merged.signupDeadline ?? merged.startsAt, tags: merged.tags.join(','), updatedAt: now },
    });
    await audit(this.prisma, now, actor, 'event.update', id, before, after);
  }

  /** One event, or null. */
  async get(id: number): Promise<EventRow | null> {
    return this.prisma.event.findUnique({ where: { id } });
  }

  /**
   * Open events starting from `filter.from` (default now), soonest first.
   *
   * ```ts
   * await events.upcoming({ tag: '亲子', village: 'wuhu' }, new Date());
   * ```
   */
  async upcoming(filter: EventFilter, now: Date, limit = 50): Promise<EventFacts[]> {
    const from = filter.from && filter.from > now ? filter.from : now;
    const rows = await this.prisma.event.findMany({
      where: {
        status: 'open',
        startsAt: { gt: from, ...(filter.to ? { lt: filter.to } : {}) },
        ...(filter.village ? { village: filter.village } : {}),
        ...(filter.hallId ? { hallId: filter.hallId } : {}),
      },
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
      take: 500,
    });
    const wanted = rows.filter(
      (r) =>
        (!filter.tag || tagsOf(r).includes(filter.tag)) &&
        (!filter.keyword || r.title.includes(filter.keyword) || r.description.includes(filter.keyword) || r.tags.includes(filter.keyword)),
    );
    return this.facts(wanted.slice(0, limit));
  }

  /** The facts shown for events: hall name, places left, waitlist length. */
  async facts(rows: EventRow[]): Promise<EventFacts[]> {
    if (rows.length === 0) return [];
    const counts = await this.prisma.eventSignup.groupBy({
      by: ['eventId', 'status'],
      where: { eventId: { in: rows.map((r) => r.id) }, status: { in: ['confirmed', 'waitlisted'] } },
      _sum: { partySize: true },
      _count: { _all: true },
    });
    return rows.map((r) => {
      const confirmed = counts.find((c) => c.eventId === r.id && c.status === 'confirmed')?._sum.partySize ?? 0;
      const waitlisted = counts.find((c) => c.eventId === r.id && c.status === 'waitlisted')?._count._all ?? 0;
      return {
        id: r.id,
        title: r.title,
        description: r.description,
        hallName: hallById(r.hallId)?.name ?? r.hallId,
        startsAt: r.startsAt,
        endsAt: r.endsAt,
        signupDeadline: r.signupDeadline,
        tags: tagsOf(r),
        placesLeft: waitlisted > 0 ? 0 : Math.max(0, r.capacity - confirmed),
        waitlisted,
      };
    });
  }
}

/**
 * Delete or anonymise a resident's personal data in the events tables: sign-ups keep their
 * counts (party size, status, check-in) but lose the resident; the subscription goes.
 * Called by the privacy.delete flow.
 *
 * ```ts
 * await eraseEventsPersonalData(prisma, 12);
 * ```
 */
export async function eraseEventsPersonalData(prisma: PrismaClient, residentId: number): Promise<void> {
  await prisma.eventSignup.updateMany({ where: { residentId }, data: { residentId: null } });
  await prisma.noticeSubscription.deleteMany({ where: { residentId } });
}
