/**
 * What a resident's words ask for: which events (a date range, a tag, a village or hall, a
 * festival) and, for a sign-up, how many people.
 */
import type { EntityLike } from '../../core/context.js';
import type { DateTimeValue } from '../../nlu/entities/datetime.js';
import { parseCnNumber } from '../../nlu/entities/cn-number.js';
import { instantOf } from '../../nlu/entities/shanghai-time.js';
import type { PlaceRef } from '../../nlu/entities/places.js';
import { findHall } from './halls.js';
import type { EventFilter } from './service.js';
import { EVENT_TAGS, FESTIVAL_WORDS, PARTY_WORDS, TAG_WORDS, type EventTag } from './text.js';

/** A filter and whether the resident narrowed anything down. */
export interface EventQuery {
  filter: EventFilter;
  /** What was asked, for the reply: 'date' | 'tag' | 'village' | 'keyword'. */
  narrowed: Array<'date' | 'tag' | 'village' | 'keyword'>;
}

const DAY = 24 * 3600_000;

/** The tag a text points at (“适合带小孩的” → 亲子). Festival and event words are checked first. */
export function tagIn(text: string): EventTag | undefined {
  return EVENT_TAGS.find((tag) => text.includes(tag)) ?? EVENT_TAGS.find((tag) => TAG_WORDS[tag].some((w) => text.includes(w)));
}

/**
 * Read an event question.
 *
 * ```ts
 * readEventQuery('这周末五湖村有啥亲子活动', entities);
 * // { filter: { from, to, village: 'wuhu', tag: '亲子' }, narrowed: ['date', 'village', 'tag'] }
 * ```
 */
export function readEventQuery(text: string, entities: readonly EntityLike[]): EventQuery {
  const filter: EventFilter = {};
  const narrowed: EventQuery['narrowed'] = [];
  const festival = FESTIVAL_WORDS.find((w) => text.includes(w));
  if (festival) {
    // A festival names the event, not necessarily its date: 重阳 events run in the weeks around it.
    filter.keyword = festival;
    narrowed.push('keyword');
  } else {
    const date = entities.find((e) => e.type === 'datetime')?.value as DateTimeValue | undefined;
    if (date) {
      const from = instantOf(date.start);
      filter.from = date.kind === 'datetime' ? new Date(Date.parse(date.start.slice(0, 10) + 'T00:00:00+08:00')) : from;
      filter.to = date.end ? instantOf(date.end) : new Date(filter.from.getTime() + DAY);
      narrowed.push('date');
    }
  }
  const hall = findHall(text);
  const place = entities.find((e) => e.type === 'place')?.value as PlaceRef | undefined;
  if (hall) filter.hallId = hall.id;
  else if (place) filter.village = place.id;
  if (hall || place) narrowed.push('village');
  const tag = festival ? undefined : tagIn(text);
  if (tag) {
    filter.tag = tag;
    narrowed.push('tag');
  }
  return { filter, narrowed };
}

/**
 * How many people a sign-up is for, when the text says (“报两个人”, “我和老伴”, “一家三口”).
 *
 * ```ts
 * partySizeIn('帮我报两个人'); // 2
 * partySizeIn('我要报名');     // undefined
 * ```
 */
export function partySizeIn(text: string): number | undefined {
  const counted = /([0-9０-９]{1,2}|[一二两三四五六七八九十]{1,2})\s*(?:个人|个|人|位|口人|口)/.exec(text);
  if (counted && !/一家/.test(text.slice(Math.max(0, counted.index - 2), counted.index))) {
    const n = /\d/.test(counted[1]!) ? Number(counted[1]!.normalize('NFKC')) : parseCnNumber(counted[1]!);
    if (n !== null && n > 0) return n;
  }
  return PARTY_WORDS.find(([re]) => re.test(text))?.[1];
}

/** An event id the text carries from an option (“报名活动 #12”). */
export function eventIdIn(text: string): number | undefined {
  const m = /#(\d{1,9})/.exec(text);
  return m ? Number(m[1]) : undefined;
}
