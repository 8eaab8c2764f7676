/**
 * The console's 随手拍 pages in a real browser (headless Debian Chromium): an admin works a
 * case from the queue to 办结 and the reporter's chat receives each step (screenshot of the
 * detail page: test-results/admin-hazard-detail.png); a grid worker gets 403 on another
 * grid's case and its photo; a description with <script> and <img onerror> renders inert.
 * The queue is saved as test-results/admin-hazard-queue.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hazardsModule } from '../../../src/admin/modules/hazards/index.js';
import { hazardConsoleText as ht } from '../../../src/admin/modules/hazards/text.js';
import { adminText } from '../../../src/admin/text.js';
import { saveAttachment } from '../../../src/channels/attachments.js';
import { registerHazards, type HazardsKit } from '../../../src/domains/hazards/index.js';
import type { ReportPhoto } from '../../../src/domains/hazards/service.js';
import { hazardsText } from '../../../src/domains/hazards/text.js';
import { PASSWORD, startConsoleApp, type ConsoleTestApp } from '../helpers.js';
import { launchChromium } from './chromium.js';

let browser: Awaited<ReturnType<typeof launchChromium>>;
let context: BrowserContext;
let t: ConsoleTestApp;
let kit: HazardsKit;
let page: Page;
/** Dialogs any page opened: an XSS payload that ran would show here. */
let dialogs: string[];
let consoleErrors: string[];

