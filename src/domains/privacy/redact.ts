/**
 * Keeps personal data out of the stored copy of inbound messages. The core stores each
 * inbound text before any domain sees it; a form that asks for an ID number or a phone
 * replaces the stored text of that answer with a masked one (same turn, right after). Slot
 * parsers are synchronous, so the write is started at once and can be awaited with `flush()`.
 */
import type { Logger } from 'pino';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { maskPersonalData } from '../../privacy/mask.js';

export { maskPersonalData };

export class InboundRedactor {
  private readonly pending = new Set<Promise<unknown>>();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly log: Logger,
  ) {}

  /**
   * Replace the stored text of an inbound message. Starts now, finishes later; errors are
   * logged (the message id only).
   *
   * ```ts
   * redactor.replace(ctx.inboundId, '[身份证号已隐藏 3308**********1234]');
   * ```
   */
  replace(inboundId: number, text: string): void {
    const write = this.prisma.inboundMessage
      .update({ where: { id: inboundId }, data: { text } })
      .catch((err: unknown) => this.log.warn({ err, inboundId }, 'could not redact a stored message'))
      .finally(() => this.pending.delete(write));
    this.pending.add(write);
  }

  /** Mask the ID numbers and phones in the stored text of an inbound message, if it has any. */
  mask(inboundId: number, text: string): void {
    const masked = maskPersonalData(text);
    if (masked !== text) this.replace(inboundId, masked);
  }

  /** Resolves when every redaction started so far is written. */
  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}
