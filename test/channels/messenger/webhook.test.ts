import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bottenderText } from '../../../src/channels/bottender/text.js';
import { MESSENGER_WEBHOOK_PATH, startMessengerChannel } from '../../../src/channels/messenger/index.js';
import { coreText } from '../../../src/core/text.js';
import { memoryLog, startTestApp, type TestApp } from '../../helpers/app.js';
import { FakeBottenderApi, fakeJpeg, signHubSha1, signHubSha256 } from '../../helpers/fake-bottender-api.js';
import { keywordNlu } from '../../helpers/keyword-nlu.js';

const APP_SECRET = 'messenger-app-secret-for-tests';
const TOKEN = 'messenger-page-token-for-tests';
const VERIFY = 'linli-verify-token';
const PAGE = '1029384756';

let fake: FakeBottenderApi;
let app: TestApp;
let messenger: { stop(): Promise<void> };

beforeAll(async () => {
  fake = await FakeBottenderApi.start();
  app = await startTestApp({
    nlu: keywordNlu,
    env: { MESSENGER_APP_SECRET: APP_SECRET, MESSENGER_PAGE_ACCESS_TOKEN: TOKEN, MESSENGER_VERIFY_TOKEN: VERIFY },
  });
  messenger = await startMessengerChannel({
    bot: app.bot,
    outbox: app.outbox,
    http: app.http,
    config: app.config,
    log: memoryLog().log,
    origin: fake.url,
  });
});
afterAll(async () => {
  await messenger?.stop();
  await app?.dispose();
  await fake?.close();
});

let seq = 0;
/** One messaging event wrapped in a page webhook body, as Meta sends it. */
function webhook(event: Record<string, unknown>) {
  return { object: 'page', entry: [{ id: PAGE, time: Date.now(), messaging: [{ recipient: { id: PAGE }, timestamp: Date.now(), ...event }] }] };
}
function message(psid: string, fields: Record<string, unknown>) {
  seq += 1;
  return webhook({ sender: { id: psid }, message: { mid: `m_${psid}_${seq}`, ...fields } });
}
const text = (psid: string, said: string) => message(psid, { text: said });

type Signing = 'both' | 'sha1' | 'sha256' | 'none' | { sha1?: string; sha256?: string };
async function post(body: unknown, signing: Signing = 'both') {
  const raw = JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const sign = typeof signing === 'object' ? signing : {
    ...(signing === 'both' || signing === 'sha1' ? { sha1: APP_SECRET } : {}),
    ...(signing === 'both' || signing === 'sha256' ? { sha256: APP_SECRET } : {}),
  };
  if (sign.sha1) headers['x-hub-signature'] = signHubSha1(raw, sign.sha1);
  if (sign.sha256) headers['x-hub-signature-256'] = signHubSha256(raw, sign.sha256);
  const res = await fetch(app.url(MESSENGER_WEBHOOK_PATH), { method: 'POST', headers, body: raw });
  await app.outbox.idle();
  return { status: res.status, body: await res.text() };
}

