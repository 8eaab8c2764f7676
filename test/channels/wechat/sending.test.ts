import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { types } from 'wechaty';
import { msUntilNextShanghaiDay, shanghaiDay } from '../../../src/channels/wechat/daily-cap.js';
import type { NotifyTarget } from '../../../src/core/types.js';
import { startWorld, waitFor, type World } from './world.js';

/** Make "快快" on the HTTP API send a notification to whatever `target.to` is at the time. */
function notifier(w: World) {
  const target: { to: NotifyTarget } = { to: { channel: 'wechat', address: 'nobody' } };
  w.app.bot.intent('test.fast', async (ctx) => {
    await ctx.notify(target.to, '明天上午停水，请提前储水');
    await ctx.reply('ok');
  });
  return async (to: NotifyTarget) => {
    target.to = to;
    await w.app.say('web-admin', '快快');
    await w.app.outbox.idle();
  };
}

const lastWechatRow = (w: World) =>
  w.app.db.sqlite.prepare("SELECT * FROM outbound_messages WHERE channel = 'wechat' ORDER BY id DESC LIMIT 1").safeIntegers(false).get() as any;

describe('sending failures', () => {
  let w: World;
  let notify: (to: NotifyTarget) => Promise<void>;
  beforeAll(async () => {
    w = await startWorld();
    notify = notifier(w);
  });
  afterAll(async () => {
    await w?.dispose();
  });

  it('fails a message to a contact that does not exist at once, visibly', async () => {
    await notify({ channel: 'wechat', address: 'wxid-never-seen' });
    expect(lastWechatRow(w)).toMatchObject({ status: 'failed', attempts: 1, last_error: expect.stringContaining('contact not found') });
  });

  it('fails a message to a group chat that does not exist at once, visibly', async () => {
    await notify({ channel: 'wechat', address: 'room:gone@chatroom' });
    expect(lastWechatRow(w)).toMatchObject({ status: 'failed', attempts: 1, last_error: expect.stringContaining('group chat not found') });
  });

  it('keeps messages while logged out, logs it, and shows a new QR code for the next login', async () => {
    const staff = w.room('网格员工作群', [w.resident({ name: '网格员老林' })]);
    await w.puppet.logout('test: logged out from the phone');
    expect(w.logs.find((l) => String(l.msg).includes('logged out'))).toMatchObject({ account: '邻里小助手', reason: 'test: logged out from the phone' });

    await notify({ channel: 'wechat', address: `room:${staff.id}` });
    const row = lastWechatRow(w);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_error: expect.stringContaining('logged out') });
    expect(row.next_attempt_at - Date.now()).toBeGreaterThan(30_000); // waits for a person to scan, not seconds
    expect(w.heard(staff)).toEqual([]);

    w.mocker.scan('https://login.weixin.qq.com/l/second-login', types.ScanStatus.Waiting);
    expect(w.terminal.join('')).toContain(encodeURIComponent('https://login.weixin.qq.com/l/second-login'));
    w.mocker.login(w.me);
    await waitFor(() => w.logs.filter((l) => String(l.msg).includes('logged in as')).length === 2, 'the second login');

    // After the new login, residents are answered at once, not after the logged-out retry delay.
    const lin = w.resident({ name: '林阿婆' });
    await w.say(lin, '你好');
    expect(w.heard(lin)).toEqual([expect.stringContaining('您好')]);
  });
});

describe('the daily cap', () => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld({ env: { WECHAT_DAILY_CAP: '2' } });
  });
  afterAll(async () => {
    await w?.dispose();
  });

  it('holds messages past the cap until the next Asia/Shanghai day instead of dropping them', async () => {
    const he = w.resident({ name: '何阿姨' });
    await w.say(he, '你好');
    await w.say(he, '你好呀');
    const before = Date.now();
    await w.say(he, '在吗');
    expect(w.heard(he)).toHaveLength(2);

    const held = lastWechatRow(w);
    expect(held).toMatchObject({ status: 'pending', last_error: 'daily send cap of 2 reached' });
    expect(shanghaiDay(held.next_attempt_at)).not.toBe(shanghaiDay(before));
    expect(held.next_attempt_at - before).toBeLessThanOrEqual(msUntilNextShanghaiDay(before) + 5_000);
    expect(w.logs.some((l) => String(l.msg).includes('daily send cap reached'))).toBe(true);
  });
});
