/**
 * Dashboard panels over the domains' own figures (read-only): 随手拍 reports by status,
 * category and grid, handling times per month; the gig-work hub's postings, seekers and
 * recommendations per month. Each figure comes from the domain's stats function, so the
 * console shows exactly what the domain reports.
 */
import { categoryName } from '../../domains/hazards/categories.js';
import { GridDirectory } from '../../domains/hazards/grids.js';
import { hazardStats } from '../../domains/hazards/stats.js';
import { jobsMonthlyStats } from '../../domains/jobs/stats.js';
import type { AdminModule, ChartSpec, ConsoleContext, DashboardPanel } from '../module.js';
import { adminText, statusLabel } from '../text.js';

const t = adminText.domainPanels;

/** Twelve months back from the first day of `now`'s month (Asia/Shanghai). */
function yearBack(now: Date): Date {
  const local = new Date(now.getTime() + 8 * 3_600_000);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - 11, 1) - 8 * 3_600_000);
}

function countsChart(type: ChartSpec['type'], label: string, counts: Record<string, number>, name: (key: string) => string): ChartSpec {
  const keys = Object.keys(counts).sort((a, b) => counts[b]! - counts[a]!);
  return { type, labels: keys.map(name), datasets: [{ label, data: keys.map((k) => counts[k]!) }] };
}

/** The 随手拍 panels (admins). */
export function hazardPanels(ctx: ConsoleContext, grids: () => GridDirectory = lazyGrids()): DashboardPanel[] {
  const { prisma } = ctx;
  // The dashboard loads every panel with the same `now`: compute the figures once per load.
  let memo: { at: number; stats: ReturnType<typeof hazardStats> } | null = null;
  const stats = (now: Date) => {
    if (memo?.at !== now.getTime()) memo = { at: now.getTime(), stats: hazardStats(prisma, { from: yearBack(now) }) };
    return memo.stats;
  };
  return [
    {
      id: 'hazards-figures',
      title: t.hazardsFigures,
      access: ['admin'],
      load: async ({ now }) => {
        const s = await stats(now);
        const minutes = (m: number | null) => (m === null ? '—' : t.minutes(m));
        return {
          kind: 'figures',
          figures: [
            { label: t.reports, value: s.total },
            { label: t.urgent, value: s.urgent },
            { label: t.medianAck, value: minutes(s.medianAckMinutes) },
            { label: t.medianResolve, value: minutes(s.medianResolveMinutes) },
            { label: t.meanRating, value: s.meanRating === null ? '—' : s.meanRating.toFixed(1) },
          ],
        };
      },
    },
    {
      id: 'hazards-by-status',
      title: t.byStatus,
      access: ['admin'],
      load: async ({ now }) => ({ kind: 'chart', chart: countsChart('doughnut', t.byStatus, (await stats(now)).byStatus, statusLabel) }),
    },
    {
      id: 'hazards-by-category',
      title: t.byCategory,
      access: ['admin'],
      load: async ({ now }) => ({ kind: 'chart', chart: countsChart('bar', t.reports, (await stats(now)).byCategory, categoryName) }),
    },
    {
      id: 'hazards-by-grid',
      title: t.byGrid,
      access: ['admin'],
      load: async ({ now }) => ({ kind: 'chart', chart: countsChart('bar', t.reports, (await stats(now)).byGrid, (id) => grids().get(id)?.name ?? id) }),
    },
    {
      id: 'hazards-per-month',
      title: t.perMonth,
      access: ['admin'],
      load: async ({ now }) => {
        const months = (await stats(now)).perMonth;
        return {
          kind: 'chart',
          chart: {
            type: 'line',
            labels: months.map((m) => m.month),
            datasets: [
              { label: t.medianAck, data: months.map((m) => m.medianAckMinutes ?? 0) },
              { label: t.medianResolve, data: months.map((m) => m.medianResolveMinutes ?? 0) },
            ],
          },
        };
      },
    },
  ];
}

/** The gig-work hub's panel (hub staff and admins). */
export function jobsPanels(ctx: ConsoleContext): DashboardPanel[] {
  return [
    {
      id: 'jobs-per-month',
      title: t.jobsPerMonth,
      access: ['hub_staff'],
      load: async ({ now }) => {
        const months = await jobsMonthlyStats(ctx.prisma, yearBack(now), now);
        return {
          kind: 'chart',
          chart: {
            type: 'bar',
            labels: months.map((m) => m.month),
            datasets: [
              { label: t.postings, data: months.map((m) => m.postings) },
              { label: t.seekers, data: months.map((m) => m.seekers) },
              { label: t.recommendations, data: months.map((m) => m.recommendations) },
            ],
          },
        };
      },
    },
  ];
}

function lazyGrids(): () => GridDirectory {
  let grids: GridDirectory | null = null;
  return () => (grids ??= GridDirectory.load());
}

/**
 * The domains' dashboard panels as a module.
 *
 * ```ts
 * await startAdminConsole({ …, modules: [domainStatsModule] });
 * ```
 */
export function domainStatsModule(ctx: ConsoleContext): AdminModule {
  return { name: 'domain-stats', panels: [...hazardPanels(ctx), ...jobsPanels(ctx)] };
}
