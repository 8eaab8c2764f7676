/**
 * Erasure of a resident's personal data across domains: every registered eraser runs in turn;
 * one that fails does not stop the others (they are idempotent, so the request can be run
 * again). One audit entry records which erasers ran and how many rows each touched — ids and
 * counts only, never personal data.
 */
import type { Logger } from 'pino';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { personalDataErasers } from './registry.js';

/** What an erasure did. */
export interface ErasureResult {
  /** Rows touched per eraser (or `true` when an eraser returned no count). */
  erased: Record<string, number | true>;
  /** Erasers that threw. */
  failed: string[];
}

/**
 * Erase a resident's personal data with every registered eraser.
 *
 * ```ts
 * const { failed } = await erasePersonalData(prisma, 12, { actor: 'resident:12', now: new Date(), log });
 * ```
 */
export async function erasePersonalData(
  prisma: PrismaClient,
  residentId: number,
  options: { actor: string; now: Date; log: Logger },
): Promise<ErasureResult> {
  const result: ErasureResult = { erased: {}, failed: [] };
  for (const [name, erase] of personalDataErasers()) {
    try {
      const count = await erase(prisma, residentId);
      result.erased[name] = typeof count === 'number' ? count : true;
    } catch (err) {
      options.log.error({ err, residentId, eraser: name }, 'personal data eraser failed');
      result.failed.push(name);
    }
  }
  await prisma.auditLog.create({
    data: {
      at: options.now,
      actor: options.actor,
      action: 'privacy.erase',
      entity: 'resident',
      entityId: String(residentId),
      after: JSON.stringify(result),
    },
  });
  options.log.info({ residentId, erased: Object.keys(result.erased).length, failed: result.failed }, 'personal data erased');
  return result;
}
