/**
 * The hub's monthly figures, as the office reports them: postings published, seekers
 * registered, recommendations sent, applications, labour-rights cases. Months are Asia/Shanghai
 * calendar months (`YYYY-MM`). Erased personal data does not change these counts.
 */
import type { PrismaClient } from '../../generated/prisma/client.js';
import { shanghaiDate } from '../../nlu/entities/shanghai-time.js';

/** One month's figures. */
export interface JobsMonth {
  month: string;
  postings: number;
  seekers: number;
  recommendations: number;
  applications: number;
  laborCases: number;
}

/**
 * Figures per month between `from` and `to` (inclusive), oldest first; months with nothing are
 * included as zeros.
 *
 * ```ts
 * await jobsMonthlyStats(prisma, new Date('2026-01-01T00:00:00+08:00'), new Date());
 * // [{ month: '2026-01', postings: 231, seekers: 150, recommendations: 140, applications: 96, laborCases: 2 }, …]
 * ```
 */
export async function jobsMonthlyStats(prisma: PrismaClient, from: Date, to: Date): Promise<JobsMonth[]> {
  const range = { gte: from, lte: to };
  const [postings, seekers, recommendations, applications, cases] = await Promise.all([
    prisma.jobPosting.findMany({ where: { postedAt: range }, select: { postedAt: true } }),
    prisma.jobSeeker.findMany({ where: { createdAt: range }, select: { createdAt: true } }),
    prisma.jobRecommendation.findMany({ where: { sentAt: range }, select: { sentAt: true } }),
    prisma.jobApplication.findMany({ where: { createdAt: range }, select: { createdAt: true } }),
    prisma.laborCase.findMany({ where: { createdAt: range }, select: { createdAt: true } }),
  ]);
  const months = new Map<string, JobsMonth>();
  const monthOf = (d: Date) => shanghaiDate(d).slice(0, 7);
  for (let m = monthOf(from); m <= monthOf(to); m = nextMonth(m)) {
    months.set(m, { month: m, postings: 0, seekers: 0, recommendations: 0, applications: 0, laborCases: 0 });
  }
  const add = (dates: Date[], key: keyof Omit<JobsMonth, 'month'>) => {
    for (const d of dates) {
      const row = months.get(monthOf(d));
      if (row) row[key]++;
    }
  };
  add(postings.map((r) => r.postedAt), 'postings');
  add(seekers.map((r) => r.createdAt), 'seekers');
  add(recommendations.map((r) => r.sentAt), 'recommendations');
  add(applications.map((r) => r.createdAt), 'applications');
  add(cases.map((r) => r.createdAt), 'laborCases');
  return [...months.values()];
}

function nextMonth(m: string): string {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}
