/**
 * The sub-district's villages and communities (村社), read from `seed/places.json`, and a
 * matcher that finds them in a message by full name, short name (梅家, 礼贤…) or a sub-place
 * (a natural village, an estate) that belongs to one of them.
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { toHalfWidth } from './normalise.js';

/** What a match resolves to: the village or community, and the sub-place named, if any. */
export interface PlaceRef {
  id: string;
  name: string;
  /** The sub-place (natural village, estate…) the resident actually named. */
  via?: string;
}

/** A place found in a text; `start`/`end` are offsets into the original text, `end` exclusive. */
export interface PlaceMatch {
  text: string;
  start: number;
  end: number;
  value: PlaceRef;
}

const nonEmpty = z.string().trim().min(1, 'must not be empty');

const subPlaceSchema = z
  .object({
    name: nonEmpty,
    kind: z.enum(['natural_village', 'estate', 'area', 'landmark']),
    aliases: z.array(nonEmpty).default([]),
    assumed: z.boolean().default(false),
    note: z.string().optional(),
  })
  .strict();

const placeSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be a lowercase pinyin slug such as "meijia"'),
    name: nonEmpty,
    kind: z.enum(['village', 'community']),
    aliases: z.array(nonEmpty).default([]),
    /** Phrases that contain an alias but do not mean the place (五湖四海). */
    exclusions: z.array(nonEmpty).default([]),
    assumed: z.boolean().default(false),
    note: z.string().optional(),
    subPlaces: z.array(subPlaceSchema).default([]),
  })
  .strict();

const assumedNeedsNote = (p: { assumed: boolean; note?: string | undefined }): boolean =>
  !p.assumed || (p.note?.trim().length ?? 0) > 0;

const placesFileSchema = z
  .object({ $comment: z.string().optional(), places: z.array(placeSchema).min(1) })
  .strict()
  .superRefine((file, ctx) => {
    const ids = new Map<string, number>();
    const owners = new Map<string, string>();
    file.places.forEach((place, i) => {
      if (ids.has(place.id)) {
        ctx.addIssue({ code: 'custom', path: ['places', i, 'id'], message: `duplicate id "${place.id}"` });
      }
      ids.set(place.id, i);
      if (!assumedNeedsNote(place)) {
        ctx.addIssue({ code: 'custom', path: ['places', i, 'note'], message: 'an assumed place needs a note saying why' });
      }
      const surfaces = [place.name, ...place.aliases, ...place.subPlaces.flatMap((s) => [s.name, ...s.aliases])];
      place.subPlaces.forEach((s, j) => {
        if (!assumedNeedsNote(s)) {
          ctx.addIssue({ code: 'custom', path: ['places', i, 'subPlaces', j, 'note'], message: 'an assumed sub-place needs a note saying why' });
        }
      });
      for (const surface of new Set(surfaces)) {
        const owner = owners.get(surface);
        if (owner !== undefined && owner !== place.id) {
          ctx.addIssue({ code: 'custom', path: ['places', i], message: `"${surface}" is claimed by both "${owner}" and "${place.id}"` });
        }
        owners.set(surface, place.id);
      }
    });
  });

/** A village or community as stored in `seed/places.json`. */
export type Place = z.output<typeof placeSchema>;

/** A sub-place (natural village, estate, area, landmark) of a {@link Place}. */
export type SubPlace = Place['subPlaces'][number];

/**
 * Validate the parsed contents of a places file. Throws an Error that names the file, the
 * entry and what is wrong.
 *
 * ```ts
 * parsePlaces({ places: [{ id: 'Mei Jia', name: '梅家村', kind: 'village' }] }, 'places.json');
 * // Error: places.json is invalid:
 * // ✖ must be a lowercase pinyin slug such as "meijia"
 * //   → at places[0].id
 * ```
 */
export function parsePlaces(data: unknown, source = 'places file'): Place[] {
  const result = placesFileSchema.safeParse(data);
  if (!result.success) throw new Error(`${source} is invalid:\n${z.prettifyError(result.error)}`);
  return result.data.places;
}

/** Where the places file lives in a checkout: `seed/places.json`. */
export const DEFAULT_PLACES_FILE = fileURLToPath(new URL('../../../seed/places.json', import.meta.url));

/**
 * Read and validate a places file.
 *
 * ```ts
 * const places = loadPlaces(); // seed/places.json
 * ```
 */
