/**
 * Events and broadcasts in the console: create and edit through the events service (Chinese
 * errors next to the fields, nothing written on bad input), a capacity raise promoting the
 * waitlist and telling them, a broadcast to an event's sign-ups whose progress reaches done as
 * the residents open their HTTP inboxes, CSRF refusal, roles and the attendance panels.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventsModule } from '../../src/admin/modules/events/index.js';
import { eventsAdminText } from '../../src/admin/modules/events/text.js';
import { PROGRESS_SCRIPT } from '../../src/admin/modules/events/broadcast-pages.js';
import { EventService } from '../../src/domains/events/service.js';
import { SignupService } from '../../src/domains/events/signups.js';
import { PASSWORD, startConsoleApp, testClock, type ConsoleClient, type ConsoleTestApp } from './helpers.js';

let t: ConsoleTestApp;
const clock = testClock(new Date('2026-11-30T02:00:00Z'));

beforeEach(async () => {
  t = await startConsoleApp({ clock: () => clock.now, modules: [eventsModule] });
});
afterEach(async () => {
  await t?.dispose();
});

async function admin(): Promise<ConsoleClient> {
  await t.staff('wang', 'admin');
  const client = t.client();
  await client.login('wang', PASSWORD);
  return client;
}

/** A resident who wrote from the HTTP channel; returns their resident id. */
async function resident(userId: string): Promise<number> {
  await t.app.say(userId, '你好');
  return (await t.app.db.prisma.channelIdentity.findFirstOrThrow({ where: { channel: 'http', externalId: userId } })).residentId;
}

const validEvent = {
  title: '乡村音乐唱想生活',
  description: '村里的音乐会',
  hallId: 'bingang-hall',
  village: '',
  startsAt: '2026-12-12T14:00',
  endsAt: '2026-12-12T16:00',
  capacity: '40',
  signupDeadline: '',
};

async function createEvent(capacity = 1): Promise<number> {
  const events = new EventService(t.app.db.prisma);
  return events.createEvent(
    { title: '重阳敬老茶话会', hallId: 'wuhu-hall', startsAt: new Date('2026-12-10T06:00:00Z'), endsAt: new Date('2026-12-10T08:00:00Z'), capacity, tags: ['老年'] },
    'test',
    clock.now,
  );
}

describe('events', () => {
  it('creates an event from the form (times read as Quzhou time) with an audit row', async () => {
    const client = await admin();
    const form = await client.get('/admin/events/new');
    expect(form.status).toBe(200);
    const res = await client.post('/admin/events', { _csrf: await client.csrf('/admin/events/new'), ...validEvent, tags: '文艺' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/events?notice=created');
    const row = await t.app.db.prisma.event.findFirstOrThrow();
    expect(row.title).toBe('乡村音乐唱想生活');
    expect(row.village).toBe('bingang');
    expect(row.startsAt.toISOString()).toBe('2026-12-12T06:00:00.000Z');
    expect(row.signupDeadline.toISOString()).toBe('2026-12-12T06:00:00.000Z');
    expect(row.tags).toBe('文艺');
    const audit = await t.app.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'event.create' } });
    expect(audit.actor).toBe('console:wang');
    const list = await client.get(res.headers.get('location')!);
    expect(list.text).toContain(eventsAdminText.notices.created);
    expect(list.text).toContain('乡村音乐唱想生活');
  });

  it('shows each refusal in Chinese next to its field, keeps the values escaped, and writes nothing', async () => {
    const client = await admin();
    const res = await client.post('/admin/events', {
      _csrf: await client.csrf(),
      ...validEvent,
      title: '<',
      description: '<img src=x onerror=alert(1)>',
      startsAt: '2026-12-12T16:00',
      endsAt: '2026-12-12T14:00',
      capacity: '0',
    });
    expect(res.status).toBe(422);
    for (const field of ['title', 'endsAt', 'capacity'] as const) {
      expect(res.text).toContain(`id="error-${field}">${eventsAdminText.errors[field]}`);
    }
    expect(res.text).toContain('value="&lt;"');
    expect(res.text).toContain('&lt;img src=x onerror=alert(1)&gt;</textarea>');
    expect(await t.app.db.prisma.event.count()).toBe(0);
  });

  it('edits an event; a larger capacity promotes the waitlist and tells those promoted', async () => {
    const id = await createEvent(1);
    const signups = new SignupService(t.app.db.prisma);
    await signups.signup({ eventId: id, residentId: await resident('first'), partySize: 1 }, clock.now);
    const waiting = await signups.signup({ eventId: id, residentId: await resident('second'), partySize: 1 }, clock.now);
    expect(waiting.ok && waiting.signup.status).toBe('waitlisted');
    const client = await admin();
    const edit = await client.get(`/admin/events/${id}/edit`);
    expect(edit.text).toContain('value="2026-12-10T14:00"');
    const res = await client.post(`/admin/events/${id}`, {
      _csrf: await client.csrf(),
      title: '重阳敬老茶话会',
      description: '',
      hallId: 'wuhu-hall',
      village: 'wuhu',
      startsAt: '2026-12-10T14:00',
      endsAt: '2026-12-10T16:00',
      capacity: '2',
      signupDeadline: '2026-12-10T12:00',
      tags: '老年',
      status: 'open',
    });
    expect(res.headers.get('location')).toBe('/admin/events?notice=promoted&n=1');
    expect((await t.app.db.prisma.event.findUniqueOrThrow({ where: { id } })).capacity).toBe(2);
    const inbox = await t.app.inbox('second');
    expect(inbox).toHaveLength(1);
    expect(inbox[0].text).toContain('重阳敬老茶话会');
    expect(await t.app.db.prisma.auditLog.count({ where: { action: 'event.update', actor: 'console:wang' } })).toBe(1);
  });
});

