/**
 * Who acts on a case: a staff member in chat (a resident bound as a grid worker, or an admin
 * resident) or a staff account of the admin console. Both pass the same rule: workers only
 * their grid's cases, duty-desk workers and admins every case.
 */
import type { StaffService } from './staff.js';

/** A staff member acting from their chat. */
export interface ResidentActor {
  kind: 'resident';
  residentId: number;
}

/** A staff account of the admin console. */
export interface ConsoleActor {
  kind: 'console';
  username: string;
  /** The console role: `admin`, `grid_worker` (their `gridId`), `hub_staff` (no cases). */
  role: string;
  gridId: string | null;
}

/** Whoever asks to change a case. */
export type HazardActor = ResidentActor | ConsoleActor;

/** An actor allowed on a grid: the name written on the timeline and in the audit log. */
export interface Authorised {
  /** `staff:3` (a grid worker), `admin:12` (an admin resident), `console:wang` (a console account). */
  actor: string;
  /** The worker's name, or the console username; empty for an admin resident. */
  name: string;
}

/** The audit and timeline name of a console account (the same as the console's own rows). */
export const consoleActorName = (username: string): string => `console:${username}`;

/**
 * The permission rule for both chat and console.
 *
 * @example
 * ```ts
 * const access = new HazardAccess(staff);
 * await access.authorise({ kind: 'console', username: 'li', role: 'grid_worker', gridId: 'wuhu-1' }, 'wuhu-2'); // null
 * await access.authorise({ kind: 'resident', residentId: 7 }, 'wuhu-1'); // { actor: 'staff:3', name: '王强' }
 * ```
 */
export class HazardAccess {
  constructor(private readonly staff: StaffService) {}

  /** Whether the actor is staff at all (may use staff commands, sees the queue). */
  async isStaff(actor: HazardActor): Promise<boolean> {
    if (actor.kind === 'console') return actor.role === 'admin' || (actor.role === 'grid_worker' && !!actor.gridId);
    return (await this.staff.staffOf(actor.residentId)).length > 0 || (await this.staff.isAdmin(actor.residentId));
  }

  /**
   * Whether the actor may see and act on cases of `gridId`, and the name to record; null when
   * not. Duty-desk workers act on every grid (they take what grids leave), as in chat.
   */
  async authorise(actor: HazardActor, gridId: string): Promise<Authorised | null> {
    const desk = this.staff.grids.dutyDesk.id;
    if (actor.kind === 'console') {
      const name = consoleActorName(actor.username);
      if (actor.role === 'admin') return { actor: name, name: actor.username };
      if (actor.role === 'grid_worker' && actor.gridId && (actor.gridId === gridId || actor.gridId === desk)) return { actor: name, name: actor.username };
      return null;
    }
    const mine = await this.staff.staffOf(actor.residentId);
    const own = mine.find((w) => w.gridId === gridId) ?? mine.find((w) => w.gridId === desk);
    if (own) return { actor: `staff:${own.id}`, name: own.name };
    if (await this.staff.isAdmin(actor.residentId)) return { actor: `admin:${actor.residentId}`, name: '' };
    return null;
  }

  /**
   * The grids whose cases a console account sees: every grid (null) for admins and duty-desk
   * workers, their own for a grid worker, none for anyone else.
   */
  visibleGrids(actor: ConsoleActor): string[] | null {
    if (actor.role === 'admin') return null;
    if (actor.role !== 'grid_worker' || !actor.gridId) return [];
    return actor.gridId === this.staff.grids.dutyDesk.id ? null : [actor.gridId];
  }
}