export function loadPlaces(file: string = DEFAULT_PLACES_FILE): Place[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read places file ${file}: ${(err as Error).message}`);
  }
  return parsePlaces(data, file);
}

// Said after a name: 梅家 → 梅家社区 (after 村改居), 汪村 → 汪村村, 礼贤社区 → 礼贤社区居委会.
const SUFFIX = /(?:村民委员会|居民委员会|村委会|居委会|自然村|村委|社区|片区|小区|村)?/y;

interface Surface {
  text: string;
  ref: PlaceRef;
}

/**
 * A matcher over a list of places. Most code uses the module functions ({@link findPlaces},
 * {@link placeById}, {@link allPlaces}) over `seed/places.json`; tests and tools can build
 * their own.
 */
export class PlaceIndex {
  private readonly byFirstChar = new Map<string, Surface[]>();
  private readonly byId = new Map<string, Place>();

  constructor(private readonly places: readonly Place[]) {
    for (const place of places) {
      this.byId.set(place.id, place);
      const own = { id: place.id, name: place.name };
      const surfaces: Surface[] = [place.name, ...place.aliases].map((text) => ({ text, ref: own }));
      for (const sub of place.subPlaces) {
        for (const text of [sub.name, ...sub.aliases]) surfaces.push({ text, ref: { ...own, via: sub.name } });
      }
      for (const s of surfaces) {
        const list = this.byFirstChar.get(s.text[0]!) ?? [];
        list.push(s);
        this.byFirstChar.set(s.text[0]!, list);
      }
    }
  }

  /**
   * Find the places named in a text. Where candidates overlap the longest wins (礼贤未来社区
   * over 礼贤); results never overlap and come in text order.
   *
   * ```ts
   * index.find('五湖村莱利田铺那边路灯坏了');
   * // [{ text: '五湖村', start: 0, end: 3, value: { id: 'wuhu', name: '五湖村' } },
   * //  { text: '莱利田铺', start: 3, end: 7, value: { id: 'wuhu', name: '五湖村', via: '莱利田铺' } }]
   * ```
   */
  find(text: string): PlaceMatch[] {
    const half = toHalfWidth(text);
    const candidates: Array<{ start: number; end: number; ref: PlaceRef }> = [];
    for (let i = 0; i < half.length; i++) {
      for (const s of this.byFirstChar.get(half[i]!) ?? []) {
        if (!half.startsWith(s.text, i)) continue;
        SUFFIX.lastIndex = i + s.text.length;
        const end = i + s.text.length + (SUFFIX.exec(half)?.[0].length ?? 0);
        candidates.push({ start: i, end, ref: s.ref });
      }
    }
    const excluded = this.excludedSpans(half);
    const chosen: typeof candidates = [];
    const byLength = candidates
      .filter((c) => !excluded.some((x) => x.id === c.ref.id && c.start < x.end && x.start < c.end))
      .sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    for (const c of byLength) {
      if (chosen.every((o) => c.end <= o.start || o.end <= c.start)) chosen.push(c);
    }
    return chosen
      .sort((a, b) => a.start - b.start)
      .map((c) => ({ text: text.slice(c.start, c.end), start: c.start, end: c.end, value: c.ref }));
  }

  private excludedSpans(text: string): Array<{ id: string; start: number; end: number }> {
    const spans: Array<{ id: string; start: number; end: number }> = [];
    for (const place of this.places) {
      for (const phrase of place.exclusions) {
        for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
          spans.push({ id: place.id, start: at, end: at + phrase.length });
        }
      }
    }
    return spans;
  }

  /** The place with this id, or `undefined`. */
  get(id: string): Place | undefined {
    return this.byId.get(id);
  }

  /** Every place, in file order. */
  all(): readonly Place[] {
    return this.places;
  }
}

let defaultIndex: PlaceIndex | undefined;

/**
 * The index over `seed/places.json`, loaded and validated on first use. Call it at start-up
 * so a broken file stops the bot with a clear message rather than on the first message.
 */
export function defaultPlaceIndex(): PlaceIndex {
  defaultIndex ??= new PlaceIndex(loadPlaces());
  return defaultIndex;
}

/**
 * Find the villages and communities named in a text (see {@link PlaceIndex.find}).
 *
 * ```ts
 * findPlaces('我住汪村村');   // [{ text: '汪村村', …, value: { id: 'wangcun', name: '汪村村' } }]
 * findPlaces('南湖春苑门口'); // [{ text: '南湖春苑', …, value: { id: 'shuangshuiqiao', name: '双水桥社区', via: '南湖春苑' } }]
 * ```
 */
export function findPlaces(text: string): PlaceMatch[] {
  return defaultPlaceIndex().find(text);
}

/**
 * The village or community with this id, or `undefined`.
 *
 * ```ts
 * placeById('lixian')?.name; // '礼贤社区'
 * ```
 */
export function placeById(id: string): Place | undefined {
  return defaultPlaceIndex().get(id);
}

/** All twelve villages and communities, in file order. */
export function allPlaces(): readonly Place[] {
  return defaultPlaceIndex().all();
}
