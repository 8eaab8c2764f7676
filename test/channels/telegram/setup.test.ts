import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTelegramChannel } from '../../../src/channels/telegram/index.js';
import { memoryLog, startTestApp, type TestApp } from '../../helpers/app.js';
import { FakeTelegram } from '../../helpers/fake-telegram.js';
import { keywordNlu } from '../../helpers/keyword-nlu.js';

let fake: FakeTelegram;
let app: TestApp;
beforeAll(async () => {
  fake = await new FakeTelegram().start();
  app = await startTestApp({ nlu: keywordNlu });
});
afterAll(async () => {
  await app?.dispose();
  await fake?.close();
});

describe('Telegram channel set-up', () => {
  it('says plainly when Telegram refuses the token, and stops cleanly', async () => {
    const { log, logs } = memoryLog();
    const channel = await startTelegramChannel({
      bot: app.bot,
      outbox: app.outbox,
      http: app.http,
      config: { ...app.config, TELEGRAM_BOT_TOKEN: '123456:WRONG-token', TELEGRAM_API_ROOT: fake.apiRoot },
      log,
    });
    await expect(channel.ready).rejects.toMatchObject({ error_code: 401 });
    expect(logs.some((l) => String(l.msg).includes('check TELEGRAM_BOT_TOKEN'))).toBe(true);
    // The refused call's details are logged without grammY's payload.
    expect(JSON.stringify(logs)).not.toContain('WRONG-token');
    await channel.stop();
  });

  it('refuses a webhook when there is no HTTP server to mount it on', async () => {
    const { log } = memoryLog();
    await expect(
      startTelegramChannel({
        bot: app.bot,
        outbox: app.outbox,
        http: null,
        config: {
          ...app.config,
          TELEGRAM_BOT_TOKEN: fake.token,
          TELEGRAM_API_ROOT: fake.apiRoot,
          TELEGRAM_WEBHOOK_URL: 'https://linli.example.org/telegram/webhook',
          TELEGRAM_WEBHOOK_SECRET: 'test-secret_0123456789abcdef',
        },
        log,
        botInfo: fake.botInfo,
      }),
    ).rejects.toThrow(/the HTTP server is not running/);
    expect(fake.callsOf('setWebhook')).toEqual([]);
  });
});
