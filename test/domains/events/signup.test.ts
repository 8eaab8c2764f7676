/**
 * Sign-ups end to end through the HTTP API and the real NLU: capacity with a waitlist under
 * concurrency, one sign-up per resident, party size, the deadline, cancellation with promotion.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { at, startEventsApp, type EventsTestApp } from './helpers.js';

let t: EventsTestApp;
beforeEach(async () => {
  t = await startEventsApp();
});
afterEach(async () => {
  await t.app.dispose();
});

const replyText = (res: { body: { replies: Array<{ text: string }> } }) => res.body.replies.map((r) => r.text).join('\n');

describe('event.signup', () => {
  it('never goes over capacity when many residents sign up at once; the rest wait in order', async () => {
    const id = await t.event({ capacity: 10 });
    const users = Array.from({ length: 24 }, (_, i) => `u${i}`);
    // Every second resident brings a companion: 36 people for 10 places.
    const answers = await Promise.all(users.map((u, i) => t.app.say(u, i % 2 ? `报名活动 #${id}（2人）` : `报名活动 #${id}（1人）`)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const rows = await t.signupsOf(id);
    expect(rows).toHaveLength(24);
    const confirmedPeople = rows.filter((r) => r.status === 'confirmed').reduce((n, r) => n + r.partySize, 0);
    expect(confirmedPeople).toBeLessThanOrEqual(10);
    expect(confirmedPeople).toBeGreaterThanOrEqual(9);
    const waiting = answers.filter((a) => replyText(a).includes('候补'));
    expect(waiting.length).toBe(rows.filter((r) => r.status === 'waitlisted').length);
    expect(new Set(rows.map((r) => r.checkInCode)).size).toBe(24);
  });

  it('signs up once per resident, with the party size the resident said and a check-in code', async () => {
    const id = await t.event();
    const first = await t.app.say('granny', '乡村音乐那个活动我和老伴想报名');
    expect(replyText(first)).toMatch(/报名成功.*共2人[\s\S]*签到码：[A-Z2-9]{6}/);
    const again = await t.app.say('granny', `报名活动 #${id}（1人）`);
    expect(replyText(again)).toContain('不用重复报名');
    const rows = await t.signupsOf(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ partySize: 2, status: 'confirmed' });
  });

  it('refuses after the deadline and changes nothing', async () => {
    const id = await t.event({ signupDeadline: at('2026-11-29T18:00:00') });
    const res = await t.app.say('late', `报名活动 #${id}（1人）`);
    expect(replyText(res)).toContain('截止');
    expect(await t.signupsOf(id)).toHaveLength(0);
  });

  it('offers numbered choices when it is unclear which event, then signs up the one picked', async () => {
    await t.event();
    const kids = await t.event({ title: '亲子手工：剪纸迎新春', hallId: 'meijia-hall', tags: ['亲子', '非遗'], startsAt: at('2026-12-06T14:00:00'), endsAt: at('2026-12-06T16:00:00') });
    const ask = await t.app.say('mum', '我想报名参加活动');
    expect(ask.body.replies.at(-1).options).toHaveLength(2);
    const picked = await t.app.say('mum', '2');
    expect(replyText(picked)).toContain('报名成功');
    expect((await t.signupsOf(kids)).map((r) => r.status)).toEqual(['confirmed']);
  });
});

describe('event.cancel', () => {
  it('frees the places and promotes the waitlist in order, telling those promoted', async () => {
    const id = await t.event({ capacity: 3 });
    await t.app.say('a', `报名活动 #${id}（3人）`);
    await t.app.say('b', `报名活动 #${id}（1人）`);
    await t.app.say('c', `报名活动 #${id}（2人）`);
    await t.app.say('d', `报名活动 #${id}（1人）`);
    expect((await t.signupsOf(id)).map((r) => r.status)).toEqual(['confirmed', 'waitlisted', 'waitlisted', 'waitlisted']);

    const ask = await t.app.say('a', '我不去了，帮我取消报名');
    expect(replyText(ask)).toContain('确定取消');
    const done = await t.app.say('a', '1');
    expect(replyText(done)).toContain('已取消');
    // 3 places free: b (1) and c (2) fit in order; d stays waiting.
    expect((await t.signupsOf(id)).map((r) => r.status)).toEqual(['cancelled', 'confirmed', 'confirmed', 'waitlisted']);
    expect((await t.app.inbox('b')).map((m) => m.text).join()).toContain('候补已转为正式报名');
    expect((await t.app.inbox('c')).map((m) => m.text).join()).toContain('候补已转为正式报名');
    expect(await t.app.inbox('d')).toHaveLength(0);
  });

  it('says so when there is nothing to cancel', async () => {
    await t.event();
    const res = await t.app.say('nobody', '取消报名');
    expect(replyText(res)).toContain('没有报名');
  });
});
