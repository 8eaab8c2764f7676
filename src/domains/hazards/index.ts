/**
 * The hazard domain (随手拍): residents report hazards and tip-offs, the grid of the place gets
 * them, staff act in chat, unacknowledged cases escalate, the reporter follows and rates.
 *
 * ```ts
 * // app.ts, before registerGeneral:
 * const hazards = await registerHazards(domainDeps);
 * ```
 */
import type { DomainDeps } from '../../app.js';
import { escalateOverdue } from './escalation.js';
import { registerResidentSide } from './handlers.js';
import { buildHazardsKit, type HazardsKit } from './kit.js';
import { summaryOf, toTargets } from './notices.js';
import { registerStaffSide } from './staff-chat.js';
import { hazardsText as t } from './text.js';

export { buildHazardsKit, type HazardsKit } from './kit.js';
export { eraseHazardsPersonalData, HazardService } from './service.js';
export { StaffService } from './staff.js';
export { GridDirectory } from './grids.js';
export { hazardStats } from './stats.js';
export { seedHazardsDemo } from './demo.js';
export { HazardAccess, type ConsoleActor, type HazardActor, type ResidentActor } from './actor.js';
export { announceChange, reporterNotice, type Announcer } from './announce.js';
export { hazardQueue, isStatusFilter, HAZARD_STATUSES, type QueueQuery, type QueuePage, type StatusFilter } from './queue.js';

/** The scheduler task that escalates unacknowledged cases. */
export const ESCALATE_TASK = 'hazards.escalate';
/** How often the escalation task runs. */
export const ESCALATE_EVERY_MS = 60_000;

/**
 * Run one escalation pass now: escalate overdue cases and notify the leaders / duty desk.
 * Returns how many cases were escalated.
 */
export async function runEscalation(kit: HazardsKit, deps: Pick<DomainDeps, 'bot' | 'prisma' | 'clock'>): Promise<number> {
  const now = deps.clock();
  const made = await escalateOverdue(deps.prisma, kit.staff, kit.reports, now, kit.limits);
  for (const e of made) {
    const text = t.escalationNotice(e.level, e.report.code, e.grid.name, t.waitedMinutes(e.waitedMinutes), summaryOf(e.report));
    await deps.bot.notify(toTargets(e.recipients), { text });
  }
  return made.length;
}

/**
 * Register the hazard domain: the report form and intents (hazard.report, report.status),
 * rating, staff binding and commands, and the `hazards.escalate` task. Syncs the grid
 * workers of seed/grids.json into the database first.
 */
export async function registerHazards(deps: DomainDeps): Promise<HazardsKit> {
  const kit = buildHazardsKit({
    prisma: deps.prisma,
    vault: deps.vault,
    limits: { ackHours: deps.config.HAZARD_ACK_HOURS, urgentAckMinutes: deps.config.HAZARD_URGENT_ACK_MINUTES },
  });
  const synced = await kit.staff.syncWorkers(deps.clock());
  if (synced.created + synced.updated + synced.deactivated > 0) deps.log.info(synced, 'hazards: grid workers synced');
  // Staff commands first: “受理 #A2B3C” must never be read as a new report.
  registerStaffSide(deps.bot, kit);
  registerResidentSide(deps.bot, kit);
  deps.scheduler.every(ESCALATE_TASK, ESCALATE_EVERY_MS, () => runEscalation(kit, deps));
  return kit;
}
