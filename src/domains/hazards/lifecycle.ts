/**
 * A case's lifecycle: submitted → acknowledged → in_progress → resolved | rejected | duplicate,
 * and transfers between grids. Only the staff of the case's grid, the duty desk and admins may
 * act — from their chat or from the admin console (see `actor.ts`); every step writes a
 * timeline entry and an audit row in one transaction. Then the reporter may rate a resolved
 * case, once. Telling the reporter and staff is `announce.ts`'s job, shared by chat and console.
 */
import type { HazardReport, PrismaClient } from '../../generated/prisma/client.js';
import { HazardAccess, type Authorised, type HazardActor } from './actor.js';
import type { Grid } from './grids.js';
import { CLOSED_STATUSES, normaliseCode, type HazardService } from './service.js';
import type { StaffService } from './staff.js';

/** What staff can do to a case. */
export type StaffAction = 'acknowledge' | 'start' | 'resolve' | 'reject' | 'duplicate' | 'transfer';

/** A staff member's request. */
export interface ActRequest {
  code: string;
  action: StaffAction;
  /** Who acts: a staff member in chat or a console account. */
  actor: HazardActor;
  /** What was done (resolve), why (reject). */
  note?: string;
  /** transfer: the grid to move the case to. */
  toGridId?: string;
  /** duplicate: the case this one repeats. */
  duplicateOf?: string;
  at: Date;
}

export type ActFailure =
  | 'not_staff'
  | 'not_found'
  | 'not_your_grid'
  | 'closed'
  | 'already'
  | 'note_required'
  | 'same_grid'
  | 'unknown_grid'
  | 'duplicate_target_missing';

export type ActResult =
  | { ok: true; report: HazardReport; before: HazardReport; grid: Grid; previousGrid: Grid; actorName: string }
  | { ok: false; reason: ActFailure; report?: HazardReport; grid?: Grid };

const STATUS_AFTER: Record<StaffAction, string> = {
  acknowledge: 'acknowledged',
  start: 'in_progress',
  resolve: 'resolved',
  reject: 'rejected',
  duplicate: 'duplicate',
  transfer: 'submitted',
};

/** Statuses each action may start from. */
const ALLOWED_FROM: Record<StaffAction, readonly string[]> = {
  acknowledge: ['submitted'],
  start: ['submitted', 'acknowledged'],
  // “即查即改”: staff fixing it on the spot may close a case they never formally acknowledged.
  resolve: ['submitted', 'acknowledged', 'in_progress'],
  reject: ['submitted', 'acknowledged', 'in_progress'],
  duplicate: ['submitted', 'acknowledged', 'in_progress'],
  transfer: ['submitted', 'acknowledged', 'in_progress'],
};

/**
 * The actions a case in `status` allows, in the order staff usually take them.
 *
 * @example
 * ```ts
 * allowedActions('acknowledged'); // ['start', 'resolve', 'reject', 'duplicate', 'transfer']
 * allowedActions('resolved');     // []
 * ```
 */
export function allowedActions(status: string): StaffAction[] {
  return (Object.keys(ALLOWED_FROM) as StaffAction[]).filter((action) => ALLOWED_FROM[action].includes(status));
}

