/**
 * The hazard domain's services, built once by `registerHazards` (or `buildHazardsKit` for the
 * Open311 API, the admin console and the CLI) and shared by its dialogue.
 */
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { PiiVault } from '../../privacy/vault.js';
import type { EscalationLimits } from './escalation.js';
import { GridDirectory } from './grids.js';
import { HazardLifecycle } from './lifecycle.js';
import { HazardService } from './service.js';
import { StaffService } from './staff.js';

export interface HazardsKit {
  grids: GridDirectory;
  reports: HazardService;
  staff: StaffService;
  lifecycle: HazardLifecycle;
  limits: EscalationLimits;
}

/**
 * Build the hazard services over a database.
 *
 * @example
 * ```ts
 * const kit = buildHazardsKit({ prisma, vault, limits: { ackHours: 4, urgentAckMinutes: 15 } });
 * const worker = await kit.staff.workerByKey('wuhu-1-leader');
 * ```
 */
export function buildHazardsKit(deps: { prisma: PrismaClient; vault: PiiVault; limits: EscalationLimits; grids?: GridDirectory }): HazardsKit {
  const grids = deps.grids ?? GridDirectory.load();
  const reports = new HazardService(deps.prisma, deps.vault, grids);
  const staff = new StaffService(deps.prisma, deps.vault, grids);
  return { grids, reports, staff, lifecycle: new HazardLifecycle(deps.prisma, reports, staff), limits: deps.limits };
}
