/**
 * Statistics by month and hall, the demo events, and erasing a resident's personal data.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { eraseEventsPersonalData, eventStats, eventsDemoSeeder } from '../../../src/domains/events/index.js';
import { keywordNlu } from '../../helpers/keyword-nlu.js';
import { at, startEventsApp, type EventsTestApp } from './helpers.js';

let t: EventsTestApp;
beforeEach(async () => {
  t = await startEventsApp({ nlu: keywordNlu });
});
afterEach(async () => {
  await t.app.dispose();
});

async function residents(n: number): Promise<number[]> {
  const ids = [];
  for (let i = 0; i < n; i++) {
    await t.app.say(`s${i}`, 'hi');
    ids.push(await t.residentOf(`s${i}`));
  }
  return ids;
}

it('counts events held, sign-ups, check-ins and average attendance by month and hall', async () => {
  t.clock.now = at('2026-10-01T08:00:00');
  const [a, b, c] = await residents(3);
  const oct = await t.event({ hallId: 'bingang-hall', startsAt: at('2026-10-20T09:00:00'), endsAt: at('2026-10-20T11:00:00') });
  const nov = await t.event({ hallId: 'bingang-hall', startsAt: at('2026-11-10T09:00:00'), endsAt: at('2026-11-10T11:00:00') });
  const other = await t.event({ hallId: 'wuhu-hall', startsAt: at('2026-11-12T09:00:00'), endsAt: at('2026-11-12T11:00:00') });
  const future = await t.event({ hallId: 'wuhu-hall', startsAt: at('2026-12-20T09:00:00'), endsAt: at('2026-12-20T11:00:00') });
  const s = t.domain.signups;
  const codes: Record<string, string> = {};
  for (const [ev, who, party] of [[oct, a, 2], [oct, b, 1], [nov, c, 3], [other, a, 1], [future, b, 1]] as const) {
    const r = await s.signup({ eventId: ev, residentId: who!, partySize: party }, t.clock.now);
    if (r.ok) codes[`${ev}/${who}`] = r.signup.checkInCode;
  }
  t.clock.now = at('2026-10-20T09:05:00');
  expect(await s.checkIn(oct, codes[`${oct}/${a}`]!, 'staff', t.clock.now)).toMatchObject({ partySize: 2 });
  expect(await s.checkIn(oct, 'NOPE99', 'staff', t.clock.now)).toBeNull();
  t.clock.now = at('2026-11-10T09:05:00');
  await s.checkIn(nov, codes[`${nov}/${c}`]!.toLowerCase(), 'staff', t.clock.now);

  const { lines, total } = await eventStats(t.app.db.prisma, {}, at('2026-12-01T00:00:00'));
  expect(lines.map((l) => [l.month, l.hallName, l.eventsHeld, l.signups, l.people, l.checkIns, l.attendees, l.averageAttendance])).toEqual([
    ['2026-10', '滨港村文化礼堂', 1, 2, 3, 1, 2, 2],
    ['2026-11', '滨港村文化礼堂', 1, 1, 3, 1, 3, 3],
    ['2026-11', '五湖村文化礼堂', 1, 1, 1, 0, 0, 0],
  ]);
  expect(total).toMatchObject({ eventsHeld: 3, signups: 4, checkIns: 2, attendees: 5, averageAttendance: 1.7 });
});

it('erasing a resident keeps the counts but not the person', async () => {
  const [a] = await residents(1);
  const ev = await t.event();
  await t.domain.signups.signup({ eventId: ev, residentId: a!, partySize: 2 }, t.clock.now);
  await t.app.say('s0', '订阅');
  await eraseEventsPersonalData(t.app.db.prisma, a!);
  expect(await t.signupsOf(ev)).toMatchObject([{ residentId: null, partySize: 2, status: 'confirmed' }]);
  expect(await t.app.db.prisma.noticeSubscription.count()).toBe(0);
});

it('the demo seeder places the report’s events in the coming weeks', async () => {
  await eventsDemoSeeder({ prisma: t.app.db.prisma, now: t.clock.now });
  const upcoming = await t.domain.events.upcoming({}, t.clock.now);
  expect(upcoming.map((e) => e.title)).toContain('爱满情浓重阳 非遗蛋雕传承');
  expect(upcoming.map((e) => e.title)).toContain('乡村音乐唱想生活');
  expect(upcoming.every((e) => e.startsAt.getTime() - t.clock.now.getTime() < 40 * 24 * 3600_000)).toBe(true);
  expect((await eventStats(t.app.db.prisma, {}, t.clock.now)).total.eventsHeld).toBe(2);
});
