/**
 * Grid workers (网格员) as records, and how they bind their chat identity: the workers of
 * `seed/grids.json` are synced into the database by key; an admin issues a one-time code for a
 * worker (`issueStaffBindCode`), the worker sends "绑定 123456" from their chat, and that chat's
 * resident becomes the worker (role `grid_worker`). Codes are stored only as keyed hashes.
 */
import { randomInt } from 'node:crypto';
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { GridWorker } from '../../generated/prisma/client.js';
import type { PiiVault } from '../../privacy/vault.js';
import type { Grid, GridDirectory } from './grids.js';

/** How long a staff bind code stays valid: long enough to hand over in person or by phone. */
export const STAFF_BIND_CODE_HOURS = 24;

/** The role a bound grid worker's resident gets (admins keep `admin`). */
export const GRID_WORKER_ROLE = 'grid_worker';

export type BindResult = { ok: true; worker: GridWorker; grid: Grid } | { ok: false; reason: 'invalid' };

export class StaffService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly vault: PiiVault,
    readonly grids: GridDirectory,
  ) {}

  /**
   * Make the database's grid workers match the grids file: new keys are created, names,
   * grids and roles follow the file, keys no longer in the file are deactivated (their
   * bindings kept for the history, their cases stay where they are).
   *
   * @example
   * ```ts
   * await staff.syncWorkers(new Date()); // { created: 70, updated: 0, deactivated: 0 }
   * ```
   */
  async syncWorkers(now: Date): Promise<{ created: number; updated: number; deactivated: number }> {
    const existing = new Map((await this.prisma.gridWorker.findMany()).map((w) => [w.key, w]));
    const wanted = this.grids.all().flatMap((grid) => grid.workers.map((w) => ({ ...w, gridId: grid.id })));
    let created = 0;
    let updated = 0;
    const writes = [];
    for (const w of wanted) {
      const row = existing.get(w.key);
      if (!row) {
        created++;
        writes.push(
          this.prisma.gridWorker.create({
            data: { key: w.key, gridId: w.gridId, role: w.role, name: w.name, createdAt: now, updatedAt: now },
          }),
        );
      } else if (row.gridId !== w.gridId || row.role !== w.role || row.name !== w.name || !row.active) {
        updated++;
        writes.push(
          this.prisma.gridWorker.update({
            where: { id: row.id },
            data: { gridId: w.gridId, role: w.role, name: w.name, active: true, updatedAt: now },
          }),
        );
      }
      existing.delete(w.key);
    }
    const gone = [...existing.values()].filter((w) => w.active);
    for (const w of gone) writes.push(this.prisma.gridWorker.update({ where: { id: w.id }, data: { active: false, updatedAt: now } }));
    if (writes.length > 0) await this.prisma.$transaction(writes);
    return { created, updated, deactivated: gone.length };
  }

  /** A grid worker by the key of the grids file (“wuhu-1-leader”). */
  async workerByKey(key: string): Promise<GridWorker | null> {
    return this.prisma.gridWorker.findUnique({ where: { key } });
  }

  /**
   * Issue a one-time code with which a grid worker binds their chat identity ("绑定 123456").
   * Earlier unused codes of that worker stop working. For the admin console and CLI.
   *
   * @example
   * ```ts
   * const worker = await staff.workerByKey('wuhu-1-leader');
   * const { code } = await staff.issueStaffBindCode(worker!.id); // '583920', valid 24 hours
   * ```
   * @throws when no grid worker has this id.
   */
  async issueStaffBindCode(gridWorkerId: number, now: Date = new Date(), actor = 'admin'): Promise<{ code: string; expiresAt: Date; worker: GridWorker }> {
    const worker = await this.prisma.gridWorker.findUniqueOrThrow({ where: { id: gridWorkerId } });
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = new Date(now.getTime() + STAFF_BIND_CODE_HOURS * 3600_000);
    await this.prisma.$transaction([
      this.prisma.staffBindCode.updateMany({ where: { gridWorkerId, usedAt: null }, data: { usedAt: now } }),
      // A code another worker holds right now would collide on the hash: retire it too.
      this.prisma.staffBindCode.deleteMany({ where: { codeHash: this.hash(code) } }),
      this.prisma.staffBindCode.create({ data: { gridWorkerId, codeHash: this.hash(code), createdAt: now, expiresAt } }),
      this.prisma.auditLog.create({
        data: { at: now, actor, action: 'grid_worker.bind_code', entity: 'grid_worker', entityId: String(gridWorkerId) },
      }),
    ]);
    return { code, expiresAt, worker };
  }

  /**
   * Redeem a bind code for a resident: the worker is now that resident (a worker rebinding
   * from a new phone moves to the new identity). The resident gets the grid-worker role.
   */
  async redeemBindCode(code: string, residentId: number, now: Date): Promise<BindResult> {
    const found = await this.prisma.staffBindCode.findUnique({ where: { codeHash: this.hash(code) }, include: { gridWorker: true } });
    if (!found || found.usedAt || found.expiresAt <= now || !found.gridWorker.active) return { ok: false, reason: 'invalid' };
    const worker = found.gridWorker;
    const grid = this.grids.get(worker.gridId);
    if (!grid) return { ok: false, reason: 'invalid' };
    const resident = await this.prisma.resident.findUniqueOrThrow({ where: { id: residentId } });
    const [, bound] = await this.prisma.$transaction([
      this.prisma.staffBindCode.update({ where: { id: found.id }, data: { usedAt: now } }),
      this.prisma.gridWorker.update({ where: { id: worker.id }, data: { residentId, boundAt: now, updatedAt: now } }),
      ...(resident.role === 'admin' ? [] : [this.prisma.resident.update({ where: { id: residentId }, data: { role: GRID_WORKER_ROLE, updatedAt: now } })]),
      this.prisma.auditLog.create({
        data: {
          at: now,
          actor: `resident:${residentId}`,
          action: 'grid_worker.bind',
          entity: 'grid_worker',
          entityId: String(worker.id),
          before: JSON.stringify({ residentId: worker.residentId }),
          after: JSON.stringify({ residentId }),
        },
      }),
    ]);
    return { ok: true, worker: bound, grid };
  }

  /** The active grid-worker records a resident holds (usually one). */
  async staffOf(residentId: number): Promise<GridWorker[]> {
    return this.prisma.gridWorker.findMany({ where: { residentId, active: true } });
  }

  /** Whether a resident is an admin (acts on every case). */
  async isAdmin(residentId: number): Promise<boolean> {
    const r = await this.prisma.resident.findUnique({ where: { id: residentId }, select: { role: true } });
    return r?.role === 'admin';
  }

  /** Residents bound as workers of a grid (optionally only its leader). */
  async residentsOf(gridId: string, role?: 'leader' | 'member'): Promise<number[]> {
    const rows = await this.prisma.gridWorker.findMany({
      where: { gridId, active: true, residentId: { not: null }, ...(role ? { role } : {}) },
      orderBy: { id: 'asc' },
    });
    return [...new Set(rows.map((r) => r.residentId!))];
  }

  /** The name of a grid's leader, from the file. */
  leaderName(gridId: string): string {
    return this.grids.get(gridId)?.workers.find((w) => w.role === 'leader')?.name ?? '';
  }

  /** Ids of every admin resident. */
  async admins(): Promise<number[]> {
    return (await this.prisma.resident.findMany({ where: { role: 'admin' }, select: { id: true }, orderBy: { id: 'asc' } })).map((r) => r.id);
  }

  private hash(code: string): string {
    return this.vault.lookupHash(`staff-bind:${code}`);
  }
}
