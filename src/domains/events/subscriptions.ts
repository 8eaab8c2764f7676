/**
 * Notice subscriptions: 订阅 puts a resident in the "all subscribers" audience; 退订 takes
 * them out of every broadcast audience (their own sign-up reminders still come).
 */
import type { PrismaClient } from '../../generated/prisma/client.js';

/**
 * Subscribe or unsubscribe a resident.
 *
 * ```ts
 * await setSubscription(prisma, 12, false, new Date()); // 退订
 * ```
 * @returns whether anything changed (false when they already were in that state).
 */
export async function setSubscription(prisma: PrismaClient, residentId: number, subscribed: boolean, now: Date): Promise<boolean> {
  const before = await prisma.noticeSubscription.findUnique({ where: { residentId } });
  const was = before?.subscribed ?? false;
  if (before && was === subscribed) return false;
  if (!before && !subscribed) {
    // Never subscribed: still record the opt-out, so village and tag audiences leave them out.
    await prisma.noticeSubscription.create({ data: { residentId, subscribed: false, updatedAt: now } });
    await audit(prisma, residentId, now, null, false);
    return false;
  }
  await prisma.noticeSubscription.upsert({
    where: { residentId },
    create: { residentId, subscribed, updatedAt: now },
    update: { subscribed, updatedAt: now },
  });
  await audit(prisma, residentId, now, before ? was : null, subscribed);
  return true;
}

function audit(prisma: PrismaClient, residentId: number, at: Date, before: boolean | null, after: boolean) {
  return prisma.auditLog.create({
    data: {
      at,
      actor: `resident:${residentId}`,
      action: after ? 'subscription.start' : 'subscription.stop',
      entity: 'notice_subscription',
      entityId: String(residentId),
      before: before === null ? null : JSON.stringify({ subscribed: before }),
      after: JSON.stringify({ subscribed: after }),
    },
  });
}
