import { LineClient } from 'bottender';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINE_WEBHOOK_PATH, startLineChannel } from '../../../src/channels/line/index.js';
import { LineSender, lineMessages } from '../../../src/channels/line/sender.js';
import { SendError } from '../../../src/core/outbox.js';
import type { OutboundEnvelope } from '../../../src/core/types.js';
import { memoryLog, startTestApp, type TestApp } from '../../helpers/app.js';
import { eventually, FakeBottenderApi, signLine } from '../../helpers/fake-bottender-api.js';
import { keywordNlu } from '../../helpers/keyword-nlu.js';

let fake: FakeBottenderApi;
let sender: LineSender;
beforeAll(async () => {
  fake = await FakeBottenderApi.start();
  sender = new LineSender(new LineClient({ accessToken: 'token', origin: fake.url }));
});
afterAll(async () => {
  await fake?.close();
});

let nextId = 1000;
const envelope = (text: string, options: string[] = [], address = 'Uto'): OutboundEnvelope => ({
  id: nextId++,
  channel: 'line',
  address,
  kind: 'reply',
  text,
  options,
  attachments: [],
  residentId: 1,
  attempts: 1,
});

async function failure(promise: Promise<unknown>): Promise<SendError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SendError);
  return err as SendError;
}

describe('LINE messages', () => {
  it('shortens a long option on its button but sends the whole option when tapped', () => {
    const long = '我想咨询一下城乡居民医保的缴费标准和时间安排';
    const [message] = lineMessages('请选择：', ['医保', long]);
    expect(message!.quickReply!.items[1]!.action).toEqual({ type: 'message', label: '我想咨询一下城乡居民医保的缴费标准和时…', text: long });
    expect(message!.quickReply!.items[1]!.action.label).toHaveLength(20);
  });

  it('turns more than 13 options into numbered lines', () => {
    const options = Array.from({ length: 14 }, (_, i) => `选项${i + 1}`);
    const messages = lineMessages('请选择：', options);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.quickReply).toBeUndefined();
    expect(messages[0]!.text).toContain('14. 选项14');
  });

  it('splits text over 5,000 characters and puts the buttons on the last piece', () => {
    const messages = lineMessages(`${'甲'.repeat(4000)}\n${'乙'.repeat(4000)}`, ['好']);
    expect(messages.map((m) => m.text.length)).toEqual([4000, 4000]);
    expect(messages[0]!.quickReply).toBeUndefined();
    expect(messages[1]!.quickReply!.items).toHaveLength(1);
  });
});

describe('LINE push failures', () => {
  it('waits out a 429 for as long as Retry-After says', async () => {
    fake.failNext(/push/, { status: 429, headers: { 'retry-after': '7' }, body: { message: 'The API rate limit has been exceeded. Try again later.' } });
    const err = await failure(sender.send(envelope('你好')));
    expect(err).toMatchObject({ retryable: true, retryAfterMs: 7000 });
  });

  it('does not retry once the monthly message quota is used up', async () => {
    fake.failNext(/push/, { status: 429, body: { message: 'You have reached your monthly limit.' } });
    expect(await failure(sender.send(envelope('你好')))).toMatchObject({ retryable: false });
  });

  it('does not retry a request LINE refuses (unknown user, bad token)', async () => {
    fake.failNext(/push/, { status: 400, body: { message: 'The property, \'to\', in the request body is invalid' } });
    const bad = await failure(sender.send(envelope('你好')));
    expect(bad.retryable).toBe(false);
    expect(bad.message).toContain('invalid');
    fake.failNext(/push/, { status: 401, body: { message: 'Authentication failed' } });
    expect(await failure(sender.send(envelope('你好')))).toMatchObject({ retryable: false });
  });

  it('retries a server error and a network failure', async () => {
    fake.failNext(/push/, { status: 500, body: {} });
    expect(await failure(sender.send(envelope('你好')))).toMatchObject({ retryable: true, retryAfterMs: undefined });
    const nowhere = new LineSender(new LineClient({ accessToken: 'token', origin: 'http://127.0.0.1:9' }));
    expect(await failure(nowhere.send(envelope('你好')))).toMatchObject({ retryable: true });
  });

  it('sends a row again without LINE delivering it twice (retry key)', async () => {
    const row = envelope('只发一次', [], 'Uonce');
    await sender.send(row);
    await sender.send(row); // e.g. the process stopped before the row was marked sent
    const pushes = fake.linePushes().filter((p) => p.to === 'Uonce');
    expect(pushes).toHaveLength(1);
    expect(fake.requests.filter((r) => r.path === '/v2/bot/message/push' && r.body.to === 'Uonce')).toHaveLength(2);
  });
});

describe('LINE through the outbox', () => {
  let app: TestApp;
  let line: { stop(): Promise<void> };
  beforeAll(async () => {
    app = await startTestApp({ nlu: keywordNlu, env: { LINE_CHANNEL_SECRET: 's', LINE_ACCESS_TOKEN: 't' } });
    line = await startLineChannel({ bot: app.bot, outbox: app.outbox, http: app.http, config: app.config, log: memoryLog().log, origin: fake.url });
  });
  afterAll(async () => {
    await line?.stop();
    await app?.dispose();
  });

  it('delivers a reply after a 429 once Retry-After has passed, with the same retry key', async () => {
    fake.failNext(/push/, { status: 429, headers: { 'retry-after': '1' }, body: { message: 'The API rate limit has been exceeded. Try again later.' } });
    const body = JSON.stringify({
      destination: 'Ubot',
      events: [{ type: 'message', timestamp: 1, replyToken: 'r', source: { type: 'user', userId: 'Uwait' }, message: { id: '777', type: 'text', text: '你好' } }],
    });
    const res = await fetch(app.url(LINE_WEBHOOK_PATH), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-line-signature': signLine(body, 's') },
      body,
    });
    expect(res.status).toBe(200);
    const delivered = await eventually(() => {
      const push = fake.linePushes().find((p) => p.to === 'Uwait');
      if (!push) throw new Error('not delivered yet');
      return push;
    });
    const attempts = fake.requests.filter((r) => r.path === '/v2/bot/message/push' && r.body.to === 'Uwait');
    expect(attempts).toHaveLength(2);
    expect(attempts[0]!.headers['x-line-retry-key']).toBe(delivered.retryKey);
    await app.outbox.idle(); // the fake has it; wait for the outbox to mark it sent
    const row = app.db.sqlite.prepare("SELECT status, attempts FROM outbound_messages WHERE channel = 'line' AND address = 'Uwait'").get() as any;
    expect(row).toMatchObject({ status: 'sent' });
  });
});
