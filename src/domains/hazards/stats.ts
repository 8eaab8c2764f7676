/**
 * Figures the office tracks on 随手拍: reports by category, grid and status, and how fast they
 * are handled (median minutes to acknowledge and to resolve), overall and per month
 * (Asia/Shanghai). Erased reports still count: erasure keeps category, grid, status and times.
 */
import type { PrismaClient } from '../../generated/prisma/client.js';

/** Figures for one month, `YYYY-MM`. */
export interface MonthStats {
  month: string;
  reports: number;
  resolved: number;
  medianAckMinutes: number | null;
  medianResolveMinutes: number | null;
}

export interface HazardStats {
  total: number;
  byCategory: Record<string, number>;
  /** By grid id (the duty desk's id for unplaced cases). */
  byGrid: Record<string, number>;
  byStatus: Record<string, number>;
  urgent: number;
  /** Median minutes from submission to the first staff answer. */
  medianAckMinutes: number | null;
  /** Median minutes from submission to resolution (resolved cases only). */
  medianResolveMinutes: number | null;
  /** Mean rating of rated cases, 1–5. */
  meanRating: number | null;
  perMonth: MonthStats[];
}

/** The median of a list, or null when empty. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const monthOf = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
const round = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
const count = (into: Record<string, number>, key: string) => {
  into[key] = (into[key] ?? 0) + 1;
};

/**
 * Compute the figures over reports submitted in `[from, to)` (all when omitted).
 *
 * @example
 * ```ts
 * const s = await hazardStats(prisma, { from: new Date('2026-01-01T00:00:00+08:00') });
 * s.byCategory.ebike_charging; // 12
 * s.medianAckMinutes;          // 38.5
 * ```
 */
export async function hazardStats(prisma: PrismaClient, range: { from?: Date; to?: Date } = {}): Promise<HazardStats> {
  const rows = await prisma.hazardReport.findMany({
    where: { createdAt: { ...(range.from ? { gte: range.from } : {}), ...(range.to ? { lt: range.to } : {}) } },
    select: { category: true, gridId: true, status: true, urgent: true, createdAt: true, acknowledgedAt: true, closedAt: true, rating: true },
    orderBy: { createdAt: 'asc' },
  });
  const stats: HazardStats = {
    total: rows.length,
    byCategory: {},
    byGrid: {},
    byStatus: {},
    urgent: 0,
    medianAckMinutes: null,
    medianResolveMinutes: null,
    meanRating: null,
    perMonth: [],
  };
  const ack: number[] = [];
  const resolve: number[] = [];
  const ratings: number[] = [];
  const months = new Map<string, { reports: number; resolved: number; ack: number[]; resolve: number[] }>();
  for (const r of rows) {
    count(stats.byCategory, r.category);
    count(stats.byGrid, r.gridId);
    count(stats.byStatus, r.status);
    if (r.urgent) stats.urgent++;
    if (r.rating !== null) ratings.push(r.rating);
    const month = months.get(monthOf(r.createdAt)) ?? { reports: 0, resolved: 0, ack: [], resolve: [] };
    months.set(monthOf(r.createdAt), month);
    month.reports++;
    if (r.acknowledgedAt) {
      const m = (r.acknowledgedAt.getTime() - r.createdAt.getTime()) / 60_000;
      ack.push(m);
      month.ack.push(m);
    }
    if (r.status === 'resolved' && r.closedAt) {
      const m = (r.closedAt.getTime() - r.createdAt.getTime()) / 60_000;
      resolve.push(m);
      month.resolve.push(m);
      month.resolved++;
    }
  }
  stats.medianAckMinutes = round(median(ack));
  stats.medianResolveMinutes = round(median(resolve));
  stats.meanRating = ratings.length ? round(ratings.reduce((a, b) => a + b, 0) / ratings.length) : null;
  stats.perMonth = [...months.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, m]) => ({ month, reports: m.reports, resolved: m.resolved, medianAckMinutes: round(median(m.ack)), medianResolveMinutes: round(median(m.resolve)) }));
  return stats;
}
