/**
 * Broadcasts: audience selection, opt-out honoured in every audience, all rows written in one
 * go with progress counted from the outbox, and crash recovery without duplicates or loss.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Outbox, type ChannelSender } from '../../../src/core/outbox.js';
import { MessageStore } from '../../../src/core/store.js';
import type { OutboundEnvelope } from '../../../src/core/types.js';
import { memoryLog } from '../../helpers/app.js';
import { keywordNlu } from '../../helpers/keyword-nlu.js';
import { at, startEventsApp, type EventsTestApp } from './helpers.js';

let t: EventsTestApp;
beforeEach(async () => {
  t = await startEventsApp({ nlu: keywordNlu });
});
afterEach(async () => {
  await t.app.dispose();
});

/** Residents reachable on a push channel `fake`, with a village. */
async function resident(name: string, village: string | null, channel = 'fake'): Promise<number> {
  const now = t.clock.now;
  const r = await t.app.db.prisma.resident.create({
    data: { displayName: name, village, createdAt: now, updatedAt: now, identities: { create: { channel, externalId: name, createdAt: now, lastSeenAt: now } } },
  });
  return r.id;
}
const subscribe = (residentId: number, subscribed: boolean) =>
  t.app.db.prisma.noticeSubscription.create({ data: { residentId, subscribed, updatedAt: t.clock.now } });

function recordingSender(name = 'fake'): ChannelSender & { sent: OutboundEnvelope[] } {
  const sent: OutboundEnvelope[] = [];
  return { name, sent, send: async (m) => void sent.push(m) };
}

/** An outbox over the app's database on the test clock, as a (re)started process builds it. */
function newOutbox(sender: ChannelSender): Outbox {
  const outbox = new Outbox(new MessageStore(t.app.db.sqlite).outbox, { log: memoryLog().log, clock: () => t.clock.now.getTime() });
  outbox.register(sender);
  return outbox;
}

describe('audiences', () => {
  it('selects subscribers, a village, a tag, an event; opted-out residents never', async () => {
    const ann = await resident('ann', 'wuhu');
    const bob = await resident('bob', 'wuhu');
    const cat = await resident('cat', 'meijia');
    const dan = await resident('dan', 'wuhu');
    await subscribe(ann, true);
    await subscribe(cat, true);
    await subscribe(dan, false); // 退订
    const kids = await t.event({ tags: ['亲子'] });
    const music = await t.event({ tags: ['文艺'], startsAt: at('2026-12-12T19:00:00'), endsAt: at('2026-12-12T21:00:00') });
    for (const [who, ev] of [[bob, kids], [dan, kids], [cat, music]] as const) {
      await t.domain.signups.signup({ eventId: ev, residentId: who, partySize: 1 }, t.clock.now);
    }
    const b = t.domain.broadcasts;
    expect(await b.selectAudience({ kind: 'all' })).toEqual([ann, cat]);
    expect(await b.selectAudience({ kind: 'village', village: 'wuhu' })).toEqual([ann, bob]);
    expect(await b.selectAudience({ kind: 'tag', tag: '亲子' })).toEqual([bob]);
    expect(await b.selectAudience({ kind: 'event', eventId: music })).toEqual([cat]);
  });

  it('rejects a bad broadcast and writes nothing', async () => {
    await expect(t.domain.broadcasts.createBroadcast({ text: '通知', audience: { kind: 'village', village: 'atlantis' } }, t.clock.now)).rejects.toThrow();
    await expect(t.domain.broadcasts.createBroadcast({ text: 'x'.repeat(1001), audience: { kind: 'all' } }, t.clock.now)).rejects.toThrow();
    expect(await t.app.db.prisma.broadcast.count()).toBe(0);
  });
});

