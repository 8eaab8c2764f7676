/**
 * The day-before reminder: one per confirmed sign-up, never twice, none for the waitlist.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { keywordNlu } from '../../helpers/keyword-nlu.js';
import { at, startEventsApp, type EventsTestApp } from './helpers.js';

let t: EventsTestApp;
beforeEach(async () => {
  t = await startEventsApp({ nlu: keywordNlu });
});
afterEach(async () => {
  await t.app.dispose();
});

async function signUp(userId: string, eventId: number, party = 1) {
  await t.app.say(userId, 'hi'); // creates the resident and its HTTP identity
  return t.domain.signups.signup({ eventId, residentId: await t.residentOf(userId), partySize: party }, t.clock.now);
}

it('reminds each confirmed sign-up once, the day before, and never the waitlist', async () => {
  const id = await t.event({ capacity: 2, startsAt: at('2026-12-05T19:00:00'), endsAt: at('2026-12-05T21:00:00') });
  await signUp('r1', id);
  await signUp('r2', id);
  await signUp('r3', id); // waitlisted
  for (const u of ['r1', 'r2', 'r3']) await t.app.inbox(u);

  t.clock.now = at('2026-12-03T19:00:00'); // two days before: too early
  expect((await t.domain.runReminders(t.clock.now)).reminders).toBe(0);

  t.clock.now = at('2026-12-04T20:00:00');
  expect((await t.domain.runReminders(t.clock.now)).reminders).toBe(2);
  await t.app.scheduler.runNow('events.reminders'); // the scheduled task, same instant: nothing new
  t.clock.now = at('2026-12-05T09:00:00');
  expect((await t.domain.runReminders(t.clock.now)).reminders).toBe(0);

  const r1 = await t.app.inbox('r1');
  expect(r1).toHaveLength(1);
  expect(r1[0].text).toMatch(/温馨提醒.*乡村音乐唱想生活.*12月5日/);
  expect(await t.app.inbox('r2')).toHaveLength(1);
  expect(await t.app.inbox('r3')).toHaveLength(0);
});