beforeAll(async () => {
  browser = await launchChromium();
  context = browser.context;
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  // The module as app.ts wires it (it builds its own hazard services); the domain's kit
  // is kept only to file reports the way the chat form does.
  t = await startConsoleApp({
    domains: [
      async (deps) => {
        kit = await registerHazards(deps);
      },
    ],
    modules: [hazardsModule],
  });
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

async function logIn(username: string): Promise<void> {
  await page.goto(t.url('/admin/login'));
  await page.getByLabel(adminText.login.username).fill(username);
  await page.getByLabel(adminText.login.password).fill(PASSWORD);
  await page.getByRole('button', { name: adminText.login.submit }).click();
  await page.waitForLoadState('domcontentloaded');
}

async function resident(userId: string, name: string): Promise<number> {
  await t.app.say(userId, '你好');
  const identity = await t.app.db.prisma.channelIdentity.findFirstOrThrow({ where: { channel: 'http', externalId: userId } });
  await t.app.db.prisma.resident.update({ where: { id: identity.residentId }, data: { displayName: name } });
  await t.app.inbox(userId);
  return identity.residentId;
}

async function report(residentId: number, description: string, extra: { placeId?: string; photos?: ReportPhoto[]; urgent?: boolean } = {}): Promise<string> {
  const { report } = await kit.reports.submit({
    residentId,
    source: 'chat',
    anonymous: false,
    category: 'ebike_charging',
    description,
    placeId: extra.placeId ?? 'wuhu',
    address: '3组12号',
    urgentKind: extra.urgent ? 'fire' : null,
    photos: extra.photos ?? [],
    at: new Date(),
  });
  return report.code;
}

/** A real PNG: a gradient in the given tint, so the photos are visible in the screenshot. */
function png(width: number, height: number, tint: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const stride = width * 3 + 1;
  const rows = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const k = 0.4 + (0.6 * (x + y)) / (width + height);
      rows.set(tint.map((c) => Math.round(c * k)), y * stride + 1 + x * 3);
    }
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

async function photo(tint: [number, number, number]): Promise<ReportPhoto> {
  const saved = await saveAttachment({ dataDir: t.app.config.DATA_DIR, bytes: png(320, 240, tint), maxBytes: 5_000_000 });
  return { path: saved.path, sha256: saved.sha256, ...(saved.mime ? { mime: saved.mime } : {}) };
}

describe('随手拍 in the console (Chromium)', () => {
  it("an admin works a case to 办结 and the reporter's chat gets each step (screenshot: test-results/admin-hazard-detail.png)", async () => {
    await t.staff('wang', 'admin');
    const zhang = await resident('zhang', '张建国');
    await report(zhang, '村口路灯不亮好几天了', { placeId: 'meijia' });
    const code = await report(zhang, '五湖村3组12号楼道里有人飞线给电瓶车充电，电线从二楼窗户拉下来，晚上一直在充，怕着火', {
      photos: [await photo([224, 120, 60]), await photo([60, 130, 210])],
    });
    await logIn('wang');
    await page.getByRole('link', { name: ht.nav }).click();
    await expect.poll(() => page.locator('tr[data-code]').count()).toBe(2);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: join('test-results', 'admin-hazard-queue.png'), fullPage: true });
    await page.getByRole('link', { name: `#${code}` }).click();
    expect(new URL(page.url()).pathname).toBe(`/admin/hazards/${code}`);

    // Both photos come through the authenticated file route and are real images.
    const photos = page.locator('.hz-photos img');
    await expect.poll(() => photos.count()).toBe(2);
    await expect
      .poll(() => photos.evaluateAll((els) => els.map((el) => (el as unknown as { complete: boolean; naturalWidth: number }).naturalWidth)))
      .toEqual([320, 320]);

    await page.getByRole('button', { name: ht.actions.acknowledge, exact: true }).click();
    await expect.poll(() => page.getByText(ht.notices.acknowledge).count()).toBe(1);
    expect(await t.app.inbox('zhang').then((m) => m.map((x: { text: string }) => x.text))).toEqual([hazardsText.reporter.acknowledge(code, '五湖村第1网格')]);
    await expect.poll(() => page.locator('.hz-timeline tbody tr').count()).toBe(2);
    await page.screenshot({ path: join('test-results', 'admin-hazard-detail.png'), fullPage: true });

    const note = '已拆除飞线，电瓶车移到小区集中充电棚，已提醒住户';
    await page.getByLabel(ht.actions.resolveNote).fill(note);
    await page.getByRole('button', { name: ht.actions.resolve, exact: true }).click();
    await expect.poll(() => page.getByText(ht.notices.resolve).count()).toBe(1);
    await expect.poll(() => page.getByText(ht.detail.closedNoActions).count()).toBe(1);
    const inbox = (await t.app.inbox('zhang')).map((m: { text: string }) => m.text);
    expect(inbox).toEqual([hazardsText.reporter.resolve(code, note)]);
    const audit = await t.app.db.prisma.auditLog.findMany({ where: { entityId: code }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.actor, a.action])).toEqual([
      [`resident:${zhang}`, 'hazard.submit'],
      ['console:wang', 'hazard.acknowledge'],
      ['console:wang', 'hazard.resolve'],
    ]);
    expect(consoleErrors).toEqual([]);
  });

  it("a grid worker gets 403 on another grid's case and its photo", async () => {
    await t.staff('li', 'grid_worker', { gridId: 'wuhu-1' });
    const zhang = await resident('zhang', '张建国');
    const mine = await report(zhang, '五湖村楼道堆满纸箱');
    const theirs = await report(zhang, '梅家村河边有人倒垃圾', { placeId: 'meijia', photos: [await photo([90, 160, 90])] });
    await logIn('li');
    await page.goto(t.url('/admin/hazards'));
    await expect.poll(() => page.getByRole('link', { name: `#${mine}` }).count()).toBe(1);
    expect(await page.getByRole('link', { name: `#${theirs}` }).count()).toBe(0);

    const res = await page.goto(t.url(`/admin/hazards/${theirs}`));
    expect(res!.status()).toBe(403);
    await expect.poll(() => page.getByText(adminText.errors.forbidden).count()).toBe(1);
    expect(await page.getByText('倒垃圾').count()).toBe(0);
    const name = (await t.app.db.prisma.hazardReport.findUniqueOrThrow({ where: { code: theirs } })).photos.match(/([0-9a-f]{64}\.png)/)![1];
    const file = await page.goto(t.url(`/admin/files/hazards/${theirs}/${name}`));
    expect(file!.status()).toBe(403);
    expect(await t.app.db.prisma.hazardReport.count({ where: { status: 'submitted' } })).toBe(2);
  });

  it('a description with <script> and <img onerror> renders inert in the queue and the detail', async () => {
    await t.staff('wang', 'admin');
    const zhang = await resident('zhang', '<b>张</b>');
    const script = '<script>alert(1)</script>';
    const img = '<img src=x onerror=alert(1)>';
    const description = `${script}飞线充电${img}`; // under the queue's 60-character summary
    const code = await report(zhang, description);
    await logIn('wang');

    await page.goto(t.url('/admin/hazards'));
    await expect.poll(() => page.locator(`tr[data-code="${code}"] td.text`).textContent()).toBe(description);
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.locator('main script').count()).toBe(0);

    await page.goto(t.url(`/admin/hazards/${code}`));
    await expect.poll(() => page.locator('.hz-description').textContent()).toBe(description);
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.locator('main script').count()).toBe(0);
    expect(await page.locator('main b').count()).toBe(0);
    await page.waitForTimeout(200); // give a payload that did get through the chance to fire
    expect(dialogs).toEqual([]);
  });
});
