/**
 * Feedback (留言) records: what residents leave for the office. Phones are stored encrypted,
 * with a masked copy for display. Usable from the chat, the admin console and the CLI.
 */
import type { PrismaClient } from '../../generated/prisma/client.js';
import { storedPhone, type PiiVault } from '../../privacy/vault.js';

/** What a resident left. */
export interface NewFeedback {
  residentId: number | null;
  topic: string;
  content: string;
  phone: string | null;
  at: Date;
}

export class FeedbackService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly vault: PiiVault,
  ) {}

  /**
   * Store a feedback message.
   *
   * ```ts
   * const { id } = await feedback.create({ residentId: 1, topic: '建议', content: '路灯太暗', phone: null, at: new Date() });
   * ```
   */
  async create(input: NewFeedback): Promise<{ id: number; phoneMasked: string | null }> {
    const phone = storedPhone(this.vault, input.phone);
    const row = await this.prisma.feedback.create({
      data: {
        residentId: input.residentId,
        topic: input.topic,
        content: input.content,
        ...phone,
        createdAt: input.at,
      },
    });
    return { id: row.id, phoneMasked: phone.phoneMasked };
  }
}
