/**
 * Erasers for the data the foundation keeps: the resident's profile and conversation state,
 * message texts (inbound, outbound already delivered, hand-over requests), feedback phones and
 * texts, and account-link codes. Rows stay (so counts stay); their personal content goes.
 */
import type { PrismaClient } from '../../generated/prisma/client.js';
import { privacyText as t } from './text.js';

/**
 * The resident's display names (resident and channel identities) and conversation state.
 *
 * ```ts
 * await eraseResidentProfile(prisma, 12);
 * ```
 */
export async function eraseResidentProfile(prisma: PrismaClient, residentId: number): Promise<number> {
  const now = new Date();
  await prisma.$transaction([
    prisma.resident.update({ where: { id: residentId }, data: { displayName: null, anonymisedAt: now, updatedAt: now } }),
    prisma.channelIdentity.updateMany({ where: { residentId }, data: { displayName: null } }),
    prisma.conversation.updateMany({ where: { residentId }, data: { activeForm: null, formState: null, memory: '{}' } }),
  ]);
  return 1;
}

/**
 * Texts that may contain personal data: every inbound message of the resident becomes
 * “[已删除]” (attachments and locations dropped), as do replies and notifications already
 * delivered to them and their hand-over requests. Pending outbox rows are left to be sent.
 */
export async function eraseMessageTexts(prisma: PrismaClient, residentId: number): Promise<number> {
  const [inbound, outbound, handoffs] = await prisma.$transaction([
    prisma.inboundMessage.updateMany({ where: { residentId }, data: { text: t.erased, attachments: null, location: null } }),
    prisma.outboundMessage.updateMany({
      where: { residentId, status: { in: ['sent', 'delivered', 'failed'] } },
      data: { text: t.erased, options: null },
    }),
    prisma.handoffRequest.updateMany({ where: { residentId }, data: { text: t.erased } }),
  ]);
  return inbound.count + outbound.count + handoffs.count;
}

/** Feedback left by the resident: phone removed, content replaced; topic and status stay. */
export async function eraseFeedbackPersonalData(prisma: PrismaClient, residentId: number): Promise<number> {
  const { count } = await prisma.feedback.updateMany({
    where: { residentId },
    data: { phoneCipher: null, phoneMasked: null, content: t.erased },
  });
  return count;
}

/** Account-link codes of the resident (deleted: they are not counted anywhere). */
export async function eraseLinkCodes(prisma: PrismaClient, residentId: number): Promise<number> {
  const { count } = await prisma.linkCode.deleteMany({ where: { residentId } });
  return count;
}
