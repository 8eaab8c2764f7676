import { describe, expect, it } from 'vitest';
import { renderNumbered } from '../../src/core/render.js';

describe('numbered options for text channels', () => {
  it('lists the options under the text with their numbers', () => {
    expect(renderNumbered('请选择：', ['保洁', '保安'])).toBe('请选择：\n1. 保洁\n2. 保安\n（回复数字即可）');
  });

  it('does not list twice an option the text already shows under its number', () => {
    const text = '为您找到 2 个岗位：\n1. 市场日结保洁｜150元/天\n2. 村委会保洁｜100元/天';
    expect(renderNumbered(text, ['1. 市场日结保洁', '2. 村委会保洁', '下一页'])).toBe(`${text}\n3. 下一页\n（回复数字即可）`);
  });

  it('leaves a text without options alone', () => {
    expect(renderNumbered('好的', [])).toBe('好的');
  });
});