export class HazardLifecycle {
  /** The permission rule (also for the console's lists and pages). */
  readonly access: HazardAccess;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly reports: HazardService,
    private readonly staff: StaffService,
  ) {
    this.access = new HazardAccess(staff);
  }

  /**
   * Whether someone may act on cases of a grid: a worker of that grid, a duty-desk worker,
   * an admin (resident or console account). Returns the name to record, or null.
   */
  async actorFor(actor: HazardActor, gridId: string): Promise<Authorised | null> {
    return this.access.authorise(actor, gridId);
  }

  /** Whether someone is staff at all (bound to any grid, an admin, a console grid worker). */
  async isStaff(actor: HazardActor): Promise<boolean> {
    return this.access.isStaff(actor);
  }

  /**
   * Apply a staff action to a case. Nothing changes unless the result is `ok`.
   *
   * @example
   * ```ts
   * const worker = { kind: 'resident', residentId: 7 } as const;
   * await lifecycle.act({ code: 'A2B3C', action: 'acknowledge', actor: worker, at: new Date() });
   * // from the console
   * const wang = { kind: 'console', username: 'wang', role: 'admin', gridId: null } as const;
   * await lifecycle.act({ code: 'A2B3C', action: 'resolve', actor: wang, note: '已清理', at: new Date() });
   * ```
   */
  async act(request: ActRequest): Promise<ActResult> {
    if (!(await this.isStaff(request.actor))) return { ok: false, reason: 'not_staff' };
    const code = normaliseCode(request.code);
    const report = code ? await this.prisma.hazardReport.findUnique({ where: { code } }) : null;
    if (!report) return { ok: false, reason: 'not_found' };
    const grid = this.reports.gridOf(report);
    const who = await this.actorFor(request.actor, report.gridId);
    if (!who) return { ok: false, reason: 'not_your_grid', report, grid };
    if ((CLOSED_STATUSES as readonly string[]).includes(report.status)) return { ok: false, reason: 'closed', report, grid };
    if (!ALLOWED_FROM[request.action].includes(report.status)) return { ok: false, reason: 'already', report, grid };
    const note = request.note?.trim() || null;
    if ((request.action === 'resolve' || request.action === 'reject') && !note) return { ok: false, reason: 'note_required', report, grid };

    let newGrid = grid;
    let duplicateOf: string | null = null;
    if (request.action === 'transfer') {
      const target = request.toGridId ? this.staff.grids.get(request.toGridId) : undefined;
      if (!target) return { ok: false, reason: request.toGridId ? 'unknown_grid' : 'note_required', report, grid };
      if (target.id === grid.id) return { ok: false, reason: 'same_grid', report, grid };
      newGrid = target;
    }
    if (request.action === 'duplicate') {
      const of = request.duplicateOf ? normaliseCode(request.duplicateOf) : null;
      if (!of) return { ok: false, reason: 'note_required', report, grid };
      const target = of !== report.code ? await this.prisma.hazardReport.findUnique({ where: { code: of } }) : null;
      if (!target) return { ok: false, reason: 'duplicate_target_missing', report, grid };
      duplicateOf = target.code;
    }

    const status = STATUS_AFTER[request.action];
    const at = request.at;
    const closing = (CLOSED_STATUSES as readonly string[]).includes(status);
    const timelineNote = request.action === 'transfer' ? `${grid.name} → ${newGrid.name}${note ? `（${note}）` : ''}` : duplicateOf ? `#${duplicateOf}` : note;
    const data = {
      status,
      updatedAt: at,
      ...(note && request.action !== 'transfer' ? { statusNote: note } : {}),
      // Any answer from staff (even a rejection) ends the wait that escalation and the statistics count.
      ...(request.action !== 'transfer' && !report.acknowledgedAt ? { acknowledgedAt: at } : {}),
      ...(closing ? { closedAt: at } : {}),
      ...(duplicateOf ? { duplicateOf } : {}),
      // A transfer hands the case to a new grid: its clock and escalation start again.
      ...(request.action === 'transfer' ? { gridId: newGrid.id, assignedAt: at, escalationLevel: 0, escalatedAt: null } : {}),
    };
    const written = await this.prisma
      .$transaction([
        // The status condition makes two staff acting at once safe: the second changes nothing.
        this.prisma.hazardReport.update({ where: { id: report.id, status: report.status }, data }),
        this.prisma.hazardUpdate.create({
          data: { reportId: report.id, at, kind: request.action === 'transfer' ? 'transferred' : status, status, actor: who.actor, note: timelineNote },
        }),
        this.prisma.auditLog.create({
          data: {
            at,
            actor: who.actor,
            action: `hazard.${request.action}`,
            entity: 'hazard_report',
            entityId: report.code,
            before: JSON.stringify({ status: report.status, gridId: report.gridId }),
            after: JSON.stringify({ status, gridId: newGrid.id, ...(note ? { note } : {}), ...(duplicateOf ? { duplicateOf } : {}) }),
          },
        }),
      ])
      .catch((err: unknown) => {
        // Someone else changed the case between our read and our write (P2025: no row matched).
        if ((err as { code?: unknown }).code === 'P2025') return null;
        throw err;
      });
    if (!written) {
      const current = (await this.prisma.hazardReport.findUnique({ where: { id: report.id } })) ?? report;
      return { ok: false, reason: (CLOSED_STATUSES as readonly string[]).includes(current.status) ? 'closed' : 'already', report: current, grid };
    }
    return { ok: true, report: written[0], before: report, grid: newGrid, previousGrid: grid, actorName: who.name };
  }

  /**
   * The reporter rates a resolved case (1–5), once. Without a code, the resident's most
   * recently resolved unrated case is meant.
   */
  async rate(
    residentId: number,
    code: string | null,
    score: number,
    at: Date,
  ): Promise<{ ok: true; report: HazardReport } | { ok: false; reason: 'none' | 'not_resolved' | 'already' | 'range'; report?: HazardReport }> {
    if (!Number.isInteger(score) || score < 1 || score > 5) return { ok: false, reason: 'range' };
    const normal = code ? normaliseCode(code) : null;
    const report = normal
      ? await this.prisma.hazardReport.findFirst({ where: { code: normal, residentId } })
      : await this.prisma.hazardReport.findFirst({ where: { residentId, status: 'resolved', rating: null }, orderBy: { closedAt: 'desc' } });
    if (!report) return { ok: false, reason: 'none' };
    if (report.status !== 'resolved') return { ok: false, reason: 'not_resolved', report };
    if (report.rating !== null) return { ok: false, reason: 'already', report };
    const [updated] = await this.prisma.$transaction([
      this.prisma.hazardReport.update({ where: { id: report.id, rating: null }, data: { rating: score, ratedAt: at, updatedAt: at } }),
      this.prisma.hazardUpdate.create({ data: { reportId: report.id, at, kind: 'rated', status: report.status, actor: `resident:${residentId}`, note: `${score}` } }),
      this.prisma.auditLog.create({
        data: { at, actor: `resident:${residentId}`, action: 'hazard.rate', entity: 'hazard_report', entityId: report.code, after: JSON.stringify({ rating: score }) },
      }),
    ]);
    return { ok: true, report: updated };
  }
}
