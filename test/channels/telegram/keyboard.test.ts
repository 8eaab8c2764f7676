import { GrammyError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { callbackData, optionKeyboard } from '../../../src/channels/telegram/keyboard.js';
import { splitText, toSendError } from '../../../src/channels/telegram/sender.js';

describe('options as an inline keyboard', () => {
  it('carries the label back when it fits 64 bytes, else the option number', () => {
    expect(callbackData('投诉', 2)).toBe('投诉');
    const long = '我想咨询一下城乡居民医保今年的缴费标准和截止时间'; // 23 characters, 69 bytes
    expect(Buffer.byteLength(long)).toBeGreaterThan(64);
    expect(callbackData(long, 4)).toBe('5');
    expect(optionKeyboard(['是', long]).inline_keyboard).toEqual([
      [{ text: '是', callback_data: '是' }],
      [{ text: long, callback_data: '2' }],
    ]);
  });

  it('puts short labels two to a row and long ones one to a row', () => {
    const short = optionKeyboard(['确认', '修改', '取消']).inline_keyboard;
    expect(short.map((row) => row.length)).toEqual([2, 1]);
    const long = optionKeyboard(['保洁（钟点工，按小时计）', '保安']).inline_keyboard;
    expect(long.map((row) => row.length)).toEqual([1, 1]);
  });
});

describe('sending', () => {
  it('splits a text over 4,096 characters, at a line break when there is one', () => {
    const text = `${'甲'.repeat(3000)}\n${'乙'.repeat(3000)}`;
    expect(splitText(text)).toEqual(['甲'.repeat(3000), '乙'.repeat(3000)]);
    expect(splitText('丙'.repeat(5000)).map((p) => p.length)).toEqual([4096, 904]);
    expect(splitText('你好')).toEqual(['你好']);
  });

  it('tells the outbox to wait on 429, give up on a gone chat, and retry otherwise', () => {
    const api = (error_code: number, description: string, parameters = {}) =>
      new GrammyError('failed', { ok: false, error_code, description, parameters }, 'sendMessage', {});
    expect(toSendError(api(429, 'Too Many Requests: retry after 7', { retry_after: 7 }))).toMatchObject({ retryable: true, retryAfterMs: 7000 });
    expect(toSendError(api(400, 'Bad Request: chat not found'))).toMatchObject({ retryable: false });
    expect(toSendError(api(403, 'Forbidden: bot was blocked by the user'))).toMatchObject({ retryable: false });
    expect(toSendError(api(502, 'Bad Gateway'))).toMatchObject({ retryable: true, retryAfterMs: undefined });
    expect(toSendError(new Error('socket hang up'))).toMatchObject({ retryable: true });
  });
});
