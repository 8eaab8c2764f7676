/**
 * Hazard reports (随手拍) as records: submitting one (routed to the grid of its place, the duty
 * desk when unplaced), finding them, a resident's own list, and erasing a reporter's personal
 * data. Status changes live in `lifecycle.ts`, escalation in `escalation.ts`. No chat here: the
 * chat, the Open311 API, the admin console and the CLI all call this.
 */
import { randomInt } from 'node:crypto';
import type { HazardReport, HazardUpdate, PrismaClient } from '../../generated/prisma/client.js';
import type { UrgentKind } from '../../nlu/urgent-words.js';
import type { PiiVault } from '../../privacy/vault.js';
import type { CategoryCode } from './categories.js';
import type { Grid, GridDirectory } from './grids.js';

/** Longest description accepted, in characters. */
export const MAX_DESCRIPTION = 1000;
/** Most photos one report carries. */
export const MAX_PHOTOS = 3;
/** Statuses in which a case still waits for staff. */
export const OPEN_STATUSES = ['submitted', 'acknowledged', 'in_progress'] as const;
/** Statuses that end a case. */
export const CLOSED_STATUSES = ['resolved', 'rejected', 'duplicate'] as const;

// No 0/O, 1/I/L: codes are read aloud and typed on phones.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A photo kept with a report (the channel already saved the file). */
export interface ReportPhoto {
  path: string;
  sha256: string;
  mime?: string;
}

/** What a new report carries. */
export interface NewReport {
  residentId: number | null;
  source: 'chat' | 'open311';
  anonymous: boolean;
  category: CategoryCode;
  description: string;
  placeId: string | null;
  /** The sub-place named (a natural village, an estate), for routing. */
  via?: string | null;
  address: string | null;
  latitude?: number | null;
  longitude?: number | null;
  urgentKind?: UrgentKind | null;
  photos: ReportPhoto[];
  /** Open311 reporter contact, stored encrypted. */
  contact?: Record<string, string> | null;
  at: Date;
}

/** A report submitted: the record, the grid it went to, and whether it was a repeat. */
export interface Submitted {
  report: HazardReport;
  grid: Grid;
  /** True when the same resident sent the same text minutes ago: the earlier case is returned. */
  repeat: boolean;
}

