/**
 * The admin console in a real browser (headless Debian Chromium): logging in, lockout, a role
 * refused, residents' markup rendered inert, the dashboard's charts drawn (screenshot saved
 * as test-results/admin-dashboard.png), and a staff reply reaching the resident's chat.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { domainStatsModule } from '../../../src/admin/modules/domain-stats.js';
import { adminText } from '../../../src/admin/text.js';
import { DOMAINS } from '../../../src/domains/index.js';
import { PASSWORD, startConsoleApp, type ConsoleTestApp } from '../helpers.js';
import { launchChromium } from './chromium.js';

let browser: Awaited<ReturnType<typeof launchChromium>>;
let context: BrowserContext;
let t: ConsoleTestApp;
let page: Page;
/** Dialogs (alert/confirm) any page opened: an XSS payload that ran would show here. */
let dialogs: string[];
/** Console errors, CSP violations included. */
let consoleErrors: string[];

beforeAll(async () => {
  browser = await launchChromium();
  context = browser.context;
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  t = await startConsoleApp();
  await context.clearCookies();
  page = await context.newPage();
  dialogs = [];
  consoleErrors = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
});
afterEach(async () => {
  await page?.close();
  await t?.dispose();
});

async function logIn(username: string, password = PASSWORD): Promise<void> {
  await page.goto(t.url('/admin/login'));
  await page.getByLabel(adminText.login.username).fill(username);
  await page.getByLabel(adminText.login.password).fill(password);
  await page.getByRole('button', { name: adminText.login.submit }).click();
  await page.waitForLoadState('domcontentloaded');
}

/** Residents on several channels and two weeks of messages, so every chart has something to draw. */
async function seedActivity(): Promise<void> {
  const prisma = t.app.db.prisma;
  const now = Date.now();
  const channels = ['wechat', 'wechat', 'wechat', 'telegram', 'http', 'http', 'line'];
  for (const [i, channel] of channels.entries()) {
    const at = new Date(now);
    const r = await prisma.resident.create({
      data: { displayName: `居民${i}`, createdAt: at, updatedAt: at, identities: { create: { channel, externalId: `u${i}`, createdAt: at, lastSeenAt: at } } },
    });
    for (let day = 0; day < 14; day++) {
      for (let k = 0; k < ((i + day) % 4) + 1; k++) {
        const received = new Date(now - day * 86_400_000 - k * 60_000);
        await prisma.inboundMessage.create({
          data: { channel, platformMessageId: `${i}-${day}-${k}`, residentId: r.id, senderId: `u${i}`, replyAddress: `u${i}`, text: '你好', status: 'handled', receivedAt: received },
        });
      }
    }
    const statuses = ['sent', 'sent', 'delivered', 'pending', 'failed'];
    await prisma.outboundMessage.create({
      data: { residentId: r.id, channel, address: `u${i}`, kind: 'notification', text: '通知', status: statuses[i % statuses.length]!, nextAttemptAt: at, createdAt: at },
    });
    await prisma.feedback.create({ data: { residentId: r.id, topic: '建议', content: '路灯', status: i % 3 ? 'new' : 'answered', createdAt: at } });
    await prisma.handoffRequest.create({ data: { residentId: r.id, text: '转人工', status: i % 2 ? 'open' : 'answered', createdAt: at } });
  }
}

