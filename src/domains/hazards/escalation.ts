/**
 * Escalation of cases nobody acknowledged: after HAZARD_ACK_HOURS (urgent cases:
 * HAZARD_URGENT_ACK_MINUTES) a submitted case goes to its grid's leader (网格长); after another
 * such period, to the duty desk. Each step happens once per assignment (a transfer starts the
 * clock again) and is written to the timeline and the audit log. The scheduler runs this as
 * `hazards.escalate`; tests call it with a controlled clock.
 */
import type { HazardReport, PrismaClient } from '../../generated/prisma/client.js';
import type { Grid } from './grids.js';
import type { HazardService } from './service.js';
import type { StaffService } from './staff.js';
import { hazardsText as t } from './text.js';

/** How long a case may wait for acknowledgement. */
export interface EscalationLimits {
  ackHours: number;
  urgentAckMinutes: number;
}

/** Who to tell: residents (bound staff, admins) and staff group chats. */
export interface Recipients {
  residentIds: number[];
  chats: Array<{ channel: string; address: string }>;
}

/** One escalation made. */
export interface Escalation {
  report: HazardReport;
  level: 1 | 2;
  grid: Grid;
  recipients: Recipients;
  /** Minutes the case has waited since it reached its grid. */
  waitedMinutes: number;
}

/** How long a case may wait at each level, in ms. */
export function ackLimitMs(report: Pick<HazardReport, 'urgent'>, limits: EscalationLimits): number {
  return report.urgent ? limits.urgentAckMinutes * 60_000 : limits.ackHours * 3600_000;
}

/**
 * The duty desk's recipients: its bound workers, every admin, and its staff chat.
 */
export async function dutyDeskRecipients(staff: StaffService): Promise<Recipients> {
  const desk = staff.grids.dutyDesk;
  const ids = [...(await staff.residentsOf(desk.id)), ...(await staff.admins())];
  return { residentIds: [...new Set(ids)], chats: desk.staffChat ? [desk.staffChat] : [] };
}

/**
 * Escalate every overdue unacknowledged case one level.
 *
 * @example
 * ```ts
 * const made = await escalateOverdue(prisma, staff, hazards, new Date(), { ackHours: 4, urgentAckMinutes: 15 });
 * // [{ report, level: 1, grid, recipients: { residentIds: [leader], chats: [] }, waitedMinutes: 241 }]
 * ```
 */
export async function escalateOverdue(
  prisma: PrismaClient,
  staff: StaffService,
  reports: HazardService,
  now: Date,
  limits: EscalationLimits,
): Promise<Escalation[]> {
  const waiting = await prisma.hazardReport.findMany({
    where: { status: 'submitted', escalationLevel: { lt: 2 } },
    orderBy: { assignedAt: 'asc' },
  });
  const made: Escalation[] = [];
  for (const report of waiting) {
    const since = report.escalationLevel === 0 ? report.assignedAt : (report.escalatedAt ?? report.assignedAt);
    if (now.getTime() - since.getTime() < ackLimitMs(report, limits)) continue;
    const level = (report.escalationLevel + 1) as 1 | 2;
    const grid = reports.gridOf(report);
    let recipients: Recipients;
    let who: string;
    const leaders = level === 1 ? await staff.residentsOf(grid.id, 'leader') : [];
    if (leaders.length > 0) {
      recipients = { residentIds: leaders, chats: [] };
      who = staff.leaderName(grid.id);
    } else {
      // No leader bound (or the second step): the duty desk takes it.
      recipients = await dutyDeskRecipients(staff);
      who = staff.grids.dutyDesk.name;
    }
    const note = t.escalationNote(level, who);
    const changed = await prisma.$transaction(async (tx) => {
      // The level condition keeps two overlapping runs from escalating the same step twice.
      const { count } = await tx.hazardReport.updateMany({
        where: { id: report.id, status: 'submitted', escalationLevel: report.escalationLevel },
        data: { escalationLevel: level, escalatedAt: now, updatedAt: now },
      });
      if (count === 0) return false;
      await tx.hazardUpdate.create({ data: { reportId: report.id, at: now, kind: 'escalated', status: report.status, actor: 'system', note } });
      await tx.auditLog.create({
        data: {
          at: now,
          actor: 'system',
          action: 'hazard.escalate',
          entity: 'hazard_report',
          entityId: report.code,
          before: JSON.stringify({ escalationLevel: report.escalationLevel }),
          after: JSON.stringify({ escalationLevel: level, to: recipients.residentIds }),
        },
      });
      return true;
    });
    if (!changed) continue;
    made.push({
      report: { ...report, escalationLevel: level, escalatedAt: now },
      level,
      grid,
      recipients,
      waitedMinutes: (now.getTime() - report.assignedAt.getTime()) / 60_000,
    });
  }
  return made;
}