describe('broadcasts', () => {
  it('sends to an event\u2019s sign-ups; progress counts the HTTP inbox messages as sent once opened, then reports', async () => {
    const id = await createEvent(10);
    const signups = new SignupService(t.app.db.prisma);
    for (const user of ['a', 'b']) await signups.signup({ eventId: id, residentId: await resident(user), partySize: 1 }, clock.now);
    const client = await admin();
    const prefilled = await client.get(`/admin/broadcasts?event=${id}`);
    expect(prefilled.text).toMatch(/name="audience" value="event" checked/);

    const res = await client.post('/admin/broadcasts', { _csrf: await client.csrf(), text: '茶话会改到下午三点开始', audience: 'event', audienceEvent: String(id), eventId: String(id) });
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    const broadcastId = Number(/\/admin\/broadcasts\/(\d+)$/.exec(location)![1]);

    const page = await client.get(location);
    expect(page.text).toContain(`<script src="${PROGRESS_SCRIPT}" defer></script>`);
    expect(page.text).not.toMatch(/<script>(?!<\/script>)/);
    const progress = async () => JSON.parse((await client.get(`/admin/api/broadcasts/${broadcastId}`)).text);
    expect(await progress()).toMatchObject({ total: 2, sent: 0, failed: 0, pending: 2, waitingInInbox: 2, done: false });

    const inboxA = await t.app.inbox('a');
    expect(inboxA[0].text).toContain('茶话会改到下午三点开始');
    expect(await progress()).toMatchObject({ sent: 1, pending: 1, done: false });
    await t.app.inbox('b');
    const done = await progress();
    expect(done).toMatchObject({ total: 2, sent: 2, pending: 0, done: true, report: { total: 2, sent: 2, failed: 0 } });
    // The page rendered after the end shows the report without waiting for the script.
    expect((await client.get(location)).text).toMatch(/id="broadcast-report" data-when="done">/);

    const audit = await t.app.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'broadcast.create' } });
    expect(audit.actor).toBe('console:wang');
    const script = await client.get(PROGRESS_SCRIPT);
    expect(script.headers.get('content-type')).toContain('text/javascript');
    expect(script.text).toContain('data-progress-url');
  });

  it('refuses a bad broadcast with Chinese errors and a forged one with 403, sending nothing', async () => {
    const client = await admin();
    const bad = await client.post('/admin/broadcasts', { _csrf: await client.csrf(), text: '好', audience: 'village', village: '' });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain(eventsAdminText.errors.text);
    expect(bad.text).toContain(eventsAdminText.errors.audience);
    const forged = await client.post('/admin/broadcasts', { _csrf: 'nope', text: '今晚停水通知', audience: 'all' });
    expect(forged.status).toBe(403);
    expect(await t.app.db.prisma.broadcast.count()).toBe(0);
    expect((await client.get('/admin/api/broadcasts/999')).status).toBe(404);
  });

  it('is for admins only', async () => {
    await t.staff('hub', 'hub_staff');
    const client = t.client();
    await client.login('hub', PASSWORD);
    for (const path of ['/admin/events', '/admin/events/new', '/admin/broadcasts', '/admin/api/broadcasts/1']) expect((await client.get(path)).status).toBe(403);
  });

  it('serves the attendance panels from eventStats', async () => {
    const id = await createEvent(10);
    const signups = new SignupService(t.app.db.prisma);
    const r = await signups.signup({ eventId: id, residentId: await resident('a'), partySize: 2 }, clock.now);
    if (!r.ok) throw new Error('signup failed');
    await signups.checkIn(id, r.signup.checkInCode, 'test', new Date('2026-12-10T06:10:00Z'));
    clock.advance(30 * 86_400_000);
    try {
      const client = await admin();
      const figures = JSON.parse((await client.get('/admin/api/stats/events-figures')).text) as { figures: Array<{ label: string; value: number }> };
      expect(figures.figures.find((f) => f.label === eventsAdminText.panel.attendees)?.value).toBe(2);
      const chart = JSON.parse((await client.get('/admin/api/stats/events-attendance')).text) as { chart: { labels: string[]; datasets: Array<{ data: number[] }> } };
      expect(chart.chart.labels).toContain('2026-12');
    } finally {
      clock.now = new Date('2026-11-30T02:00:00Z');
    }
  });
});
