/**
 * An admin sends a broadcast from the console in a real browser (headless Chromium) and
 * watches its live progress reach done (screenshot: test-results/admin-broadcast.png).
 *
 * The audience is an event's four sign-ups on two kinds of channel, so every count moves
 * deterministically under the test's control:
 * - two residents on a registered fake push channel whose sender waits for the test's go,
 *   then delivers one message and refuses the other for good (→ 1 sent, 1 failed);
 * - two HTTP residents: the HTTP channel has no push — their messages wait in the inbox
 *   (outbox status `pending`) and count as sent only when the resident opens it, which the
 *   test does one at a time.
 * The page's script polls the JSON route every second; the test waits for each number.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsModule } from '../../../src/admin/modules/events/index.js';
import { eventsAdminText } from '../../../src/admin/modules/events/text.js';
import { adminText } from '../../../src/admin/text.js';
import { SendError } from '../../../src/core/outbox.js';
import type { OutboundEnvelope } from '../../../src/core/types.js';
import { SignupService } from '../../../src/domains/events/signups.js';
import { PASSWORD, startConsoleApp, type ConsoleTestApp } from '../helpers.js';
import { launchChromium } from './chromium.js';

let browser: Awaited<ReturnType<typeof launchChromium>>;
let t: ConsoleTestApp;

beforeAll(async () => {
  browser = await launchChromium();
  t = await startConsoleApp({ modules: [eventsModule] });
});
afterAll(async () => {
  await t?.dispose();
  await browser?.close();
});

/** A push channel that holds every send until `release()`, then delivers to p1 and refuses p2. */
function gatedChannel() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const sent: string[] = [];
  return {
    release,
    sent,
    sender: {
      name: 'fakepush',
      async send(m: OutboundEnvelope) {
        await gate;
        if (m.address === 'p2') throw new SendError('chat deleted', { retryable: false });
        sent.push(m.address);
      },
    },
  };
}

async function seed(): Promise<number> {
  const prisma = t.app.db.prisma;
  const now = new Date();
  const event = await prisma.event.create({
    data: {
      title: '重阳敬老茶话会', description: '', hallId: 'wuhu-hall', village: 'wuhu', capacity: 20, tags: '老年', createdAt: now, updatedAt: now,
      startsAt: new Date(now.getTime() + 7 * 86_400_000), endsAt: new Date(now.getTime() + 7 * 86_400_000 + 7_200_000), signupDeadline: new Date(now.getTime() + 6 * 86_400_000),
    },
  });
  const signups = new SignupService(prisma);
  for (const [channel, externalId] of [['http', 'a'], ['http', 'b'], ['fakepush', 'p1'], ['fakepush', 'p2']] as const) {
    const r = await prisma.resident.create({ data: { displayName: externalId, createdAt: now, updatedAt: now, identities: { create: { channel, externalId, createdAt: now, lastSeenAt: now } } } });
    await signups.signup({ eventId: event.id, residentId: r.id, partySize: 1 }, now);
  }
  return event.id;
}

const field = (page: Page, name: string) => page.locator(`[data-field="${name}"]`).textContent();

describe('broadcast from the console in Chromium', () => {
  it('sends to an event\u2019s sign-ups and shows live progress until the final report', async () => {
    const channel = gatedChannel();
    t.app.outbox.register(channel.sender);
    const eventId = await seed();
    await t.staff('wang', 'admin');
    const page = await browser.context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(String(e)));

    await page.goto(t.url('/admin/login'));
    await page.getByLabel(adminText.login.username).fill('wang');
    await page.getByLabel(adminText.login.password).fill(PASSWORD);
    await page.getByRole('button', { name: adminText.login.submit }).click();
    await page.waitForURL(/\/admin$/);

    await page.goto(t.url('/admin/broadcasts'));
    await page.locator('textarea[name="text"]').fill('茶话会改到下午三点开始，请大家相互转告。');
    await page.getByLabel(eventsAdminText.broadcasts.audiences.event!).check();
    await page.locator('select[name="audienceEvent"]').selectOption(String(eventId));
    await page.locator('select[name="eventId"]').selectOption(String(eventId));
    await page.getByRole('button', { name: eventsAdminText.broadcasts.send }).click();
    await page.waitForURL(/\/admin\/broadcasts\/\d+$/);

    // Nothing delivered yet: the push sends are held, the inbox messages unread.
    expect(await field(page, 'total')).toBe('4');
    expect(await field(page, 'pending')).toBe('4');
    expect(await field(page, 'waitingInInbox')).toBe('2');
    expect(await page.locator('#broadcast-report').isHidden()).toBe(true);

    channel.release();
    await expect.poll(() => field(page, 'failed'), { timeout: 10_000 }).toBe('1');
    await expect.poll(() => field(page, 'sent'), { timeout: 10_000 }).toBe('1');
    expect(await field(page, 'pending')).toBe('2');
    expect(channel.sent).toEqual(['p1']);

    expect((await t.app.inbox('a'))[0].text).toContain('茶话会改到下午三点开始');
    await expect.poll(() => field(page, 'sent'), { timeout: 10_000 }).toBe('2');
    expect(await field(page, 'waitingInInbox')).toBe('1');
    await t.app.inbox('b');

    await expect.poll(() => page.locator('#broadcast-report').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await page.locator('[data-report="total"]').textContent()).toBe('4');
    expect(await page.locator('[data-report="sent"]').textContent()).toBe('3');
    expect(await page.locator('[data-report="failed"]').textContent()).toBe('1');
    expect(await field(page, 'pending')).toBe('0');
    expect(await page.locator('#broadcast-progress').getAttribute('data-done')).toBe('true');
    expect(await page.locator('#broadcast-progress').getAttribute('data-poll-error')).toBeNull();
    expect(await page.locator('progress[data-field="bar"]').evaluate((el) => [(el as unknown as { value: number }).value, (el as unknown as { max: number }).max])).toEqual([4, 4]);

    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: join('test-results', 'admin-broadcast.png'), fullPage: true });
    // No CSP violation or script error: the progress came from the static script.
    expect(problems).toEqual([]);
    await page.close();
  });
});