describe('admin console in Chromium', () => {
  it('logs in and draws the dashboard charts (screenshot: test-results/admin-dashboard.png)', async () => {
    await t.staff('admin', 'admin');
    await seedActivity();
    await logIn('admin');
    expect(new URL(page.url()).pathname).toBe('/admin');
    await expect.poll(() => page.locator('body').getAttribute('data-charts')).toBe('5');
    const canvases = page.locator('canvas[data-chart]');
    expect(await canvases.count()).toBe(5);
    // Every canvas has pixels drawn on it (not just an empty element).
    const painted = await canvases.evaluateAll((els) =>
      els.map((el) => {
        // The test runs in Node (no DOM types); this is the canvas API the page has.
        const c = el as unknown as { width: number; height: number; getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } };
        const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
        return { width: c.width, height: c.height, painted: n };
      }),
    );
    for (const c of painted) {
      expect(c.width).toBeGreaterThan(100);
      expect(c.painted).toBeGreaterThan(500);
    }
    await expect.poll(() => page.getByText(adminText.dashboard.figures.residents).count()).toBe(1);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: join('test-results', 'admin-dashboard.png'), fullPage: true });
    expect(consoleErrors).toEqual([]);
  });

  it('draws the domains\' panels from the demo data (screenshot: test-results/admin-dashboard-domains.png)', async () => {
    await t.dispose();
    t = await startConsoleApp({ domains: [...DOMAINS], env: { DEMO_DATA: 'true' }, modules: [domainStatsModule] });
    await t.staff('wang', 'admin');
    await logIn('wang');
    await expect.poll(() => page.locator('body').getAttribute('data-charts')).toBe('10');
    expect(await page.locator('canvas[data-chart-error]').count()).toBe(0);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: join('test-results', 'admin-dashboard-domains.png'), fullPage: true });
    expect(consoleErrors).toEqual([]);
  });

  it('locks the account after repeated wrong passwords', async () => {
    await t.staff('admin', 'admin');
    for (let i = 0; i < 2; i++) {
      await logIn('admin', `wrong-${i}-password`);
      await expect.poll(() => page.getByText(adminText.login.failed).count()).toBe(1);
    }
    await logIn('admin', 'wrong-2-password');
    await expect.poll(() => page.getByText(adminText.login.locked(15)).count()).toBe(1);
    await logIn('admin', PASSWORD);
    await expect.poll(() => page.getByText(adminText.login.locked(15)).count()).toBe(1);
    expect(new URL(page.url()).pathname).toBe('/admin/login');
  });

  it('shows hub staff a 403 page on an admin page', async () => {
    await t.staff('hub', 'hub_staff');
    await logIn('hub');
    expect(new URL(page.url()).pathname).toBe('/admin');
    const res = await page.goto(t.url('/admin/audit'));
    expect(res!.status()).toBe(403);
    await expect.poll(() => page.getByText(adminText.errors.forbidden).count()).toBe(1);
  });

  it("renders a resident's <script> and <img onerror> as inert text", async () => {
    await t.staff('admin', 'admin');
    const script = '<script>alert(1)</script>';
    const img = '<img src=x onerror=alert(1)>';
    await t.app.say('zhang', `我要人工 ${img}`);
    const resident = await t.app.db.prisma.resident.findFirstOrThrow();
    await t.app.db.prisma.feedback.create({ data: { residentId: resident.id, topic: '建议', content: `${script} 路灯 ${img}`, createdAt: new Date() } });
    await logIn('admin');
    await page.goto(t.url('/admin/feedback'));
    await expect.poll(() => page.locator('td.text').first().textContent()).toBe(`${script} 路灯 ${img}`);
    await page.goto(t.url('/admin/handoffs'));
    await expect.poll(() => page.locator('td.text').first().textContent()).toBe(`我要人工 ${img}`);
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.locator('main script').count()).toBe(0);
    await page.waitForTimeout(200); // give a payload that did get through the chance to fire
    expect(dialogs).toEqual([]);
  });

  it("sends a staff reply from the console to the resident's HTTP inbox", async () => {
    await t.staff('admin', 'admin');
    await t.app.say('zhang', '我要人工，低保怎么申请');
    await logIn('admin');
    await page.goto(t.url('/admin/handoffs'));
    const row = page.locator('tr', { hasText: '低保怎么申请' });
    await row.getByPlaceholder(adminText.desk.replyPlaceholder).fill('请带户口本到便民服务中心窗口申请。');
    await row.getByRole('button', { name: adminText.desk.reply }).click();
    await expect.poll(() => page.getByText(adminText.desk.notices.replied).count()).toBe(1);
    const inbox = await t.app.inbox('zhang');
    expect(inbox.map((m) => m.text)).toEqual([adminText.desk.replyToResident('请带户口本到便民服务中心窗口申请。')]);
    await page.locator('tr', { hasText: '低保怎么申请' }).getByRole('button', { name: adminText.desk.markAnswered }).click();
    await expect.poll(() => page.getByText(adminText.desk.notices.answered).count()).toBe(1);
    expect((await t.app.db.prisma.handoffRequest.findFirstOrThrow()).status).toBe('answered');
  });
});
