/**
 * Erasing a resident's personal data from the hub's tables, for the privacy.delete flow.
 * Rows stay (anonymised) so the monthly counts survive; what identifies the person goes.
 */
import type { PrismaClient } from '../../generated/prisma/client.js';

/** The placeholder left where a resident's own words were. */
export const ERASED = '[已删除]';

/**
 * Delete or anonymise this resident's personal data in the jobs tables: the seeker profile
 * (name, phone, skills, areas; recommendations off), the text and phone of labour-rights
 * cases. Applications keep only the posting and the date.
 *
 * ```ts
 * await eraseJobsPersonalData(prisma, 12, new Date());
 * ```
 * @returns how many rows were anonymised.
 */
export async function eraseJobsPersonalData(prisma: PrismaClient, residentId: number, now = new Date()): Promise<number> {
  const seekers = await prisma.jobSeeker.updateMany({
    where: { residentId },
    data: {
      name: ERASED,
      phoneCipher: null,
      phoneHash: null,
      phoneMasked: null,
      skills: '[]',
      categories: '[]',
      areas: '[]',
      notify: false,
      erasedAt: now,
      updatedAt: now,
      residentId: null,
    },
  });
  const cases = await prisma.laborCase.updateMany({
    where: { residentId },
    data: { what: ERASED, employer: null, phoneCipher: null, phoneMasked: null, staffReply: null, residentId: null, updatedAt: now },
  });
  const applications = await prisma.jobApplication.updateMany({ where: { residentId }, data: { residentId: null, updatedAt: now } });
  await prisma.auditLog.create({
    data: {
      at: now,
      actor: `resident:${residentId}`,
      action: 'jobs.erase_personal_data',
      entity: 'resident',
      entityId: String(residentId),
      after: JSON.stringify({ seekers: seekers.count, cases: cases.count, applications: applications.count }),
    },
  });
  return seekers.count + cases.count + applications.count;
}
