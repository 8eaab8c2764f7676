/**
 * Rendering replies for text-only channels: options become numbered lines the resident can
 * answer with a number.
 */
import { coreText } from './text.js';

/**
 * A message's text for a channel that cannot send its photos: the text, then a note saying how
 * many photos there are and where to see them.
 *
 * ```ts
 * withPhotoNote('新的随手拍 #K7M2Q', 2); // '新的随手拍 #K7M2Q\n（附照片2张，请在管理后台查看）'
 * ```
 */
export function withPhotoNote(text: string, photos: number): string {
  return photos > 0 ? `${text}\n${coreText.photosNotShown(photos)}` : text;
}

/**
 * A reply's text followed by its options as numbered lines. An option the text already lists
 * on a line of its own under its number (“1. 市场日结保洁｜150元/天”, a search result with its
 * details) is not listed twice.
 *
 * ```ts
 * renderNumbered('请选择：', ['保洁', '保安']);
 * // '请选择：\n1. 保洁\n2. 保安\n（回复数字即可）'
 * ```
 */
export function renderNumbered(text: string, options: readonly string[]): string {
  if (options.length === 0) return text;
  const listed = new Set(
    text
      .split('\n')
      .map((line) => /^\s*(\d{1,2})[.、．]/.exec(line)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number),
  );
  const lines = options.flatMap((o, i) => (listed.has(i + 1) ? [] : [`${i + 1}. ${o}`]));
  return [text, ...lines, `（${coreText.pickByNumber}）`].join('\n');
}
