/**
 * Linking a resident's accounts across platforms. Identities on different channels are
 * separate residents until the resident links them: a one-time code shown on one channel
 * ("关联账号") and sent from the other ("关联 123456") moves the second identity to the first
 * resident. Nothing is ever merged without that code. Codes are stored only as keyed hashes.
 */
import { randomInt } from 'node:crypto';
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { PiiVault } from '../../privacy/vault.js';

/** How long a link code stays valid. */
export const LINK_CODE_MINUTES = 10;

export type RedeemResult = { ok: true; residentId: number } | { ok: false; reason: 'invalid' | 'same' };

export class LinkService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly vault: PiiVault,
  ) {}

  /**
   * Issue a new 6-digit code for a resident; earlier unused codes stop working.
   *
   * ```ts
   * const code = await links.issue(resident.id, new Date()); // '402917'
   * ```
   */
  async issue(residentId: number, now: Date): Promise<string> {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await this.prisma.$transaction([
      this.prisma.linkCode.updateMany({ where: { residentId, usedAt: null }, data: { usedAt: now } }),
      this.prisma.linkCode.create({
        data: {
          residentId,
          codeHash: this.vault.lookupHash(`link:${code}`),
          createdAt: now,
          expiresAt: new Date(now.getTime() + LINK_CODE_MINUTES * 60_000),
        },
      }),
    ]);
    return code;
  }

  /**
   * Redeem a code from a channel identity: that identity now belongs to the code's resident.
   * The identity's former resident keeps its history; an audit entry records the move.
   */
  async redeem(code: string, identity: { channel: string; externalId: string }, now: Date): Promise<RedeemResult> {
    const found = await this.prisma.linkCode.findUnique({ where: { codeHash: this.vault.lookupHash(`link:${code}`) } });
    if (!found || found.usedAt || found.expiresAt <= now) return { ok: false, reason: 'invalid' };
    const current = await this.prisma.channelIdentity.findUniqueOrThrow({
      where: { channel_externalId: { channel: identity.channel, externalId: identity.externalId } },
    });
    if (current.residentId === found.residentId) return { ok: false, reason: 'same' };
    await this.prisma.$transaction([
      this.prisma.linkCode.update({ where: { id: found.id }, data: { usedAt: now } }),
      this.prisma.channelIdentity.update({ where: { id: current.id }, data: { residentId: found.residentId } }),
      this.prisma.auditLog.create({
        data: {
          at: now,
          actor: `resident:${current.residentId}`,
          action: 'identity.link',
          entity: 'channel_identity',
          entityId: String(current.id),
          before: JSON.stringify({ residentId: current.residentId }),
          after: JSON.stringify({ residentId: found.residentId }),
        },
      }),
    ]);
    return { ok: true, residentId: found.residentId };
  }
}
