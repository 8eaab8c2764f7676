/**
 * Enrolment statistics for the dashboard: enrolled versus target population per village and
 * overall, and applications by status. Counts survive personal-data erasure (erasure keeps
 * year, village and status).
 */
import type { PrismaClient } from '../../generated/prisma/client.js';
import { allPlaces } from '../../nlu/entities/places.js';
import type { InsurancePolicy } from './policy.js';
import { ACTIVE_STATUSES } from './service.js';

/** One village's figures. */
export interface VillageEnrolment {
  id: string;
  name: string;
  /** People expected to enrol (policy file). */
  target: number;
  /** Applications recorded as enrolled. */
  enrolled: number;
  /** Applications in progress or enrolled. */
  applied: number;
  /** enrolled / target, 0–1 (0 when no target). */
  rate: number;
}

export interface EnrolmentStats {
  coverageYear: number;
  villages: VillageEnrolment[];
  overall: { target: number; enrolled: number; applied: number; rate: number };
  byStatus: Record<string, number>;
}

/**
 * Figures for a coverage year.
 *
 * ```ts
 * const s = await enrolmentStats(prisma, policy, 2027);
 * console.log(`${(s.overall.rate * 100).toFixed(2)}%`);
 * ```
 */
export async function enrolmentStats(prisma: PrismaClient, policy: InsurancePolicy, coverageYear: number): Promise<EnrolmentStats> {
  const targets = policy.year(coverageYear)?.targetPopulation ?? {};
  const rows = await prisma.enrolmentApplication.groupBy({
    by: ['village', 'status'],
    where: { coverageYear },
    _count: { _all: true },
  });
  const byStatus: Record<string, number> = { submitted: 0, approved: 0, returned: 0, enrolled: 0 };
  const enrolled = new Map<string, number>();
  const applied = new Map<string, number>();
  for (const r of rows) {
    const n = r._count._all;
    byStatus[r.status] = (byStatus[r.status] ?? 0) + n;
    if (r.status === 'enrolled') enrolled.set(r.village, (enrolled.get(r.village) ?? 0) + n);
    if ((ACTIVE_STATUSES as readonly string[]).includes(r.status)) applied.set(r.village, (applied.get(r.village) ?? 0) + n);
  }
  const rate = (num: number, den: number) => (den > 0 ? num / den : 0);
  const villages = allPlaces().map((p) => {
    const target = targets[p.id] ?? 0;
    const e = enrolled.get(p.id) ?? 0;
    return { id: p.id, name: p.name, target, enrolled: e, applied: applied.get(p.id) ?? 0, rate: rate(e, target) };
  });
  const total = villages.reduce(
    (acc, v) => ({ target: acc.target + v.target, enrolled: acc.enrolled + v.enrolled, applied: acc.applied + v.applied }),
    { target: 0, enrolled: 0, applied: 0 },
  );
  return { coverageYear, villages, overall: { ...total, rate: rate(total.enrolled, total.target) }, byStatus };
}
