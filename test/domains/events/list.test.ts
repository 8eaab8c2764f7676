/**
 * event.list through the real NLU: filtered by date range, festival, tag and village, with
 * numbered options leading to details; “我的报名”; 订阅 / 退订.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at, startEventsApp, type EventsTestApp } from './helpers.js';

let t: EventsTestApp;
const texts = (res: { body: { replies: Array<{ text: string }> } }) => res.body.replies.map((r) => r.text).join('\n');

beforeAll(async () => {
  t = await startEventsApp();
  // Monday 30 Nov 2026; the weekend is 5–6 Dec.
  await t.event({ title: '乡村音乐唱想生活', hallId: 'wangcun-hall', tags: ['文艺'], startsAt: at('2026-12-05T19:00:00'), endsAt: at('2026-12-05T21:00:00') });
  await t.event({ title: '亲子手工：剪纸迎新春', hallId: 'meijia-hall', tags: ['亲子', '非遗'], startsAt: at('2026-12-06T14:00:00'), endsAt: at('2026-12-06T16:00:00') });
  await t.event({ title: '爱满情浓重阳 非遗蛋雕传承', description: '重阳敬老，蛋雕体验', hallId: 'wuhu-hall', tags: ['非遗', '老年'], startsAt: at('2026-12-02T09:00:00'), endsAt: at('2026-12-02T11:00:00') });
  await t.event({ title: '婺剧折子戏专场', hallId: 'bingang-hall', tags: ['文艺', '老年'], startsAt: at('2026-12-12T19:00:00'), endsAt: at('2026-12-12T21:00:00') });
  await t.event({ title: '早已结束的讲座', hallId: 'bingang-hall', tags: ['健康'], startsAt: at('2026-11-20T09:00:00'), endsAt: at('2026-11-20T10:00:00') });
});
afterAll(async () => {
  await t.app.dispose();
});

describe('event.list', () => {
  it('lists upcoming events soonest first with numbered options, never past ones', async () => {
    const res = await t.app.say('l1', '最近有啥活动');
    const text = texts(res);
    expect(text).toContain('4场');
    expect(text.indexOf('重阳')).toBeLessThan(text.indexOf('乡村音乐'));
    expect(text).not.toContain('早已结束');
    expect(res.body.replies.at(-1).options).toHaveLength(4);
  });

  it('keeps to this weekend when asked about this weekend', async () => {
    const text = texts(await t.app.say('l2', '这周末有什么活动'));
    expect(text).toContain('乡村音乐');
    expect(text).toContain('剪纸');
    expect(text).not.toContain('重阳');
    expect(text).not.toContain('婺剧');
  });

  it('finds the 重阳 event by the festival name and shows its details', async () => {
    const text = texts(await t.app.say('l3', '重阳节有什么活动吗'));
    expect(text).toContain('爱满情浓重阳');
    expect(text).toContain('五湖村文化礼堂');
    expect(text).not.toContain('婺剧');
  });

  it('understands “suitable for children” as the 亲子 tag', async () => {
    const text = texts(await t.app.say('l4', '有没有适合带小孩去的活动'));
    expect(text).toContain('剪纸');
    expect(text).not.toContain('婺剧');
  });

  it('filters by village, and a picked number shows the details with sign-up options', async () => {
    const list = await t.app.say('l5', '滨港村最近有啥活动');
    expect(texts(list)).toContain('婺剧');
    expect(texts(list)).not.toContain('乡村音乐');
    const all = await t.app.say('l6', '最近有啥活动');
    expect(all.body.replies.at(-1).options).toHaveLength(4);
    const detail = await t.app.say('l6', '2');
    expect(texts(detail)).toContain('报名截止');
    expect(detail.body.replies.at(-1).options).toContain('我要报名');
    const signed = await t.app.say('l6', '我要报名');
    expect(texts(signed)).toContain('报名成功');
  });
});

describe('我的报名 and subscriptions', () => {
  it('lists the resident’s own sign-ups with their check-in codes', async () => {
    await t.app.say('m1', '乡村音乐唱想生活 我要报名');
    const res = await t.app.say('m1', '我的报名');
    expect(texts(res)).toMatch(/乡村音乐唱想生活.*已确认 · 签到码 [A-Z2-9]{6}/);
  });

  it('订阅 subscribes and 退订 opts out', async () => {
    expect(texts(await t.app.say('s1', '订阅'))).toContain('已为您订阅');
    const resident = await t.residentOf('s1');
    expect((await t.app.db.prisma.noticeSubscription.findUniqueOrThrow({ where: { residentId: resident } })).subscribed).toBe(true);
    expect(texts(await t.app.say('s1', '退订'))).toContain('已为您退订');
    expect((await t.app.db.prisma.noticeSubscription.findUniqueOrThrow({ where: { residentId: resident } })).subscribed).toBe(false);
  });
});
