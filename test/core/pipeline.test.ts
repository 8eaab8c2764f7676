import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { keywordNlu } from '../helpers/keyword-nlu.js';

let app: TestApp;
beforeEach(async () => {
  app = await startTestApp({ nlu: keywordNlu });
});
afterEach(async () => {
  await app.dispose();
});

const count = (table: string) =>
  (app.db.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).safeIntegers(false).get() as { n: number }).n;

describe('pipeline', () => {
  it('stores the message, creates the resident and answers the intent', async () => {
    const { status, body } = await app.say('alice', '你好');
    expect(status).toBe(200);
    expect(body.replies[0].text).toContain('您好');
    expect(body.replies[0].options).toContain('城乡居民医保');
    const inbound = app.db.sqlite.prepare('SELECT * FROM inbound_messages').safeIntegers(false).all() as any[];
    expect(inbound).toHaveLength(1);
    expect(inbound[0]).toMatchObject({ channel: 'http', text: '你好', status: 'handled', intent: 'greeting' });
    const identity = await app.db.prisma.channelIdentity.findUnique({
      where: { channel_externalId: { channel: 'http', externalId: 'alice' } },
    });
    expect(identity).not.toBeNull();
    const replies = await app.db.prisma.outboundMessage.findMany({ where: { inboundId: inbound[0].id } });
    expect(replies.map((r) => r.status)).toEqual(['sent']);
  });

  it('answers a second delivery of the same message with the first replies and changes nothing', async () => {
    const first = await app.say('bob', '你好', 'wx-1');
    const before = { inbound: count('inbound_messages'), outbound: count('outbound_messages'), residents: count('residents') };
    const second = await app.say('bob', '你好', 'wx-1');
    expect(second.body).toEqual(first.body);
    expect({ inbound: count('inbound_messages'), outbound: count('outbound_messages'), residents: count('residents') }).toEqual(before);
  });

  it('lets a menu option be picked by its number', async () => {
    await app.say('carol', '菜单');
    const picked = await app.say('carol', '5');
    // option 5 of the help menu is 给街道留言, which starts the feedback form
    expect(picked.body.replies.map((r: any) => r.text).join('\n')).toContain('请问是哪一类留言');
    const row = app.db.sqlite.prepare("SELECT intent FROM inbound_messages WHERE text = '5'").safeIntegers(false).get() as any;
    expect(row.intent).toBe('feedback');
  });

  it('handles one resident’s messages in order and others concurrently', async () => {
    const order: string[] = [];
    app.bot.intent('test.slow', async (ctx) => {
      await new Promise((r) => setTimeout(r, 150));
      order.push(`slow:${ctx.inbound.userId}`);
      await ctx.reply('慢的好了');
    });
    app.bot.intent('test.fast', async (ctx) => {
      order.push(`fast:${ctx.inbound.userId}`);
      await ctx.reply('快的好了');
    });
    await Promise.all([app.say('dave', '慢慢来'), app.say('dave', '快快'), app.say('erin', '快快')]);
    // erin is not held up by dave's slow message; dave's greeting waits for his slow one
    expect(order).toEqual(['fast:erin', 'slow:dave', 'fast:dave']);
  });

  it('apologises with an error id when a handler throws, logs it, marks the message failed and keeps state', async () => {
    app.bot.intent('test.explode', async (ctx) => {
      await ctx.startForm('feedback');
      await ctx.reply('这句不该发出去');
      await ctx.notify({ role: 'admin' }, '这条也不该');
      throw new Error('boom');
    });
    const { body } = await app.say('frank', '炸了');
    expect(body.replies).toHaveLength(1);
    const errorId = /错误编号：([0-9A-F]{8})/.exec(body.replies[0].text)?.[1];
    expect(errorId).toBeDefined();
    expect(app.logs.some((l) => l.errorId === errorId && l.level === 50)).toBe(true);
    const row = app.db.sqlite.prepare("SELECT status, error_id FROM inbound_messages WHERE text = '炸了'").safeIntegers(false).get() as any;
    expect(row).toEqual({ status: 'failed', error_id: errorId });
    expect(await app.inbox('duty-desk')).toEqual([]);
    // the form the handler started before failing was not kept
    const conversation = await app.db.prisma.conversation.findFirstOrThrow({ where: { resident: { identities: { some: { externalId: 'frank' } } } } });
    expect(conversation.activeForm).toBeNull();
  });

  it('asks what a photo without words is about', async () => {
    const result = await app.bot.receive({
      channel: 'http',
      userId: 'gina',
      messageId: 'p1',
      text: '',
      attachments: [{ kind: 'image', path: 'data/a.jpg', sha256: 'a'.repeat(64), size: 10 }],
    });
    expect(result.replies[0]!.text).toContain('收到您的图片');
  });

  it('notifies staff holding a role through their channel', async () => {
    await app.say('henry', '转人工');
    const inbox = await app.inbox('duty-desk');
    expect(inbox).toHaveLength(1);
    expect(inbox[0].text).toContain('转人工');
    expect(await app.inbox('duty-desk')).toEqual([]); // delivered once
  });

  it('handles again, on start-up, a message a crash left unfinished', async () => {
    // simulate a crash after the inbound row was stored but before the turn was written
    const resident = await app.db.prisma.resident.create({ data: { createdAt: new Date(), updatedAt: new Date() } });
    await app.db.prisma.channelIdentity.create({
      data: { channel: 'http', externalId: 'ivy', residentId: resident.id, createdAt: new Date(), lastSeenAt: new Date() },
    });
    await app.db.prisma.inboundMessage.create({
      data: {
        channel: 'http', platformMessageId: 'lost-1', residentId: resident.id, senderId: 'ivy', replyAddress: 'ivy',
        text: '你好', status: 'received', receivedAt: new Date(),
      },
    });
    expect(await app.bot.recoverInterrupted()).toBe(1);
    const row = await app.db.prisma.inboundMessage.findFirst({ where: { platformMessageId: 'lost-1' }, include: { replies: true } });
    expect(row?.status).toBe('handled');
    expect(row?.replies[0]?.text).toContain('您好');
    expect(count('inbound_messages')).toBe(1);
  });

  it('handles again a location-only message, and marks failed one that can no longer be handled', async () => {
    const resident = await app.db.prisma.resident.create({ data: { createdAt: new Date(), updatedAt: new Date() } });
    await app.db.prisma.channelIdentity.create({
      data: { channel: 'http', externalId: 'jack', residentId: resident.id, createdAt: new Date(), lastSeenAt: new Date() },
    });
    const base = { channel: 'http', residentId: resident.id, senderId: 'jack', replyAddress: 'jack', status: 'received', receivedAt: new Date() };
    await app.db.prisma.inboundMessage.create({
      data: { ...base, platformMessageId: 'loc-1', text: '', location: JSON.stringify({ latitude: 28.97, longitude: 118.87 }) },
    });
    await app.db.prisma.inboundMessage.create({ data: { ...base, platformMessageId: 'broken-1', text: '' } });
    expect(await app.bot.recoverInterrupted()).toBe(2);
    const rows = await app.db.prisma.inboundMessage.findMany({ where: { senderId: 'jack' }, include: { replies: true }, orderBy: { id: 'asc' } });
    expect(rows[0]).toMatchObject({ status: 'handled' });
    expect(rows[0]!.replies[0]!.text).toContain('收到您的位置');
    expect(rows[1]).toMatchObject({ status: 'failed', errorId: expect.stringMatching(/^[0-9A-F]{8}$/) });
  });

  it('notifies outside a turn (a status change, a reminder) through the outbox', async () => {
    await app.say('kate', '你好');
    const residentId = (await app.db.prisma.channelIdentity.findFirstOrThrow({ where: { externalId: 'kate' } })).residentId;
    const ids = await app.bot.notify([{ residentId }, { role: 'admin' }, { residentId: 999_999 }], { text: '您反映的问题已办结', options: ['满意', '不满意'] });
    expect(ids).toHaveLength(2); // the unknown resident is skipped
    expect(await app.inbox('kate')).toEqual([expect.objectContaining({ text: '您反映的问题已办结', options: ['满意', '不满意'] })]);
    expect((await app.inbox('duty-desk'))[0].text).toBe('您反映的问题已办结');
    // the notification's options can be answered by number
    const conversation = await app.db.prisma.conversation.findFirstOrThrow({ where: { residentId } });
    expect(JSON.parse(conversation.memory).lastOptions).toEqual(['满意', '不满意']);
  });

  it('writes a broadcast’s rows once, however many writers try', async () => {
    const first = await app.bot.notify([{ role: 'admin' }], { text: '停水通知' }, { broadcastId: 42 });
    const second = await app.bot.notify([{ role: 'admin' }], { text: '停水通知' }, { broadcastId: 42 });
    expect(first).toHaveLength(1);
    expect(second).toEqual([]);
    expect(await app.db.prisma.outboundMessage.count({ where: { broadcastId: 42 } })).toBe(1);
  });
});
