/**
 * Telling people about a staff action: the reporter hears of every step, and on a transfer
 * the new grid's staff get the case. Chat commands (`staff-chat.ts`) and the admin console
 * both call {@link announceChange}, so a resident is told the same words whoever acted and
 * wherever.
 */
import type { NotifyTarget, Reply } from '../../core/types.js';
import type { HazardReport } from '../../generated/prisma/client.js';
import type { Grid } from './grids.js';
import type { HazardsKit } from './kit.js';
import type { StaffAction } from './lifecycle.js';
import { gridRecipients, staffNotice, toTargets } from './notices.js';
import { hazardsText as t } from './text.js';

/**
 * Sends one text to some targets. In a chat turn: `ctx.notify` for each target; outside one
 * (the console): `bot.notify(targets, { text })`.
 */
export type Announcer = (targets: NotifyTarget[], reply: Reply) => Promise<unknown>;

/** A change as `HazardLifecycle.act` returned it. */
export interface AnnouncedChange {
  action: StaffAction;
  report: HazardReport;
  /** The grid the case is with now. */
  grid: Grid;
  /** The grid it was with before (differs on a transfer). */
  previousGrid: Grid;
}

/** What the reporter reads after a staff action. */
export function reporterNotice(change: Pick<AnnouncedChange, 'action' | 'report' | 'grid'>): string {
  const { report, grid } = change;
  switch (change.action) {
    case 'acknowledge':
      return t.reporter.acknowledge(report.code, grid.name);
    case 'start':
      return t.reporter.start(report.code);
    case 'resolve':
      return t.reporter.resolve(report.code, report.statusNote ?? '');
    case 'reject':
      return t.reporter.reject(report.code, report.statusNote ?? '');
    case 'duplicate':
      return t.reporter.duplicate(report.code, report.duplicateOf ?? '');
    case 'transfer':
      return t.reporter.transfer(report.code, grid.name);
  }
}

/**
 * Tell the reporter (when the case still has one) and, on a transfer, the new grid's workers
 * and staff chat (with the reporter's name unless anonymous).
 *
 * @example
 * ```ts
 * const result = await kit.lifecycle.act({ code, action: 'resolve', actor, note: '已清理', at });
 * if (result.ok) await announceChange(kit, (targets, reply) => bot.notify(targets, reply), { ...result, action: 'resolve' });
 * ```
 */
export async function announceChange(kit: HazardsKit, send: Announcer, change: AnnouncedChange): Promise<void> {
  const { report, grid } = change;
  if (report.residentId !== null) await send([{ residentId: report.residentId }], { text: reporterNotice(change) });
  if (change.action !== 'transfer') return;
  const reporter = report.residentId !== null && !report.anonymous ? await kit.reports.displayNameOf(report.residentId) : null;
  const targets = toTargets(await gridRecipients(kit.staff, grid));
  if (targets.length > 0) await send(targets, staffNotice(report, reporter, change.previousGrid));
}
