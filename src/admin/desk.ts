/**
 * The office desk: feedback (留言) and hand-over requests (转人工) as staff work on them —
 * listing, marking answered and replying to the resident in their chat. Every change writes
 * an audit row; replies go through `bot.notify`, so they reach the resident on the channel
 * they used last, exactly like a chat reply.
 */
import type { Bot } from '../core/bot.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { writeAudit } from './audit.js';
import { adminText } from './text.js';

/** Longest reply staff may send. */
export const MAX_REPLY_LENGTH = 1000;

/** Which records a list shows. */
export type DeskFilter = 'open' | 'all';

/** Why a desk action changed nothing. */
export type DeskRefusal = 'not_found' | 'already_answered' | 'empty_reply' | 'reply_too_long' | 'no_resident' | 'no_address';

/** The result of a desk action. */
export type DeskResult = { ok: true } | { ok: false; reason: DeskRefusal };

type Kind = 'feedback' | 'handoff';

const OPEN_STATUS: Record<Kind, string> = { feedback: 'new', handoff: 'open' };
const ENTITY: Record<Kind, string> = { feedback: 'feedback', handoff: 'handoff_request' };

/**
 * The office desk's service.
 *
 * ```ts
 * const desk = new OfficeDesk(prisma, bot, () => new Date());
 * await desk.reply('handoff', 3, '您好，明天上午请到便民服务中心办理。', 'console:wang');
 * await desk.markAnswered('handoff', 3, 'console:wang');
 * ```
 */
export class OfficeDesk {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly bot: Bot,
    private readonly clock: () => Date,
  ) {}

  /** Feedback, newest first (phones only masked). */
  listFeedback(filter: DeskFilter, take = 100) {
    return this.prisma.feedback.findMany({
      where: filter === 'open' ? { status: 'new' } : {},
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take,
      select: { id: true, topic: true, content: true, phoneMasked: true, status: true, createdAt: true, residentId: true, resident: { select: { displayName: true } } },
    });
  }

  /** Hand-over requests, newest first. */
  listHandoffs(filter: DeskFilter, take = 100) {
    return this.prisma.handoffRequest.findMany({
      where: filter === 'open' ? { status: 'open' } : {},
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take,
      select: { id: true, text: true, status: true, createdAt: true, answeredAt: true, residentId: true, resident: { select: { displayName: true } } },
    });
  }

  /** Mark a feedback or hand-over request answered (once). */
  async markAnswered(kind: Kind, id: number, actor: string): Promise<DeskResult> {
    const now = this.clock();
    const current = await this.find(kind, id);
    if (!current) return { ok: false, reason: 'not_found' };
    if (current.status !== OPEN_STATUS[kind]) return { ok: false, reason: 'already_answered' };
    // Conditional update: of two staff clicking at once, one changes it and the other is told.
    const { count } =
      kind === 'feedback'
        ? await this.prisma.feedback.updateMany({ where: { id, status: 'new' }, data: { status: 'answered' } })
        : await this.prisma.handoffRequest.updateMany({ where: { id, status: 'open' }, data: { status: 'answered', answeredAt: now } });
    if (count === 0) return { ok: false, reason: 'already_answered' };
    await writeAudit(this.prisma, {
      at: now,
      actor,
      action: `${ENTITY[kind]}.answer`,
      entity: ENTITY[kind],
      entityId: id,
      before: { status: current.status },
      after: { status: 'answered' },
    });
    return { ok: true };
  }

  /**
   * Send a reply to the resident who wrote a feedback or asked for a person. The record
   * itself does not change status (staff mark it answered when the matter is done).
   */
  async reply(kind: Kind, id: number, text: string, actor: string): Promise<DeskResult> {
    const body = text.trim();
    if (body === '') return { ok: false, reason: 'empty_reply' };
    if ([...body].length > MAX_REPLY_LENGTH) return { ok: false, reason: 'reply_too_long' };
    const current = await this.find(kind, id);
    if (!current) return { ok: false, reason: 'not_found' };
    if (current.residentId === null) return { ok: false, reason: 'no_resident' };
    const ids = await this.bot.notify([{ residentId: current.residentId }], { text: adminText.desk.replyToResident(body) });
    if (ids.length === 0) return { ok: false, reason: 'no_address' };
    await writeAudit(this.prisma, {
      at: this.clock(),
      actor,
      action: `${ENTITY[kind]}.reply`,
      entity: ENTITY[kind],
      entityId: id,
      after: { residentId: current.residentId, text: body, outboxIds: ids },
    });
    return { ok: true };
  }

  private async find(kind: Kind, id: number): Promise<{ status: string; residentId: number | null } | null> {
    const select = { status: true, residentId: true } as const;
    return kind === 'feedback'
      ? this.prisma.feedback.findUnique({ where: { id }, select })
      : this.prisma.handoffRequest.findUnique({ where: { id }, select });
  }
}