describe('delivery through the outbox', () => {
  it('writes one row per recipient, reports progress and a final report', async () => {
    const ids = [];
    for (let i = 0; i < 25; i++) ids.push(await resident(`p${i}`, 'nancun'));
    await subscribe(ids[3]!, false);
    const event = await t.event();
    const { id, recipients } = await t.domain.broadcasts.createBroadcast(
      { text: '本周六乡村音乐会照常举行', audience: { kind: 'village', village: 'nancun' }, eventId: event },
      t.clock.now,
      'resident:1',
    );
    expect(recipients).toBe(24);
    const before = await t.domain.broadcasts.broadcastProgress(id, t.clock.now);
    expect(before).toMatchObject({ total: 24, pending: 24, sent: 0, done: false });

    const sender = recordingSender();
    const outbox = newOutbox(sender);
    outbox.start();
    await outbox.idle();
    await outbox.stop();
    expect(sender.sent).toHaveLength(24);
    expect(sender.sent[0]!.text).toMatch(/本周六乡村音乐会照常举行[\s\S]*乡村音乐唱想生活[\s\S]*退订/);
    expect(sender.sent.map((m) => m.address)).not.toContain('p3');
    const after = await t.domain.broadcasts.broadcastProgress(id, t.clock.now);
    expect(after).toMatchObject({ total: 24, sent: 24, pending: 0, failed: 0, done: true, report: { total: 24, sent: 24, failed: 0 } });
  });

  it('resumes after a crash: rows caught mid-send go out once, nothing is lost', async () => {
    for (let i = 0; i < 40; i++) await subscribe(await resident(`c${i}`, null), true);
    const { id } = await t.domain.broadcasts.createBroadcast({ text: '停水通知：明天上午9点到12点', audience: { kind: 'all' } }, t.clock.now);
    const rows = await t.app.db.prisma.outboundMessage.findMany({ where: { broadcastId: id }, orderBy: { id: 'asc' } });
    // The process died: 10 rows were already sent, 5 were on their way (status sending).
    await t.app.db.prisma.outboundMessage.updateMany({ where: { id: { in: rows.slice(0, 10).map((r) => r.id) } }, data: { status: 'sent', sentAt: t.clock.now } });
    await t.app.db.prisma.outboundMessage.updateMany({ where: { id: { in: rows.slice(10, 15).map((r) => r.id) } }, data: { status: 'sending', attempts: 1 } });

    // A new process: a new outbox over the same database.
    const sender = recordingSender();
    const outbox = newOutbox(sender);
    outbox.start();
    await outbox.idle();
    await outbox.stop();

    const sentIds = sender.sent.map((m) => m.id);
    expect(new Set(sentIds).size).toBe(sentIds.length); // no duplicate
    expect(sentIds.sort((a, b) => a - b)).toEqual(rows.slice(10).map((r) => r.id)); // none lost, none re-sent
    expect(await t.domain.broadcasts.broadcastProgress(id, t.clock.now)).toMatchObject({ total: 40, sent: 40, pending: 0, done: true });
  });

  it('writes the rows of a broadcast the crash caught before they were written, exactly once', async () => {
    for (let i = 0; i < 5; i++) await subscribe(await resident(`k${i}`, null), true);
    const crashed = await t.app.db.prisma.broadcast.create({
      data: { text: '寒潮预警', audience: JSON.stringify({ kind: 'all' }), actor: 'cli', status: 'creating', recipients: 0, createdAt: t.clock.now },
    });
    await t.domain.runBroadcasts(t.clock.now);
    await t.domain.runBroadcasts(t.clock.now);
    expect(await t.app.db.prisma.outboundMessage.count({ where: { broadcastId: crashed.id } })).toBe(5);
    expect((await t.app.db.prisma.broadcast.findUniqueOrThrow({ where: { id: crashed.id } })).status).toBe('sending');
  });

  it('a resident who says 退订 is left out of the next broadcast', async () => {
    await t.app.say('hx', 'hi');
    const me = await t.residentOf('hx');
    await t.app.db.prisma.resident.update({ where: { id: me }, data: { village: 'wuhu' } });
    expect(await t.domain.broadcasts.selectAudience({ kind: 'village', village: 'wuhu' })).toEqual([me]);
    await t.app.db.prisma.noticeSubscription.deleteMany();
    const { setSubscription } = await import('../../../src/domains/events/subscriptions.js');
    await setSubscription(t.app.db.prisma, me, false, t.clock.now);
    const { recipients } = await t.domain.broadcasts.createBroadcast({ text: '五湖村停电通知', audience: { kind: 'village', village: 'wuhu' } }, t.clock.now);
    expect(recipients).toBe(0);
    expect(await t.app.inbox('hx')).toHaveLength(0);
  });
});
