/**
 * Rendering replies for text-only channels: options become numbered lines the resident can
 * answer with a number.
 */
import { coreText } from './text.js';

/**
 * A reply's text followed by its options as numbered lines.
 *
 * ```ts
 * renderNumbered('请选择：', ['保洁', '保安']);
 * // '请选择：\n1. 保洁\n2. 保安\n（回复数字即可）'
 * ```
 */
export function renderNumbered(text: string, options: readonly string[]): string {
  if (options.length === 0) return text;
  const lines = options.map((o, i) => `${i + 1}. ${o}`);
  return `${text}\n${lines.join('\n')}\n（${coreText.pickByNumber}）`;
}
