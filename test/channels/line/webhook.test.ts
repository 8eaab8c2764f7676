import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bottenderText } from '../../../src/channels/bottender/text.js';
import { LINE_WEBHOOK_PATH, startLineChannel } from '../../../src/channels/line/index.js';
import { coreText } from '../../../src/core/text.js';
import { memoryLog, startTestApp, type TestApp } from '../../helpers/app.js';
import { FakeBottenderApi, fakeJpeg, signLine } from '../../helpers/fake-bottender-api.js';
import { keywordNlu } from '../../helpers/keyword-nlu.js';

const SECRET = 'line-channel-secret-for-tests';
const TOKEN = 'line-access-token-for-tests';

let fake: FakeBottenderApi;
let app: TestApp;
let line: { stop(): Promise<void> };
const { log, logs } = memoryLog();

beforeAll(async () => {
  fake = await FakeBottenderApi.start();
  app = await startTestApp({
    nlu: keywordNlu,
    env: { LINE_CHANNEL_SECRET: SECRET, LINE_ACCESS_TOKEN: TOKEN, ATTACHMENT_MAX_BYTES: '4096' },
  });
  line = await startLineChannel({ bot: app.bot, outbox: app.outbox, http: app.http, config: app.config, log, origin: fake.url });
});
afterAll(async () => {
  await line?.stop();
  await app?.dispose();
  await fake?.close();
});

let seq = 0;
const user = (source: string) => ({ type: 'user', userId: source });

/** A LINE message event as the platform sends it. */
function messageEvent(userId: string, message: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  seq += 1;
  return {
    type: 'message',
    mode: 'active',
    timestamp: 1_700_000_000_000 + seq,
    webhookEventId: `01HWEBHOOK${seq}`,
    deliveryContext: { isRedelivery: false },
    replyToken: `reply-token-${seq}`,
    source: user(userId),
    message: { id: `4${seq}000`, quoteToken: 'q', ...message },
    ...extra,
  };
}
const text = (userId: string, said: string) => messageEvent(userId, { type: 'text', text: said });

async function post(events: unknown[], options: { secret?: string | null } = {}) {
  const body = JSON.stringify({ destination: 'Ubot', events });
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const secret = options.secret === undefined ? SECRET : options.secret;
  if (secret !== null) headers['x-line-signature'] = signLine(body, secret);
  const res = await fetch(app.url(LINE_WEBHOOK_PATH), { method: 'POST', headers, body });
  await app.outbox.idle();
  return { status: res.status, body: await res.text() };
}