const count = (sql: string, ...args: unknown[]) =>
  (app.db.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${sql}`).safeIntegers(false).get(...args) as { n: number }).n;
const rowCounts = () => [count('inbound_messages'), count('residents'), count('outbound_messages')];
const sendsTo = (psid: string) => fake.messengerSends().filter((s) => s.recipient.id === psid);
const lastSendTo = (psid: string) => sendsTo(psid).at(-1)!;

describe('Messenger subscription check (GET)', () => {
  const verify = (query: string) => fetch(app.url(`${MESSENGER_WEBHOOK_PATH}?${query}`));

  it('echoes the challenge for the right verify token', async () => {
    const res = await verify(`hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=1158201444`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('1158201444');
  });

  it('refuses a wrong verify token', async () => {
    const res = await verify('hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444');
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('1158201444');
  });
});

describe('Messenger webhook through bottender', () => {
  it('answers a text with a Send API call carrying the options as quick replies', async () => {
    expect((await post(text('Pgreet', '你好'))).status).toBe(200);
    const send = lastSendTo('Pgreet');
    expect(send.messaging_type).toBe('RESPONSE');
    expect(send.message.text).toContain('您好');
    expect(send.message.quick_replies).toEqual(
      expect.arrayContaining([{ content_type: 'text', title: '给街道留言', payload: '给街道留言' }]),
    );
    const request = fake.requests.find((r) => r.path.endsWith('/me/messages'))!;
    expect(request.query.get('access_token')).toBe(TOKEN);
    expect(request.query.get('appsecret_proof')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('takes a resident through the 留言 form by tapping quick replies', async () => {
    const tap = async (title: string) => {
      const reply = lastSendTo('Pform').message.quick_replies.find((q: any) => q.title === title);
      expect(reply, `a quick reply "${title}"`).toBeDefined();
      // A tap sends the title as text and the payload alongside.
      await post(message('Pform', { text: reply.title, quick_reply: { payload: reply.payload } }));
    };
    await post(text('Pform', '你好'));
    await tap('给街道留言');
    await tap('意见建议');
    await post(text('Pform', '希望小区门口加装路灯，晚上太黑了'));
    await post(text('Pform', '跳过'));
    expect(lastSendTo('Pform').message.text).toContain('请核对');
    await tap('确认');
    expect(lastSendTo('Pform').message.text).toMatch(/已收到您的留言（编号 #\d+）/);
    const saved = app.db.sqlite.prepare('SELECT topic, content FROM feedback ORDER BY id DESC LIMIT 1').get();
    expect(saved).toEqual({ topic: '意见建议', content: '希望小区门口加装路灯，晚上太黑了' });
  });

  it('refuses bad signatures and stores nothing', async () => {
    const before = rowCounts();
    const calls = fake.requests.length;
    expect((await post(text('Pforged', '你好'), { sha1: 'wrong-secret' })).status).toBe(400);
    expect((await post(text('Pforged', '你好'), { sha1: APP_SECRET, sha256: 'wrong-secret' })).status).toBe(400);
    expect((await post(text('Pforged', '你好'), 'none')).status).toBe(400);
    expect(rowCounts()).toEqual(before);
    expect(fake.requests.length).toBe(calls);
  });

  it('accepts either signature alone: SHA-1 (checked by bottender) or SHA-256 (checked by Linli)', async () => {
    expect((await post(text('Psha1', '你好'), 'sha1')).status).toBe(200);
    expect((await post(text('Psha256', '你好'), 'sha256')).status).toBe(200);
    expect(sendsTo('Psha1')).toHaveLength(1);
    expect(sendsTo('Psha256')).toHaveLength(1);
  });

  it('handles a redelivered event once', async () => {
    const body = text('Pagain', '你好');
    await post(body);
    expect((await post(body)).status).toBe(200);
    expect(count("inbound_messages WHERE channel = 'messenger' AND sender_id = 'Pagain'")).toBe(1);
    expect(sendsTo('Pagain')).toHaveLength(1);
  });

  it('fetches a photo from its URL and hands it over as an attachment', async () => {
    fake.files.set('cdn:photo-1.jpg', { bytes: fakeJpeg(2000), type: 'image/jpeg' });
    const body = message('Pphoto', { attachments: [{ type: 'image', payload: { url: `${fake.url}/cdn/photo-1.jpg` } }] });
    await post(body);
    const row = app.db.sqlite.prepare("SELECT attachments FROM inbound_messages WHERE sender_id = 'Pphoto'").get() as any;
    expect(JSON.parse(row.attachments)).toEqual([expect.objectContaining({ kind: 'image', mime: 'image/jpeg', size: 2000 })]);
    expect(lastSendTo('Pphoto').message.text).toBe(coreText.photoWithoutText);
    // The CDN is asked without the page token.
    expect(fake.requests.find((r) => r.path === '/cdn/photo-1.jpg')!.query.has('access_token')).toBe(false);
  });

  it('does not fetch a photo from anywhere but HTTPS or the configured origin', async () => {
    let hits = 0;
    const elsewhere = createServer((_req, res) => {
      hits += 1;
      res.end('x');
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/photo.jpg`;
      await post(message('Pelsewhere', { attachments: [{ type: 'image', payload: { url } }] }));
      expect(hits).toBe(0);
      expect(lastSendTo('Pelsewhere').message.text).toBe(bottenderText.photoFailed);
      expect(count("inbound_messages WHERE sender_id = 'Pelsewhere'")).toBe(0);
    } finally {
      await new Promise<void>((resolve) => elsewhere.close(() => resolve()));
    }
  });

  it('turns a shared location into coordinates on the message', async () => {
    await post(message('Pwhere', { attachments: [{ type: 'location', payload: { coordinates: { lat: 28.97, long: 118.87 } } }] }));
    expect(lastSendTo('Pwhere').message.text).toBe(coreText.locationWithoutText);
  });

  it('treats the Get Started postback as the text of its payload', async () => {
    await post(webhook({ sender: { id: 'Pstart' }, postback: { mid: 'm_pb_1', title: 'Get Started', payload: '你好' } }));
    expect(lastSendTo('Pstart').message.text).toContain('您好');
  });

  it('answers a sticker with a notice and ignores echoes and receipts', async () => {
    const before = rowCounts();
    await post(message('Pquiet', { sticker_id: 369239263222822, attachments: [{ type: 'image', payload: { url: `${fake.url}/cdn/like.png` } }] }));
    expect(lastSendTo('Pquiet').message.text).toBe(bottenderText.unsupported);
    await post(message(PAGE, { is_echo: true, app_id: 1, text: '我们发出的消息' }));
    await post(webhook({ sender: { id: 'Pquiet' }, read: { watermark: 1 } }));
    await post(webhook({ sender: { id: 'Pquiet' }, delivery: { mids: ['m_1'], watermark: 1 } }));
    expect(rowCounts()).toEqual(before);
    expect(sendsTo('Pquiet')).toHaveLength(1);
  });
});
