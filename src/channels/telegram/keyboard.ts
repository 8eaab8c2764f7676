/**
 * Options as Telegram inline keyboards. A pressed button comes back as a callback query whose
 * data the channel feeds to the pipeline as if the resident had typed it: the option's label
 * when it fits Telegram's 64-byte callback_data, else its 1-based number (the pipeline accepts
 * both for the options it offered last).
 */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';

/** Telegram's limit on `callback_data`, in bytes of UTF-8. */
export const CALLBACK_DATA_MAX_BYTES = 64;

/** Buttons this wide or narrower go two to a row (a CJK character counts 2). */
const SHORT_LABEL_WIDTH = 14;

/**
 * The callback data of option `index` (0-based): its label, or its number when the label is
 * too long for Telegram.
 *
 * ```ts
 * callbackData('投诉', 2);          // '投诉'
 * callbackData('很长的选项……', 4);  // '5' when the label exceeds 64 bytes
 * ```
 */
export function callbackData(label: string, index: number): string {
  return Buffer.byteLength(label, 'utf8') <= CALLBACK_DATA_MAX_BYTES ? label : String(index + 1);
}

/** How wide a label looks: CJK and other wide characters count 2, the rest 1. */
export function labelWidth(label: string): number {
  let width = 0;
  for (const ch of label) width += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return width;
}

/**
 * An inline keyboard for a reply's options: two buttons a row when every label is short
 * (about seven Chinese characters), one a row otherwise, in the order offered.
 *
 * ```ts
 * optionKeyboard(['意见建议', '表扬', '投诉']);
 * // { inline_keyboard: [[意见建议, 表扬], [投诉]] }
 * ```
 */
export function optionKeyboard(options: readonly string[]): InlineKeyboardMarkup {
  const buttons: InlineKeyboardButton[] = options.map((label, i) => ({ text: label, callback_data: callbackData(label, i) }));
  const perRow = options.every((label) => labelWidth(label) <= SHORT_LABEL_WIDTH) ? 2 : 1;
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < buttons.length; i += perRow) rows.push(buttons.slice(i, i + perRow));
  return { inline_keyboard: rows };
}
