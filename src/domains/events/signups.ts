/**
 * Sign-ups: capacity with a waitlist, one sign-up per resident per event, the deadline, a
 * check-in code, cancellation with automatic promotion. The rules that must hold when many
 * residents sign up at once are single SQL statements (see sql.ts).
 */
import { randomInt } from 'node:crypto';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { insertSignup, promoteWaitlist } from './sql.js';
import type { SignupProblem } from './text.js';

/** Most people one sign-up may bring (the resident included). */
export const MAX_PARTY = 6;

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A short check-in code without look-alike characters (no 0/O, 1/I). */
export function newCheckInCode(): string {
  return Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/** A sign-up as residents and staff see it. */
export interface SignupView {
  id: number;
  eventId: number;
  title: string;
  startsAt: Date;
  hallId: string;
  partySize: number;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  checkInCode: string;
}

export type SignupResult =
  | { ok: true; signup: SignupView; /** 1-based place in the waitlist when waitlisted. */ position?: number }
  | { ok: false; problem: SignupProblem; title?: string; existing?: SignupView };

const isUniqueCodeClash = (err: unknown) => /check_in_code|UNIQUE constraint failed: event_signups\.event_id, event_signups\.check_in_code/.test(String((err as Error)?.message ?? err));

export class SignupService {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Sign a resident up. Confirmed when the party fits and nobody is waiting, waitlisted
   * otherwise; never over capacity, whatever runs at the same time.
   *
   * ```ts
   * const r = await signups.signup({ eventId: 3, residentId: 12, partySize: 2 }, new Date());
   * if (r.ok) console.log(r.signup.status, r.signup.checkInCode);
   * ```
   */
  async signup(input: { eventId: number; residentId: number; partySize: number }, now: Date): Promise<SignupResult> {
    const event = await this.prisma.event.findUnique({ where: { id: input.eventId } });
    if (!event) return { ok: false, problem: 'not-found' };
    const title = event.title;
    if (event.status !== 'open' || event.startsAt <= now) return { ok: false, problem: 'not-open', title };
    if (event.signupDeadline <= now) return { ok: false, problem: 'closed', title };
    if (!Number.isInteger(input.partySize) || input.partySize < 1 || input.partySize > MAX_PARTY) return { ok: false, problem: 'too-large', title };
    if (input.partySize > event.capacity) return { ok: false, problem: 'over-capacity', title };

    for (let attempt = 0; ; attempt++) {
      let rows: Array<{ id: number | bigint; status: string }>;
      try {
        rows = await this.prisma.$queryRawUnsafe(...insertSignup(event.id, input.residentId, input.partySize, newCheckInCode(), now.getTime()));
      } catch (err) {
        if (isUniqueCodeClash(err) && attempt < 5) continue;
        throw err;
      }
      const id = Number(rows[0]?.id ?? 0);
      if (!id) {
        // Nothing written: the resident holds an active sign-up, or the event closed meanwhile.
        const existing = await this.find(event.id, input.residentId);
        if (existing && existing.status !== 'cancelled') return { ok: false, problem: 'already', title, existing };
        return { ok: false, problem: 'closed', title };
      }
      const signup = (await this.byId(id))!;
      await this.audit(now, `resident:${input.residentId}`, 'event_signup.create', id, { status: signup.status, partySize: signup.partySize });
      return signup.status === 'waitlisted' ? { ok: true, signup, position: await this.positionOf(signup) } : { ok: true, signup };
    }
  }

  /**
   * Cancel a resident's sign-up (until the event starts); the waitlist is promoted at once.
   * @returns the event title, or the problem.
   */
  async cancel(signupId: number, residentId: number, now: Date): Promise<{ ok: true; title: string; promoted: number[] } | { ok: false; problem: 'not-found' | 'too-late'; title?: string }> {
    const signup = await this.byId(signupId);
    if (!signup || signup.status === 'cancelled') return { ok: false, problem: 'not-found' };
    const owner = await this.prisma.eventSignup.findUnique({ where: { id: signupId }, select: { residentId: true } });
    if (owner?.residentId !== residentId) return { ok: false, problem: 'not-found' };
    if (signup.startsAt <= now) return { ok: false, problem: 'too-late', title: signup.title };
    const changed = await this.prisma.eventSignup.updateMany({
      where: { id: signupId, status: { in: ['confirmed', 'waitlisted'] } },
      data: { status: 'cancelled', cancelledAt: now },
    });
    if (changed.count === 0) return { ok: false, problem: 'not-found' };
    await this.audit(now, `resident:${residentId}`, 'event_signup.cancel', signupId, { status: 'cancelled', was: signup.status });
    const promoted = await this.promote(signup.eventId, now);
    return { ok: true, title: signup.title, promoted };
  }

  /**
   * Move waitlisted parties to confirmed, in order, while the next one fits. Safe to run any
   * time (after a cancellation, a capacity raise, or by the periodic task after a crash).
   * @returns the promoted sign-up ids.
   */
  async promote(eventId: number, now: Date): Promise<number[]> {
    const rows = await this.prisma.$queryRawUnsafe<Array<{ id: number | bigint }>>(...promoteWaitlist(eventId, now.getTime()));
    const ids = rows.map((r) => Number(r.id));
    for (const id of ids) await this.audit(now, 'system', 'event_signup.promote', id, { status: 'confirmed', was: 'waitlisted' });
    return ids;
  }

  /** A resident's active sign-ups for events not yet over, soonest first. */
  async mine(residentId: number, now: Date): Promise<SignupView[]> {
    const rows = await this.prisma.eventSignup.findMany({
      where: { residentId, status: { in: ['confirmed', 'waitlisted'] }, event: { endsAt: { gt: now } } },
      include: { event: true },
      orderBy: { event: { startsAt: 'asc' } },
    });
    return rows.map(toView);
  }

  /** Mark a confirmed sign-up present at the door. */
  async checkIn(eventId: number, code: string, actor: string, now: Date): Promise<SignupView | null> {
    const row = await this.prisma.eventSignup.findUnique({ where: { eventId_checkInCode: { eventId, checkInCode: code.trim().toUpperCase() } } });
    if (!row || row.status !== 'confirmed') return null;
    const changed = await this.prisma.eventSignup.updateMany({ where: { id: row.id, checkedInAt: null }, data: { checkedInAt: now } });
    if (changed.count === 1) await this.audit(now, actor, 'event_signup.check_in', row.id, { checkedInAt: now.toISOString() });
    return this.byId(row.id);
  }

  /** A sign-up by id. */
  async byId(id: number): Promise<SignupView | null> {
    const row = await this.prisma.eventSignup.findUnique({ where: { id }, include: { event: true } });
    return row ? toView(row) : null;
  }

  private async find(eventId: number, residentId: number): Promise<SignupView | null> {
    const row = await this.prisma.eventSignup.findUnique({ where: { eventId_residentId: { eventId, residentId } }, include: { event: true } });
    return row ? toView(row) : null;
  }

  private async positionOf(s: SignupView): Promise<number> {
    const me = await this.prisma.eventSignup.findUniqueOrThrow({ where: { id: s.id } });
    const ahead = await this.prisma.eventSignup.count({
      where: {
        eventId: s.eventId,
        status: 'waitlisted',
        OR: [{ createdAt: { lt: me.createdAt } }, { createdAt: me.createdAt, id: { lt: me.id } }],
      },
    });
    return ahead + 1;
  }

  private audit(at: Date, actor: string, action: string, id: number, after: unknown) {
    return this.prisma.auditLog.create({ data: { at, actor, action, entity: 'event_signup', entityId: String(id), after: JSON.stringify(after) } });
  }
}

function toView(row: {
  id: number;
  eventId: number;
  partySize: number;
  status: string;
  checkInCode: string;
  event: { title: string; startsAt: Date; hallId: string };
}): SignupView {
  return {
    id: row.id,
    eventId: row.eventId,
    title: row.event.title,
    startsAt: row.event.startsAt,
    hallId: row.event.hallId,
    partySize: row.partySize,
    status: row.status as SignupView['status'],
    checkInCode: row.checkInCode,
  };
}
