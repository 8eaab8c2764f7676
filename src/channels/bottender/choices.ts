/**
 * Fitting a reply into a platform's limits: options become native quick-reply buttons when
 * they fit, numbered lines when they do not; text too long for one message is split.
 */
import { renderNumbered } from '../../core/render.js';

/** A quick-reply button: what it shows and what a tap sends back. */
export interface Choice {
  label: string;
  value: string;
}

/** A platform's quick-reply limits. */
export interface ChoiceLimits {
  /** Most buttons on one message (13 on LINE and Messenger). */
  maxChoices: number;
  /** Longest label, in UTF-16 units (20 on both). */
  maxLabel: number;
  /** Longest value a tap can send back (LINE 300, Messenger 1000). */
  maxValue: number;
}

/** A reply ready for a platform: the text to send and the buttons for its last message. */
export interface PlannedReply {
  text: string;
  choices: Choice[];
}

/** Cut a label to `max` UTF-16 units without splitting a character, marking the cut with “…”. */
export function shortLabel(label: string, max: number): string {
  if (label.length <= max) return label;
  let out = '';
  for (const ch of label) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/**
 * Plan a reply's options as quick-reply buttons. A long label is shortened on the button but a
 * tap still sends the whole option, so the core recognises it. When the options cannot all be
 * buttons (too many, too long, or two labels shortened alike) they become numbered lines the
 * resident answers by number, as on text-only channels.
 *
 * ```ts
 * planChoices('请选择：', ['保洁', '保安'], { maxChoices: 13, maxLabel: 20, maxValue: 300 });
 * // { text: '请选择：', choices: [{ label: '保洁', value: '保洁' }, { label: '保安', value: '保安' }] }
 * ```
 */
export function planChoices(text: string, options: readonly string[], limits: ChoiceLimits): PlannedReply {
  if (options.length === 0) return { text, choices: [] };
  const choices = options.map((value) => ({ label: shortLabel(value, limits.maxLabel), value }));
  const labelsDistinct = new Set(choices.map((c) => c.label)).size === choices.length;
  const fits =
    options.length <= limits.maxChoices && labelsDistinct && options.every((o) => o.length > 0 && o.length <= limits.maxValue);
  return fits ? { text, choices } : { text: renderNumbered(text, options), choices: [] };
}

/**
 * Split text into pieces of at most `max` UTF-16 units, preferring line breaks, never
 * splitting a character. Empty text gives one empty piece.
 *
 * ```ts
 * splitText('第一段\n第二段', 4); // ['第一段', '第二段']
 * ```
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut <= 0) {
      cut = max;
      // Do not cut between the two halves of a surrogate pair.
      const code = rest.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    }
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^\n/, '');
  }
  pieces.push(rest);
  return pieces;
}