const count = (sql: string, ...args: unknown[]) =>
  (app.db.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${sql}`).safeIntegers(false).get(...args) as { n: number }).n;
const rowCounts = () => [count('inbound_messages'), count('residents'), count('outbound_messages')];
const pushesTo = (userId: string) => fake.linePushes().filter((p) => p.to === userId);
const lastPushTo = (userId: string) => pushesTo(userId).at(-1)!;

describe('LINE webhook through bottender', () => {
  it('answers a text message with a push carrying the options as quick replies', async () => {
    expect((await post([text('Ugreet', '你好')])).status).toBe(200);
    const push = lastPushTo('Ugreet');
    expect(push.messages).toHaveLength(1);
    expect(push.messages[0].text).toContain('您好');
    const items = push.messages[0].quickReply.items;
    expect(items.map((i: any) => i.action.label)).toEqual(expect.arrayContaining(['找零工·找工作', '给街道留言']));
    expect(items[0]).toMatchObject({ type: 'action', action: { type: 'message' } });
    const request = fake.requests.find((r) => r.path === '/v2/bot/message/push')!;
    expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('takes a resident through the 留言 form by tapping quick replies', async () => {
    const tap = async (label: string) => {
      const item = lastPushTo('Uform').messages.at(-1).quickReply.items.find((i: any) => i.action.label === label);
      expect(item, `a quick reply "${label}"`).toBeDefined();
      // A tap on a message action makes LINE send its text as the user's message.
      await post([text('Uform', item.action.text)]);
    };
    await post([text('Uform', '你好')]);
    await tap('给街道留言');
    expect(lastPushTo('Uform').messages.at(-1).text).toContain('哪一类留言');
    await tap('投诉');
    expect(lastPushTo('Uform').messages[0].text).toContain('具体内容');
    await post([text('Uform', '三楼楼道堆满了纸箱，很危险')]);
    await post([text('Uform', '跳过')]);
    expect(lastPushTo('Uform').messages[0].text).toContain('请核对');
    await tap('确认');
    expect(lastPushTo('Uform').messages[0].text).toMatch(/已收到您的留言（编号 #\d+）/);
    const saved = app.db.sqlite.prepare('SELECT topic, content FROM feedback ORDER BY id DESC LIMIT 1').get() as any;
    expect(saved).toEqual({ topic: '投诉', content: '三楼楼道堆满了纸箱，很危险' });
  });

  it('refuses a bad or missing signature and stores nothing', async () => {
    const before = rowCounts();
    const calls = fake.requests.length;
    const forged = await post([text('Uforged', '你好')], { secret: 'not-the-secret' });
    expect(forged.status).toBe(400);
    expect(forged.body).not.toContain('你好'); // bottender's refusal echoes the body; ours does not
    expect((await post([text('Uforged', '你好')], { secret: null })).status).toBe(400);
    expect(rowCounts()).toEqual(before);
    expect(fake.requests.length).toBe(calls);
    expect(logs.some((l) => l.msg === 'webhook: request refused')).toBe(true);
  });

  it('handles a redelivered event once', async () => {
    const event = text('Uagain', '你好');
    await post([event]);
    const pushes = pushesTo('Uagain').length;
    const redelivered = { ...event, deliveryContext: { isRedelivery: true } };
    expect((await post([redelivered])).status).toBe(200);
    expect(count("inbound_messages WHERE channel = 'line' AND platform_message_id = ?", event.message.id)).toBe(1);
    expect(pushesTo('Uagain')).toHaveLength(pushes);
  });

  it('handles the events of one delivery in order', async () => {
    await post([text('Uorder', '我要留言'), text('Uorder', '2')]);
    expect(lastPushTo('Uorder').messages[0].text).toContain('具体内容');
  });

  it('answers the console’s Verify request without storing anything', async () => {
    const before = rowCounts();
    expect((await post([])).status).toBe(200);
    const dummy = { ...text('Udeadbeefdeadbeefdeadbeefdeadbeef', 'test'), replyToken: '00000000000000000000000000000000' };
    expect(await post([dummy])).toEqual({ status: 200, body: 'OK' });
    expect(rowCounts()).toEqual(before);
  });

  it('fetches a photo through the content API and hands it over as an attachment', async () => {
    const photo = fakeJpeg(1500);
    const event = messageEvent('Uphoto', { type: 'image', contentProvider: { type: 'line' } });
    fake.files.set(`line:${event.message.id}`, { bytes: photo, type: 'image/jpeg' });
    await post([event]);
    const download = fake.requests.find((r) => r.path === `/v2/bot/message/${event.message.id}/content`)!;
    expect(download.headers.authorization).toBe(`Bearer ${TOKEN}`);
    const row = app.db.sqlite.prepare('SELECT attachments FROM inbound_messages WHERE platform_message_id = ?').get(event.message.id) as any;
    const [attachment] = JSON.parse(row.attachments);
    expect(attachment).toMatchObject({ kind: 'image', mime: 'image/jpeg', size: 1500, sha256: createHash('sha256').update(photo).digest('hex') });
    expect(readFileSync(attachment.path).equals(photo)).toBe(true);
    expect(lastPushTo('Uphoto').messages[0].text).toBe(coreText.photoWithoutText);
  });

  it('says so when a photo is over the size limit, and stores nothing', async () => {
    const event = messageEvent('Ubig', { type: 'image', contentProvider: { type: 'line' } });
    fake.files.set(`line:${event.message.id}`, { bytes: fakeJpeg(10_000), type: 'image/jpeg' });
    await post([event]);
    expect(fake.lineReplies().find((r) => r.replyToken === event.replyToken)?.messages[0].text).toBe(bottenderText.photoTooLarge(4096));
    expect(count('inbound_messages WHERE platform_message_id = ?', event.message.id)).toBe(0);
  });

  it('turns a location into coordinates on the message', async () => {
    await post([messageEvent('Uwhere', { type: 'location', title: '府山街道', address: '衢州市柯城区', latitude: 28.97, longitude: 118.87 })]);
    expect(lastPushTo('Uwhere').messages[0].text).toBe(coreText.locationWithoutText);
  });

  it('treats a postback as the text it carries', async () => {
    seq += 1;
    const postback = { type: 'postback', timestamp: 1, webhookEventId: `01HPOSTBACK${seq}`, replyToken: 'r-pb', source: user('Upost'), postback: { data: '你好' } };
    await post([postback]);
    expect(lastPushTo('Upost').messages[0].text).toContain('您好');
  });

  it('welcomes a new friend and answers a sticker with a notice, through the free reply token', async () => {
    const follow = { type: 'follow', timestamp: 1, webhookEventId: 'follow-1', replyToken: 'r-follow', source: user('Unew') };
    const sticker = messageEvent('Unew', { type: 'sticker', packageId: '1', stickerId: '1' });
    await post([follow, sticker]);
    const replies = fake.lineReplies();
    expect(replies.find((r) => r.replyToken === 'r-follow')?.messages[0].text).toBe(bottenderText.welcome);
    expect(replies.find((r) => r.replyToken === sticker.replyToken)?.messages[0].text).toBe(bottenderText.unsupported);
    expect(count("residents r JOIN channel_identities c ON c.resident_id = r.id WHERE c.external_id = 'Unew'")).toBe(0);
  });

  it('stays quiet in group chats', async () => {
    const before = rowCounts();
    const calls = fake.requests.length;
    const inGroup = { ...text('Umember', '你好'), source: { type: 'group', groupId: 'Cgroup', userId: 'Umember' } };
    expect((await post([inGroup])).status).toBe(200);
    expect(rowCounts()).toEqual(before);
    expect(fake.requests.length).toBe(calls);
  });

  it('politely refuses a message over 4,000 characters', async () => {
    const long = text('Ulong', '长'.repeat(4500));
    await post([long]);
    expect(fake.lineReplies().find((r) => r.replyToken === long.replyToken)?.messages[0].text).toBe(bottenderText.invalid);
  });
});
