/**
 * The grids (网格) of the sub-district and their workers, read from `seed/grids.json`: each
 * village or community has one or more grids, each grid a leader (网格长) and members, and the
 * sub-district duty desk takes whatever has no place. The file is validated with zod at load,
 * against the places of `seed/places.json`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { allPlaces, type Place } from '../../nlu/entities/places.js';

const nonEmpty = z.string().trim().min(1, 'must not be empty');

const workerSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be a lowercase slug such as "wuhu-1-leader"'),
    name: nonEmpty,
    role: z.enum(['leader', 'member']),
  })
  .strict();

const staffChatSchema = z.object({ channel: nonEmpty, address: nonEmpty }).strict();

const gridSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be a lowercase slug such as "wuhu-1"'),
    placeId: nonEmpty,
    name: nonEmpty,
    /** Sub-places (seed/places.json) this grid covers; reports naming one come here. */
    covers: z.array(nonEmpty).default([]),
    staffChat: staffChatSchema.optional(),
    workers: z.array(workerSchema).min(1, 'a grid needs at least its leader'),
  })
  .strict();

const dutyDeskSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    name: nonEmpty,
    staffChat: staffChatSchema.optional(),
    workers: z.array(workerSchema).default([]),
  })
  .strict();

const gridsFileSchema = z
  .object({ $comment: z.string().optional(), dutyDesk: dutyDeskSchema, grids: z.array(gridSchema) })
  .strict();

/** A grid worker as listed in the file. */
export type GridWorkerEntry = z.output<typeof workerSchema>;
/** A grid, or the duty desk (whose `placeId` is null). */
export interface Grid {
  id: string;
  placeId: string | null;
  name: string;
  covers: string[];
  staffChat?: { channel: string; address: string };
  workers: GridWorkerEntry[];
}

/**
 * Validate the parsed contents of a grids file against the places. Throws an Error naming the
 * file, the entry and what is wrong.
 *
 * @example
 * ```ts
 * parseGrids({ dutyDesk: { id: 'duty-desk', name: '值班室' }, grids: [{ id: 'x-1', placeId: 'nowhere', name: 'X', workers: [] }] });
 * // Error: grids file is invalid: … a grid needs at least its leader … "nowhere" is not a place in seed/places.json
 * ```
 */
export function parseGrids(data: unknown, places: readonly Place[], source = 'grids file'): { dutyDesk: Grid; grids: Grid[] } {
  const checked = gridsFileSchema
    .superRefine((file, ctx) => {
      const placeById = new Map(places.map((p) => [p.id, p]));
      const gridIds = new Set<string>([file.dutyDesk.id]);
      const keys = new Set<string>();
      const allGrids = [{ ...file.dutyDesk, placeId: null as string | null, covers: [] as string[] }, ...file.grids];
      allGrids.forEach((grid, i) => {
        const path = i === 0 ? ['dutyDesk'] : ['grids', i - 1];
        if (i > 0 && gridIds.has(grid.id)) ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `duplicate grid id "${grid.id}"` });
        gridIds.add(grid.id);
        for (const [j, w] of grid.workers.entries()) {
          if (keys.has(w.key)) ctx.addIssue({ code: 'custom', path: [...path, 'workers', j, 'key'], message: `duplicate worker key "${w.key}"` });
          keys.add(w.key);
        }
        const leaders = grid.workers.filter((w) => w.role === 'leader').length;
        if (grid.workers.length > 0 && leaders !== 1) {
          ctx.addIssue({ code: 'custom', path: [...path, 'workers'], message: `needs exactly one leader, has ${leaders}` });
        }
        if (grid.placeId === null) return;
        const place = placeById.get(grid.placeId);
        if (!place) {
          ctx.addIssue({ code: 'custom', path: [...path, 'placeId'], message: `"${grid.placeId}" is not a place in seed/places.json` });
          return;
        }
        for (const sub of grid.covers) {
          if (!place.subPlaces.some((s) => s.name === sub)) {
            ctx.addIssue({ code: 'custom', path: [...path, 'covers'], message: `"${sub}" is not a sub-place of ${place.name}` });
          }
        }
      });
    })
    .safeParse(data);
  if (!checked.success) throw new Error(`${source} is invalid:\n${z.prettifyError(checked.error)}`);
  return {
    dutyDesk: { ...checked.data.dutyDesk, placeId: null, covers: [] },
    grids: checked.data.grids,
  };
}

/** Where the grids file lives in a checkout: `seed/grids.json`. */
export const DEFAULT_GRIDS_FILE = fileURLToPath(new URL('../../../seed/grids.json', import.meta.url));

/**
 * The grids and the duty desk, with the routing rules: a place's reports go to the grid that
 * covers the sub-place named, else the place's first grid; no place (or a place without
 * grids) goes to the duty desk.
 *
 * @example
 * ```ts
 * const grids = GridDirectory.load();
 * grids.route('wuhu', '莱利田铺').name; // '五湖村第2网格'
 * grids.route(null).name;              // '街道综治中心值班室'
 * ```
 */
export class GridDirectory {
  private readonly byId = new Map<string, Grid>();

  constructor(
    readonly dutyDesk: Grid,
    readonly grids: readonly Grid[],
  ) {
    for (const grid of [dutyDesk, ...grids]) this.byId.set(grid.id, grid);
  }

  /** Read and validate a grids file (default `seed/grids.json`) against `seed/places.json`. */
  static load(file: string = DEFAULT_GRIDS_FILE, places: readonly Place[] = allPlaces()): GridDirectory {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new Error(`cannot read grids file ${file}: ${(err as Error).message}`);
    }
    const { dutyDesk, grids } = parseGrids(data, places, file);
    return new GridDirectory(dutyDesk, grids);
  }

  /** The grid (or duty desk) with this id. */
  get(id: string): Grid | undefined {
    return this.byId.get(id);
  }

  /** Every grid and the duty desk, the duty desk first. */
  all(): Grid[] {
    return [this.dutyDesk, ...this.grids];
  }

  /** The grids of a village or community, in file order. */
  gridsOf(placeId: string): Grid[] {
    return this.grids.filter((g) => g.placeId === placeId);
  }

  /** The grid that takes a report at this place (see the class comment). */
  route(placeId: string | null, via?: string): Grid {
    if (!placeId) return this.dutyDesk;
    const grids = this.gridsOf(placeId);
    return (via && grids.find((g) => g.covers.includes(via))) || grids[0] || this.dutyDesk;
  }

  /**
   * The grids a staff member's words name, for 转派: a grid id (“wuhu-2”), a grid name
   * (“五湖村第2网格”), “值班室”, or a village (all its grids, for the staff member to choose).
   */
  find(words: string, placesNamed: readonly string[]): Grid[] {
    const said = words.replace(/\s/g, '').toLowerCase();
    if (!said) return [];
    const exact = this.all().find((g) => g.id === said || g.name === said);
    if (exact) return [exact];
    if (/值班|综治|街道/.test(said)) return [this.dutyDesk];
    // “五湖村2网格”, “五湖第二网格”: the village's grid by its number.
    const number = /第?([0-9一二三四五六七八九十])网格/.exec(said)?.[1];
    const n = number ? (Number(number) || '一二三四五六七八九十'.indexOf(number) + 1) : undefined;
    const grids = [...new Set(placesNamed)].flatMap((id) => this.gridsOf(id));
    if (n !== undefined) {
      const numbered = grids.filter((g) => g.name.endsWith(`第${n}网格`));
      if (numbered.length > 0) return numbered;
    }
    return grids;
  }
}
