import { LineBot, LineClient, type LineConnector, type LineContext } from 'bottender';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoSessionStore } from '../../../src/channels/bottender/session-store.js';
import { mountWebhook, type Webhook } from '../../../src/channels/bottender/webhook.js';
import { HttpServer } from '../../../src/channels/http/server.js';
import { memoryLog } from '../../helpers/app.js';
import { signLine } from '../../helpers/fake-bottender-api.js';

const SECRET = 'webhook-test-secret';
const { log } = memoryLog();
let http: HttpServer;
let port: number;
let webhook: Webhook;
const handled: string[] = [];
let failNext = 0;

beforeAll(async () => {
  http = new HttpServer({ host: '127.0.0.1', port: 0, log });
  // No API call is made for one-to-one events; the client points nowhere reachable anyway.
  const client = new LineClient({ accessToken: 't', channelSecret: SECRET, origin: 'http://127.0.0.1:9' });
  const bot = new LineBot({ client, channelSecret: SECRET, sessionStore: new NoSessionStore(), sync: true });
  webhook = mountWebhook<LineContext>({
    http,
    path: '/hook',
    bot,
    connector: bot.connector as LineConnector,
    log,
    bodyLimit: 2048,
    async handleEvent(context) {
      const text = context.event.text ?? '';
      // Later events finish sooner unless the webhook keeps them in order.
      await new Promise((r) => setTimeout(r, text === 'first' ? 30 : 0));
      if (failNext > 0) {
        failNext -= 1;
        throw new Error('database unavailable');
      }
      handled.push(text);
    },
  });
  port = await http.listen();
});
afterAll(async () => {
  await webhook?.stop();
  await http?.close();
});

const event = (text: string) => ({ type: 'message', replyToken: 'r', timestamp: 1, source: { type: 'user', userId: 'U1' }, message: { id: text, type: 'text', text } });

async function post(body: string, signature = signLine(body, SECRET)) {
  const res = await fetch(`http://127.0.0.1:${port}/hook`, { method: 'POST', headers: { 'x-line-signature': signature }, body });
  return { status: res.status, text: await res.text() };
}

describe('mountWebhook', () => {
  it('hands the events of one request over in order', async () => {
    handled.length = 0;
    expect((await post(JSON.stringify({ events: [event('first'), event('second')] }))).status).toBe(200);
    expect(handled).toEqual(['first', 'second']);
  });

  it('answers 500 when handling fails, so that the platform delivers again', async () => {
    handled.length = 0;
    failNext = 1;
    const body = JSON.stringify({ events: [event('retry me')] });
    expect((await post(body)).status).toBe(500);
    expect((await post(body)).status).toBe(200);
    expect(handled).toEqual(['retry me']);
  });

  it('refuses a body over the limit (413) and a signed body that is not JSON (400)', async () => {
    expect((await post(JSON.stringify({ events: [event('x'.repeat(3000))] }))).status).toBe(413);
    expect((await post('not json')).status).toBe(400);
    expect((await post(JSON.stringify({ events: 'nope' }))).status).toBe(400);
  });

  it('refuses new requests once stopped', async () => {
    await webhook.stop();
    expect((await post(JSON.stringify({ events: [event('late')] }))).status).toBe(503);
    expect(handled).not.toContain('late');
  });
});
