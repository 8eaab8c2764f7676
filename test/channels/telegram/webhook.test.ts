import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privateChat, user } from '../../helpers/fake-telegram.js';
import { WEBHOOK_SECRET, startTelegramHarness, type TelegramHarness } from './harness.js';

// TELEGRAM_WEBHOOK_URL set: grammY's webhookCallback is mounted on the bot's own HTTP server
// and the fake Telegram posts updates to the URL it was given, as Telegram does.
let h: TelegramHarness;
beforeAll(async () => {
  h = await startTelegramHarness({ webhook: true });
});
afterAll(async () => {
  await h?.dispose();
});

describe('Telegram by webhook', () => {
  it('registers the webhook with its secret and never polls', () => {
    expect(h.channel.mode).toBe('webhook');
    expect(h.fake.webhook).toEqual({ url: h.app.url('/telegram/webhook'), secret: WEBHOOK_SECRET });
    expect(h.fake.callsOf('setWebhook')[0]!.params.allowed_updates).toEqual(['message', 'callback_query']);
    expect(h.fake.callsOf('getUpdates')).toHaveLength(0);
  });

  it('handles an update that carries the right secret', async () => {
    const resident = user(6001);
    const chat = privateChat(resident);
    const status = await h.fake.postWebhook({ message: h.fake.message(chat, resident, { text: '你好' }) });
    expect(status).toBe(200);
    await h.fake.waitFor(() => h.fake.sent(chat.id).length >= 1, 'the greeting');
    expect(h.fake.sent(chat.id)[0]!.text).toContain('您好');
    expect(h.inbound().map((r) => r.sender_id)).toEqual([String(resident.id)]);
  });

  it('refuses an update with a wrong or missing secret (401) and handles nothing', async () => {
    const resident = user(6002);
    const chat = privateChat(resident);
    const before = h.inbound().length;
    expect(await h.fake.postWebhook({ message: h.fake.message(chat, resident, { text: '你好' }) }, 'not-the-secret-0123456789')).toBe(401);
    expect(await h.fake.postWebhook({ message: h.fake.message(chat, resident, { text: '你好' }) }, null)).toBe(401);
    // The webhook answers only after handling, so nothing can still be on its way.
    await h.app.bot.drain();
    await h.app.outbox.idle();
    expect(h.inbound()).toHaveLength(before);
    expect(h.fake.sent(chat.id)).toEqual([]);
  });

  it('handles an update Telegram posts again (same update_id) once', async () => {
    const resident = user(6003);
    const chat = privateChat(resident);
    const update = { update_id: 777_001, message: h.fake.message(chat, resident, { text: '你好' }) };
    expect(await h.fake.postWebhook(update)).toBe(200);
    expect(await h.fake.postWebhook(update)).toBe(200);
    await h.fake.waitFor(() => h.fake.sent(chat.id).length >= 1, 'the greeting');
    await h.app.outbox.idle();
    expect(h.inbound().filter((r) => r.sender_id === String(resident.id))).toHaveLength(1);
    expect(h.fake.sent(chat.id)).toHaveLength(1);
    expect(h.logs.some((l) => l.msg === 'telegram: repeated update ignored' && l.updateId === 777_001)).toBe(true);
  });

  it('handles one chat in order even when Telegram posts its updates concurrently', async () => {
    const { fake } = h;
    const resident = user(6004);
    const chat = privateChat(resident);
    const photo = fake.addFile(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]));
    fake.downloadDelayMs = 300;
    try {
      const first = fake.postWebhook({
        message: fake.message(chat, resident, { caption: '楼道堆满了杂物', photo: [{ file_id: photo, file_unique_id: 'p', width: 10, height: 10 }] }),
      });
      // The photo is being fetched when the next message of the same chat comes in.
      await fake.waitFor(() => fake.callsOf('getFile').some((c) => c.params.file_id === photo), 'the photo being fetched');
      const second = fake.postWebhook({ message: fake.message(chat, resident, { text: '你好' }) });
      expect(await Promise.all([first, second])).toEqual([200, 200]);
    } finally {
      fake.downloadDelayMs = 0;
    }
    const rows = h.inbound().filter((r) => r.sender_id === String(resident.id));
    expect(rows.map((r) => r.text)).toEqual(['楼道堆满了杂物', '你好']);
  });
});
