import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privateChat, user } from '../../helpers/fake-telegram.js';
import { saveAttachment } from '../../../src/channels/attachments.js';
import { startTelegramHarness, type TelegramHarness } from './harness.js';

let h: TelegramHarness;
beforeAll(async () => {
  h = await startTelegramHarness();
});
afterAll(async () => {
  await h?.dispose();
});

describe('Telegram sending through the outbox', () => {
  it('waits out a 429 for its retry_after, then delivers the reply once', async () => {
    const { fake } = h;
    const resident = user(7001);
    const chat = privateChat(resident);
    fake.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
    fake.queue({ message: fake.message(chat, resident, { text: '你好' }) });
    await fake.waitFor(() => fake.sent(chat.id).length >= 1, 'the greeting after the 429');
    await h.app.outbox.idle();

    const attempts = fake.callsOf('sendMessage').filter((c) => Number(c.params.chat_id) === chat.id);
    expect(attempts.map((c) => c.params.failed ?? 'ok')).toEqual([429, 'ok']);
    // Telegram asked for one second; the retry did not come sooner.
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(990);
    expect(fake.sent(chat.id)).toHaveLength(1);
    expect(h.outbound().filter((r) => r.address === String(chat.id))).toMatchObject([{ status: 'sent', attempts: 2 }]);
  });

  it('gives a message up at once when the resident blocked the bot (403), keeping it visible as failed', async () => {
    const { fake } = h;
    const resident = user(7002);
    const chat = privateChat(resident);
    fake.failNext('sendMessage', { error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    fake.queue({ message: fake.message(chat, resident, { text: '你好' }) });
    const row = await fake.waitFor(
      () => h.outbound().find((r) => r.address === String(chat.id) && r.status === 'failed'),
      'the message marked failed',
    );
    expect(row).toMatchObject({ attempts: 1 });
    expect(row.last_error).toContain('bot was blocked');
    expect(fake.callsOf('sendMessage').filter((c) => Number(c.params.chat_id) === chat.id)).toHaveLength(1);
  });

  it('sends a notification’s photos before its text (a hazard report forwarded to staff)', async () => {
    const { fake } = h;
    const staff = user(7003);
    const chat = privateChat(staff);
    const photo = await saveAttachment({ dataDir: h.app.dir, bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]), maxBytes: 1000 });
    await h.app.bot.notify([{ channel: 'telegram', address: String(chat.id) }], { text: '新的随手拍 #K7M2Q', attachments: [photo] });
    await fake.waitFor(() => fake.sent(chat.id).length >= 1, 'the notice');
    await h.app.outbox.idle();
    const calls = fake.calls.filter((c) => Number(c.params.chat_id) === chat.id).map((c) => c.method);
    expect(calls).toEqual(['sendPhoto', 'sendMessage']);
    // grammY uploads the file as a part the photo field points at (attach://<part>)
    const params = fake.callsOf('sendPhoto').at(-1)!.params;
    expect(params[String(params.photo).replace('attach://', '')]).toMatchObject({ bytes: 7 });
  });
});
