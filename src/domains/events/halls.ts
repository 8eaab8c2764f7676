/**
 * The cultural halls (文化礼堂) events are held in, read once from `seed/events-halls.json`.
 * Each hall belongs to a village of `seed/places.json`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { placeById } from '../../nlu/entities/places.js';

const hallSchema = z.object({
  id: z.string().regex(/^[a-z]+(-[a-z]+)*$/),
  name: z.string().min(2),
  village: z.string().refine((id) => placeById(id) !== undefined, 'not a village id of seed/places.json'),
  aliases: z.array(z.string().min(2)).default([]),
  assumed: z.boolean().optional(),
});

/** A cultural hall. */
export type Hall = z.output<typeof hallSchema>;

const FILE = fileURLToPath(new URL('../../../seed/events-halls.json', import.meta.url));
let cache: Hall[] | null = null;

/**
 * Every cultural hall, validated (a broken file fails loudly on first use).
 *
 * ```ts
 * allHalls().map((h) => h.name); // ['滨港村文化礼堂', '汪村村文化礼堂', …]
 * ```
 */
export function allHalls(): readonly Hall[] {
  if (!cache) {
    const parsed = z.object({ halls: z.array(hallSchema).min(1) }).safeParse(JSON.parse(readFileSync(FILE, 'utf8')));
    if (!parsed.success) throw new Error(`${FILE} is invalid:\n${z.prettifyError(parsed.error)}`);
    cache = parsed.data.halls;
  }
  return cache;
}

/** A hall by id. */
export function hallById(id: string): Hall | undefined {
  return allHalls().find((h) => h.id === id);
}

/** The hall a text names (by name or alias), if any. */
export function findHall(text: string): Hall | undefined {
  return allHalls().find((h) => text.includes(h.name) || h.aliases.some((a) => text.includes(a)));
}
