import { afterEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { keywordNlu } from '../helpers/keyword-nlu.js';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.dispose();
  app = undefined;
});

describe('choosing channels', () => {
  it('serves the platforms’ webhooks without the HTTP API when only they are asked for', async () => {
    app = await startTestApp({
      nlu: keywordNlu,
      env: {
        CHANNELS: 'line,messenger',
        LINE_CHANNEL_SECRET: 'line-secret',
        LINE_ACCESS_TOKEN: 'line-token',
        MESSENGER_APP_SECRET: 'app-secret',
        MESSENGER_PAGE_ACCESS_TOKEN: 'page-token',
        MESSENGER_VERIFY_TOKEN: 'verify-me',
      },
    });
    expect((await fetch(app.url('/healthz'))).status).toBe(200);
    expect((await fetch(app.url('/api/messages'), { method: 'POST', body: '{}' })).status).toBe(404);
    const unsigned = await fetch(app.url('/webhooks/line'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"events":[]}' });
    expect(unsigned.status).toBe(400);
    const verify = await fetch(app.url('/webhooks/messenger?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=42'));
    expect(await verify.text()).toBe('42');
  });

  it('refuses to start a channel without its credentials, naming them', async () => {
    await expect(startTestApp({ nlu: keywordNlu, env: { CHANNELS: 'telegram' } })).rejects.toThrow(/TELEGRAM_BOT_TOKEN: required when CHANNELS includes telegram/);
  });
});
