/**
 * “我的报名” is shared with the jobs domain: the events domain answers it only when the text
 * names events or the resident has event sign-ups and no job applications; with both, a menu.
 */
import { afterEach, expect, it } from 'vitest';
import { keywordNlu } from '../../helpers/keyword-nlu.js';
import { startEventsApp, type EventsTestApp } from './helpers.js';

let t: EventsTestApp;
const jobSeekers = new Set<number>();
afterEach(async () => {
  await t.app.dispose();
});
const texts = (res: { body: { replies: Array<{ text: string; options?: string[] }> } }) => res.body.replies.map((r) => r.text).join('\n');

it('answers, passes on, or offers a menu by the rule', async () => {
  t = await startEventsApp({ nlu: keywordNlu, hasJobApplications: async (id) => jobSeekers.has(id) });
  const ev = await t.event();
  for (const u of ['both', 'events', 'jobs']) await t.app.say(u, 'hi');
  for (const u of ['both', 'events']) await t.domain.signups.signup({ eventId: ev, residentId: await t.residentOf(u), partySize: 1 }, t.clock.now);
  for (const u of ['both', 'jobs']) jobSeekers.add(await t.residentOf(u));

  expect(texts(await t.app.say('events', '我的报名'))).toContain('乡村音乐唱想生活');
  const menu = await t.app.say('both', '我的报名');
  expect(menu.body.replies.at(-1).options).toEqual(['我的活动报名', '我的岗位报名']);
  expect(texts(await t.app.say('both', '1'))).toContain('乡村音乐唱想生活');
  expect(texts(await t.app.say('both', '我报名的活动有哪些'))).toContain('乡村音乐唱想生活');
  // Not ours: the jobs domain (absent here, so the general fallback) answers.
  expect(texts(await t.app.say('jobs', '我的报名'))).not.toContain('活动报名');
  expect(texts(await t.app.say('events', '我的报名的岗位'))).not.toContain('乡村音乐');
});
