/**
 * Entity extraction for Linli: mobile numbers, resident ID numbers, dates and times, the
 * sub-district's villages and communities, and money. Each extractor lives in its own file and
 * can be used alone (form answers use `parseMobile`, `checkIdNumber`, `parseMoney`);
 * {@link extractEntities} runs them all over one message.
 */

import { findDateTimes, type DateTimeReadOptions, type DateTimeValue } from './datetime.js';
import { findIdNumbers, type IdNumberCheck } from './idNumber.js';
import { findMoney, type MoneyValue } from './money.js';
import { findPhones } from './phone.js';
import { findPlaces, type PlaceRef } from './places.js';

export * from './cn-number.js';
export * from './datetime.js';
export * from './idNumber.js';
export * from './money.js';
export * from './normalise.js';
export * from './phone.js';
export * from './places.js';
export * from './shanghai-time.js';
export * from './text.js';

/**
 * An entity found in a message. `start`/`end` are UTF-16 offsets into the text as the resident
 * wrote it (`end` exclusive) and `text` is that slice, full-width characters and all.
 */
export type Entity =
  | { type: 'phone'; text: string; start: number; end: number; value: string }
  | { type: 'id_number'; text: string; start: number; end: number; value: IdNumberCheck }
  | { type: 'datetime'; text: string; start: number; end: number; value: DateTimeValue }
  | { type: 'place'; text: string; start: number; end: number; value: PlaceRef }
  | { type: 'money'; text: string; start: number; end: number; value: MoneyValue };

/** Options for {@link extractEntities}. */
export type ExtractOptions = DateTimeReadOptions;

/**
 * Extract every entity from a message, sorted by position. Where two extractors claim the same
 * characters the more specific wins — ID number, then phone, then money, then date/time, then
 * place — so the digits of an ID number are never also a phone number or an amount.
 *
 * ```ts
 * extractEntities('明天下午3点礼贤社区门口，电话13812345678', { now: new Date('2026-11-29T10:00:00+08:00') });
 * // [{ type: 'datetime', text: '明天下午3点', value: { kind: 'datetime', start: '2026-11-30T15:00:00+08:00' }, … },
 * //  { type: 'place', text: '礼贤社区', value: { id: 'lixian', name: '礼贤社区' }, … },
 * //  { type: 'phone', text: '13812345678', value: '13812345678', … }]
 * ```
 *
 * @param options.now reference instant for relative dates and for birth dates in ID numbers (default: now)
 * @param options.prefer which reading of an ambiguous date to keep (default: `future`)
 */
export function extractEntities(text: string, options: ExtractOptions = {}): Entity[] {
  const today = options.now ? { today: options.now } : {};
  // In priority order: earlier groups keep their characters.
  const groups: Entity[][] = [
    findIdNumbers(text, today).map((m) => ({ type: 'id_number' as const, ...m })),
    findPhones(text).map((m) => ({ type: 'phone' as const, ...m })),
    findMoney(text).map((m) => ({ type: 'money' as const, ...m })),
    findDateTimes(text, options).map((m) => ({ type: 'datetime' as const, ...m })),
    findPlaces(text).map((m) => ({ type: 'place' as const, ...m })),
  ];
  const kept: Entity[] = [];
  for (const group of groups) {
    for (const e of group) {
      if (kept.every((k) => e.end <= k.start || k.end <= e.start)) kept.push(e);
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}
