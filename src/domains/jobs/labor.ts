/**
 * Labour-rights cases (劳动维权): a resident's account of unpaid wages, an injury, a dismissal,
 * forwarded to hub staff, who answer through {@link LaborService.reply}.
 */
import type { PrismaClient } from '../../generated/prisma/client.js';
import { storedPhone, type PiiVault } from '../../privacy/vault.js';

/** What the resident reported. */
export interface NewLaborCase {
  residentId: number;
  what: string;
  employer: string | null;
  phone: string | null;
  at: Date;
}

export class LaborService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly vault: PiiVault,
  ) {}

  /**
   * Record a case.
   *
   * ```ts
   * const { id } = await labor.create({ residentId: 3, what: '工资拖欠两个月', employer: '某工地', phone: null, at: new Date() });
   * ```
   */
  async create(input: NewLaborCase): Promise<{ id: number; phoneMasked: string | null }> {
    const phone = storedPhone(this.vault, input.phone);
    const row = await this.prisma.laborCase.create({
      data: {
        residentId: input.residentId,
        what: input.what,
        employer: input.employer,
        ...phone,
        status: 'open',
        createdAt: input.at,
        updatedAt: input.at,
      },
    });
    await this.prisma.auditLog.create({
      data: { at: input.at, actor: `resident:${input.residentId}`, action: 'labor_case.open', entity: 'labor_case', entityId: String(row.id), after: JSON.stringify({ status: 'open' }) },
    });
    return { id: row.id, phoneMasked: phone.phoneMasked };
  }

  /**
   * Hub staff answer a case: the reply is kept and the status becomes `replied`.
   * @returns the resident to tell, or null when the case does not exist.
   */
  async reply(caseId: number, staffResidentId: number, text: string, now: Date): Promise<{ residentId: number | null } | null> {
    const found = await this.prisma.laborCase.findUnique({ where: { id: caseId } });
    if (!found) return null;
    await this.prisma.laborCase.update({ where: { id: caseId }, data: { status: 'replied', staffReply: text, repliedAt: now, updatedAt: now } });
    await this.prisma.auditLog.create({
      data: {
        at: now,
        actor: `staff:${staffResidentId}`,
        action: 'labor_case.reply',
        entity: 'labor_case',
        entityId: String(caseId),
        before: JSON.stringify({ status: found.status }),
        after: JSON.stringify({ status: 'replied' }),
      },
    });
    return { residentId: found.residentId };
  }
}