/** A new short case code such as `A2B3C`. */
export function newCaseCode(): string {
  return Array.from({ length: 5 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/** The code a resident or staff member typed (`#a2b3c`, `A2B3C`), normalised; null when not one. */
export function normaliseCode(text: string): string | null {
  const m = /^#?\s*([A-Za-z0-9]{5})$/.exec(text.normalize('NFKC').trim());
  return m ? m[1]!.toUpperCase() : null;
}

/** The photos of a report. */
export function photosOf(report: Pick<HazardReport, 'photos'>): ReportPhoto[] {
  try {
    return JSON.parse(report.photos) as ReportPhoto[];
  } catch {
    return [];
  }
}

export class HazardService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly vault: PiiVault,
    readonly grids: GridDirectory,
  ) {}

  /**
   * Store a report, routed to its grid, with its first timeline entry and an audit row.
   * The same resident sending the same description within an hour gets the earlier case back.
   *
   * @example
   * ```ts
   * const { report, grid } = await hazards.submit({
   *   residentId: 7, source: 'chat', anonymous: false, category: 'ebike_charging',
   *   description: '3号楼楼道有电动车充电', placeId: 'wuhu', address: '3组', photos: [], at: new Date(),
   * });
   * // report.code 'K7M2Q', grid.name '五湖村第1网格'
   * ```
   * @throws when the description is empty or longer than {@link MAX_DESCRIPTION}, or there are too many photos.
   */
  async submit(input: NewReport): Promise<Submitted> {
    const description = input.description.trim();
    if (!description || description.length > MAX_DESCRIPTION) throw new Error(`description must be 1–${MAX_DESCRIPTION} characters`);
    if (input.photos.length > MAX_PHOTOS) throw new Error(`at most ${MAX_PHOTOS} photos`);
    if (input.residentId !== null) {
      const earlier = await this.prisma.hazardReport.findFirst({
        where: {
          residentId: input.residentId,
          description,
          status: { in: [...OPEN_STATUSES] },
          createdAt: { gte: new Date(input.at.getTime() - 3600_000) },
        },
      });
      if (earlier) return { report: earlier, grid: this.gridOf(earlier), repeat: true };
    }
    const grid = this.grids.route(input.placeId, input.via ?? undefined);
    const actor = input.residentId !== null ? `resident:${input.residentId}` : input.source;
    for (let attempt = 0; ; attempt++) {
      const code = newCaseCode();
      try {
        const report = await this.prisma.$transaction(async (tx) => {
          const created = await tx.hazardReport.create({
            data: {
              code,
              residentId: input.residentId,
              source: input.source,
              anonymous: input.anonymous,
              category: input.category,
              description,
              placeId: input.placeId,
              address: input.address,
              latitude: input.latitude ?? null,
              longitude: input.longitude ?? null,
              gridId: grid.id,
              urgent: !!input.urgentKind,
              urgentKind: input.urgentKind ?? null,
              photos: JSON.stringify(input.photos),
              status: 'submitted',
              contactCipher: input.contact && Object.keys(input.contact).length > 0 ? this.vault.encrypt(JSON.stringify(input.contact)) : null,
              createdAt: input.at,
              updatedAt: input.at,
              assignedAt: input.at,
            },
          });
          await tx.hazardUpdate.create({ data: { reportId: created.id, at: input.at, kind: 'submitted', status: 'submitted', actor, note: grid.name } });
          await tx.auditLog.create({
            data: {
              at: input.at,
              actor,
              action: 'hazard.submit',
              entity: 'hazard_report',
              entityId: code,
              after: JSON.stringify({ status: 'submitted', gridId: grid.id, category: input.category, urgent: !!input.urgentKind }),
            },
          });
          return created;
        });
        return { report, grid, repeat: false };
      } catch (err) {
        // A code collision (unique index) is retried with a new code; anything else is real.
        if (attempt < 5 && /Unique constraint/i.test(String((err as Error).message))) continue;
        throw err;
      }
    }
  }

  /** A report by its case code (`A2B3C` or `#a2b3c`). */
  async byCode(code: string): Promise<HazardReport | null> {
    const normal = normaliseCode(code);
    return normal ? this.prisma.hazardReport.findUnique({ where: { code: normal } }) : null;
  }

  /** A resident's reports, newest first. */
  async listForResident(residentId: number, limit = 5): Promise<HazardReport[]> {
    return this.prisma.hazardReport.findMany({ where: { residentId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit });
  }

  /** A report's timeline, oldest first. */
  async timeline(reportId: number): Promise<HazardUpdate[]> {
    return this.prisma.hazardUpdate.findMany({ where: { reportId }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
  }

  /** The grid a report is with now (the duty desk if its grid left the file). */
  gridOf(report: Pick<HazardReport, 'gridId'>): Grid {
    return this.grids.get(report.gridId) ?? this.grids.dutyDesk;
  }

  /** A resident's display name (for staff notices of non-anonymous reports). */
  async displayNameOf(residentId: number): Promise<string | null> {
    const r = await this.prisma.resident.findUnique({ where: { id: residentId }, select: { displayName: true } });
    return r?.displayName ?? null;
  }

  /** The Open311 reporter contact of a report, decrypted (for staff tools only). */
  contactOf(report: Pick<HazardReport, 'contactCipher'>): Record<string, string> | null {
    return report.contactCipher ? (JSON.parse(this.vault.decrypt(report.contactCipher)) as Record<string, string>) : null;
  }
}

/**
 * Erase a resident's personal data from hazard reports: their reports lose the link to them,
 * the free text (description, address, staff notes), coordinates, photos and contact; category,
 * place, grid, status and times stay, so the statistics still count them.
 *
 * @example
 * ```ts
 * await eraseHazardsPersonalData(prisma, 12); // { reports: 3 }
 * ```
 */
export async function eraseHazardsPersonalData(prisma: PrismaClient, residentId: number, now: Date = new Date()): Promise<{ reports: number }> {
  const reports = await prisma.hazardReport.findMany({ where: { residentId }, select: { id: true, code: true } });
  if (reports.length === 0) return { reports: 0 };
  const ids = reports.map((r) => r.id);
  await prisma.$transaction([
    prisma.hazardReport.updateMany({
      where: { id: { in: ids } },
      data: { residentId: null, description: '（已按本人要求删除）', address: null, latitude: null, longitude: null, photos: '[]', contactCipher: null, statusNote: null, updatedAt: now },
    }),
    prisma.hazardUpdate.updateMany({ where: { reportId: { in: ids } }, data: { note: null } }),
    prisma.hazardUpdate.updateMany({ where: { reportId: { in: ids }, actor: `resident:${residentId}` }, data: { actor: 'resident:erased' } }),
    prisma.auditLog.create({
      data: { at: now, actor: `resident:${residentId}`, action: 'hazard.erase', entity: 'resident', entityId: String(residentId), after: JSON.stringify({ reports: reports.map((r) => r.code) }) },
    }),
  ]);
  return { reports: reports.length };
}
