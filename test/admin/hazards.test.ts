/**
 * The console's 随手拍 pages over plain HTTP: who sees which cases (admin everything, a grid
 * worker their grid, hub staff nothing), CSRF on every transition, a transition telling the
 * reporter's chat exactly what a chat action would and leaving a timeline entry and an audit
 * row, bad input changing nothing, the queue's filters and pages, and the photo route
 * refusing other grids' photos and path tricks.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { deflateSync, crc32 } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { hazardsModule } from '../../src/admin/modules/hazards/index.js';
import { hazardConsoleText as ht } from '../../src/admin/modules/hazards/text.js';
import { adminText } from '../../src/admin/text.js';
import { saveAttachment } from '../../src/channels/attachments.js';
import { registerHazards, type HazardsKit } from '../../src/domains/hazards/index.js';
import type { ReportPhoto } from '../../src/domains/hazards/service.js';
import { hazardsText } from '../../src/domains/hazards/text.js';
import { PASSWORD, startConsoleApp, type ConsoleClient, type ConsoleTestApp } from './helpers.js';

let t: ConsoleTestApp;
let kit: HazardsKit;
afterEach(async () => {
  await t?.dispose();
});

/** The app with the hazard domain, and the console with the hazards module sharing its services. */
async function start(): Promise<void> {
  t = await startConsoleApp({
    domains: [
      async (deps) => {
        kit = await registerHazards(deps);
      },
    ],
    modules: [(ctx) => hazardsModule(ctx, kit)],
  });
}

/** A resident chatting over HTTP (user id → resident id). */
async function resident(userId: string, name?: string): Promise<number> {
  await t.app.say(userId, '你好');
  const identity = await t.app.db.prisma.channelIdentity.findFirstOrThrow({ where: { channel: 'http', externalId: userId } });
  if (name) await t.app.db.prisma.resident.update({ where: { id: identity.residentId }, data: { displayName: name } });
  await t.app.inbox(userId);
  return identity.residentId;
}

/** File a report through the domain service (as the chat form would). */
async function report(
  residentId: number | null,
  extra: { placeId?: string | null; description?: string; anonymous?: boolean; urgent?: boolean; category?: 'ebike_charging' | 'roads_facilities'; photos?: ReportPhoto[]; at?: Date } = {},
): Promise<string> {
  const { report } = await kit.reports.submit({
    residentId,
    source: 'chat',
    anonymous: extra.anonymous ?? false,
    category: extra.category ?? 'ebike_charging',
    description: extra.description ?? '3号楼楼道里有人飞线给电瓶车充电',
    placeId: extra.placeId === undefined ? 'wuhu' : extra.placeId,
    address: '3组12号',
    urgentKind: extra.urgent ? 'fire' : null,
    photos: extra.photos ?? [],
    at: extra.at ?? new Date(),
  });
  return report.code;
}

async function login(username: string, role: 'admin' | 'grid_worker' | 'hub_staff', gridId?: string): Promise<ConsoleClient> {
  await t.staff(username, role, gridId ? { gridId } : {});
  const client = t.client();
  await client.login(username, PASSWORD);
  return client;
}

const statusOf = async (code: string) => (await t.app.db.prisma.hazardReport.findUniqueOrThrow({ where: { code } })).status;
const auditOf = (code: string) => t.app.db.prisma.auditLog.findMany({ where: { entity: 'hazard_report', entityId: code }, orderBy: { id: 'asc' } });
const inboxTexts = async (userId: string) => (await t.app.inbox(userId)).map((m: { text: string }) => m.text);

/** A small real PNG (a colour gradient). */
function png(width = 8, height = 8): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) rows.set([(x * 255) / width, (y * 255) / height, 160], y * (width * 3 + 1) + 1 + x * 3);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

describe('who sees which cases', () => {
  it('admin sees every grid; a grid worker only theirs (403 elsewhere); hub staff nothing; logged out goes to login', async () => {
    await start();
    const zhang = await resident('zhang');
    const wuhu = await report(zhang, { description: '五湖村楼道飞线充电' });
    const meijia = await report(zhang, { placeId: 'meijia', description: '梅家村路口井盖缺了' });

    const admin = await login('wang', 'admin');
    const all = await admin.get('/admin/hazards');
    expect(all.status).toBe(200);
    expect(all.text).toContain(`#${wuhu}`);
    expect(all.text).toContain(`#${meijia}`);
    expect((await admin.get(`/admin/hazards/${meijia}`)).status).toBe(200);

    const worker = await login('li', 'grid_worker', 'wuhu-1');
    const mine = await worker.get('/admin/hazards');
    expect(mine.text).toContain(`#${wuhu}`);
    expect(mine.text).not.toContain(`#${meijia}`);
    // Asking for another grid in the filter shows nothing rather than that grid's cases.
    expect((await worker.get('/admin/hazards?grid=meijia-1')).text).not.toContain(`#${meijia}`);
    expect((await worker.get(`/admin/hazards/${wuhu}`)).status).toBe(200);
    const other = await worker.get(`/admin/hazards/${meijia}`);
    expect(other.status).toBe(403);
    expect(other.text).toContain(adminText.errors.forbidden);
    expect(other.text).not.toContain('井盖');
    const refused = await worker.post(`/admin/hazards/${meijia}/acknowledge`, { _csrf: await worker.csrf() });
    expect(refused.status).toBe(403);
    expect(await statusOf(meijia)).toBe('submitted');

    // The duty desk takes what grids leave: its workers see every grid, as in chat.
    const desk = await login('mao', 'grid_worker', 'duty-desk');
    expect((await desk.get('/admin/hazards')).text).toContain(`#${meijia}`);

    const hub = await login('hub', 'hub_staff');
    for (const path of ['/admin/hazards', `/admin/hazards/${wuhu}`]) expect((await hub.get(path)).status).toBe(403);
    expect((await hub.post(`/admin/hazards/${wuhu}/acknowledge`, { _csrf: await hub.csrf() })).status).toBe(403);
    expect((await hub.get('/admin')).text).not.toContain(`href="/admin/hazards"`);
    expect(all.text).toContain(`href="/admin/hazards"`);

    const anonymous = t.client();
    const away = await anonymous.get(`/admin/hazards/${wuhu}`);
    expect(away.status).toBe(303);
    expect(away.headers.get('location')).toBe(`/admin/login?next=${encodeURIComponent(`/admin/hazards/${wuhu}`)}`);
    expect(await statusOf(wuhu)).toBe('submitted');
    expect(await inboxTexts('zhang')).toEqual([]);
  });

  it('an unknown case code is a 404, as is an unknown action', async () => {
    await start();
    const code = await report(await resident('zhang'));
    const admin = await login('wang', 'admin');
    expect((await admin.get('/admin/hazards/ZZZZZ')).status).toBe(404);
    expect((await admin.get('/admin/hazards/not-a-code')).status).toBe(404);
    expect((await admin.post(`/admin/hazards/${code}/delete`, { _csrf: await admin.csrf() })).status).toBe(404);
    expect((await admin.post('/admin/hazards/ZZZZZ/acknowledge', { _csrf: await admin.csrf() })).status).toBe(404);
  });
});

describe('transitions', () => {
  it("resolving tells the reporter's chat exactly what a chat action would, with a timeline entry and an audit row", async () => {
    await start();
    const zhang = await resident('zhang');
    const code = await report(zhang);
    const admin = await login('wang', 'admin');
    const note = '已拆除飞线，电瓶车移到集中充电棚';
    const res = await admin.post(`/admin/hazards/${code}/resolve`, { _csrf: await admin.csrf(`/admin/hazards/${code}`), note });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/hazards/${code}?notice=resolve`);
    expect(await inboxTexts('zhang')).toEqual([hazardsText.reporter.resolve(code, note)]);

    const row = await t.app.db.prisma.hazardReport.findUniqueOrThrow({ where: { code } });
    expect(row.status).toBe('resolved');
    expect(row.statusNote).toBe(note);
    expect(row.closedAt).not.toBeNull();
    const audit = await auditOf(code);
    expect(audit.map((a) => [a.actor, a.action])).toEqual([
      [`resident:${zhang}`, 'hazard.submit'],
      ['console:wang', 'hazard.resolve'],
    ]);
    expect(JSON.parse(audit[1]!.before!)).toEqual({ status: 'submitted', gridId: 'wuhu-1' });
    expect(JSON.parse(audit[1]!.after!)).toEqual({ status: 'resolved', gridId: 'wuhu-1', note });
    const steps = await kit.reports.timeline(row.id);
    expect(steps.map((s) => [s.kind, s.actor, s.note])).toEqual([
      ['submitted', `resident:${zhang}`, '五湖村第1网格'],
      ['resolved', 'console:wang', note],
    ]);

    const page = await admin.get(res.headers.get('location')!);
    expect(page.text).toContain(ht.notices.resolve);
    expect(page.text).toContain(ht.actors.console('wang'));
    expect(page.text).toContain(ht.detail.closedNoActions);
    // The reporter can rate it in chat as after a chat resolution.
    expect((await t.app.say('zhang', '评价 5')).body.replies.map((r: { text: string }) => r.text)).toEqual([hazardsText.rating.thanks(code, 5)]);
  });

  it('a grid worker acknowledges, starts and rejects cases of their grid; the reporter hears each step', async () => {
    await start();
    const zhang = await resident('zhang');
    const code = await report(zhang);
    const worker = await login('li', 'grid_worker', 'wuhu-1');
    const detail = `/admin/hazards/${code}`;
    await worker.post(`${detail}/acknowledge`, { _csrf: await worker.csrf(detail) });
    await worker.post(`${detail}/start`, { _csrf: await worker.csrf(detail) });
    await worker.post(`${detail}/reject`, { _csrf: await worker.csrf(detail), note: '属于物业管理范围，已转告物业' });
    expect(await inboxTexts('zhang')).toEqual([
      hazardsText.reporter.acknowledge(code, '五湖村第1网格'),
      hazardsText.reporter.start(code),
      hazardsText.reporter.reject(code, '属于物业管理范围，已转告物业'),
    ]);
    expect((await auditOf(code)).map((a) => [a.actor, a.action])).toEqual([
      [`resident:${zhang}`, 'hazard.submit'],
      ['console:li', 'hazard.acknowledge'],
      ['console:li', 'hazard.start'],
      ['console:li', 'hazard.reject'],
    ]);
  });

  it("a transfer tells the reporter and the new grid's bound worker in chat; the old grid's worker loses the case", async () => {
    await start();
    const zhang = await resident('zhang', '张建国');
    const code = await report(zhang);
    // A 梅家村 worker bound to their chat the usual way.
    const meijiaWorker = await kit.staff.workerByKey('meijia-1-leader');
    const { code: bindCode } = await kit.staff.issueStaffBindCode(meijiaWorker!.id, new Date());
    await t.app.say('w-meijia', `绑定 ${bindCode}`);
    await t.app.inbox('w-meijia');

    const worker = await login('li', 'grid_worker', 'wuhu-1');
    const detail = `/admin/hazards/${code}`;
    const res = await worker.post(`${detail}/transfer`, { _csrf: await worker.csrf(detail), grid: 'meijia-1' });
    expect(res.headers.get('location')).toBe(`${detail}?notice=transfer`);
    expect(await inboxTexts('zhang')).toEqual([hazardsText.reporter.transfer(code, '梅家村第1网格')]);
    const staffTexts = await inboxTexts('w-meijia');
    expect(staffTexts).toHaveLength(1);
    expect(staffTexts[0]).toContain(`【随手拍 #${code}】`);
    expect(staffTexts[0]).toContain('由「五湖村第1网格」转派');
    expect(staffTexts[0]).toContain('张建国');
    expect((await t.app.db.prisma.hazardReport.findUniqueOrThrow({ where: { code } })).gridId).toBe('meijia-1');
    expect((await worker.get(detail)).status).toBe(403);
  });

  it('refuses without the CSRF token or with a wrong one, and nothing changes', async () => {
    await start();
    const code = await report(await resident('zhang'));
    const admin = await login('wang', 'admin');
    const missing = await admin.post(`/admin/hazards/${code}/resolve`, { note: '已处理' });
    expect(missing.status).toBe(403);
    expect(missing.text).toContain(adminText.errors.csrf);
    const wrong = await admin.post(`/admin/hazards/${code}/resolve`, { _csrf: 'x'.repeat(43), note: '已处理' });
    expect(wrong.status).toBe(403);
    expect(await statusOf(code)).toBe('submitted');
    expect((await auditOf(code)).map((a) => a.action)).toEqual(['hazard.submit']);
    expect(await inboxTexts('zhang')).toEqual([]);
  });

  it('bad input is refused with a notice and changes nothing', async () => {
    await start();
    const zhang = await resident('zhang');
    const code = await report(zhang);
    const admin = await login('wang', 'admin');
    const detail = `/admin/hazards/${code}`;
    const post = async (action: string, form: Record<string, string> = {}) =>
      (await admin.post(`${detail}/${action}`, { _csrf: await admin.csrf(detail), ...form })).headers.get('location');
    expect(await post('resolve', { note: '   ' })).toBe(`${detail}?notice=noteRequired`);
    expect(await post('resolve', { note: '好'.repeat(501) })).toBe(`${detail}?notice=noteTooLong`);
    expect(await post('reject')).toBe(`${detail}?notice=noteRequired`);
    expect(await post('transfer', { grid: '' })).toBe(`${detail}?notice=noteRequired`);
    expect(await post('transfer', { grid: 'atlantis-1' })).toBe(`${detail}?notice=unknownGrid`);
    expect(await post('transfer', { grid: 'wuhu-1' })).toBe(`${detail}?notice=sameGrid`);
    expect(await post('duplicate', { of: 'ZZZZZ' })).toBe(`${detail}?notice=duplicateMissing`);
    expect(await post('duplicate', { of: code })).toBe(`${detail}?notice=duplicateMissing`);
    expect((await admin.get(`${detail}?notice=noteTooLong`)).text).toContain(ht.notices.noteTooLong(500));
    // ?notice= only picks a known message: text in the query never reaches the page.
    expect((await admin.get(`${detail}?notice=%3Cb%3Ehi`)).text).not.toContain('<b>hi');
    expect(await statusOf(code)).toBe('submitted');
    expect((await auditOf(code)).map((a) => a.action)).toEqual(['hazard.submit']);
    expect(await inboxTexts('zhang')).toEqual([]);

    // Acting twice: the second time says so and changes nothing.
    expect(await post('acknowledge')).toBe(`${detail}?notice=acknowledge`);
    expect(await post('acknowledge')).toBe(`${detail}?notice=already`);
    expect(await post('resolve', { note: '已处理' })).toBe(`${detail}?notice=resolve`);
    expect(await post('start')).toBe(`${detail}?notice=closed`);
    expect((await auditOf(code)).map((a) => a.action)).toEqual(['hazard.submit', 'hazard.acknowledge', 'hazard.resolve']);
    expect(await inboxTexts('zhang')).toHaveLength(2);
  });

  it('marks a case as a duplicate of another and tells the reporter which', async () => {
    await start();
    const zhang = await resident('zhang');
    const first = await report(zhang, { description: '村口路灯不亮了' });
    const second = await report(zhang, { description: '村口那盏路灯晚上一直不亮' });
    const admin = await login('wang', 'admin');
    const detail = `/admin/hazards/${second}`;
    await admin.post(`${detail}/duplicate`, { _csrf: await admin.csrf(detail), of: `#${first.toLowerCase()}` });
    expect(await statusOf(second)).toBe('duplicate');
    expect(await inboxTexts('zhang')).toEqual([hazardsText.reporter.duplicate(second, first)]);
    expect((await admin.get(detail)).text).toContain(`href="/admin/hazards/${first}"`);
  });
});

describe('the queue and the detail page', () => {
  it('filters by status, category, grid and urgent, orders newest or oldest, 25 a page', async () => {
    await start();
    const zhang = await resident('zhang');
    const base = Date.now() - 40 * 60_000;
    const codes: string[] = [];
    for (let i = 0; i < 30; i++) {
      codes.push(
        await report(zhang, {
          description: `第${i}号：路面有个大坑`,
          category: i % 3 === 0 ? 'roads_facilities' : 'ebike_charging',
          placeId: i % 2 ? 'meijia' : 'wuhu',
          urgent: i === 7,
          at: new Date(base + i * 60_000),
        }),
      );
    }
    const admin = await login('wang', 'admin');
    // The case codes of a page's rows, in the order shown.
    const shown = (text: string) => [...text.matchAll(/<tr data-code="([A-Z0-9]{5})"/g)].map((m) => m[1]);
    const first = await admin.get('/admin/hazards');
    expect(first.text).toContain(ht.page(1, 2, 30));
    expect(shown(first.text)).toEqual(codes.slice(5).reverse());
    expect(shown((await admin.get('/admin/hazards?page=2')).text)).toEqual(codes.slice(0, 5).reverse());
    expect(shown((await admin.get('/admin/hazards?order=oldest')).text)).toEqual(codes.slice(0, 25));
    expect(shown((await admin.get('/admin/hazards?urgent=1')).text)).toEqual([codes[7]]);
    expect(shown((await admin.get('/admin/hazards?category=roads_facilities&grid=meijia-1')).text)).toEqual(
      codes.filter((_, i) => i % 3 === 0 && i % 2 === 1).reverse(),
    );
    await kit.lifecycle.act({ code: codes[0]!, action: 'resolve', actor: { kind: 'console', username: 'wang', role: 'admin', gridId: null }, note: '已修', at: new Date() });
    expect(shown((await admin.get('/admin/hazards?status=closed')).text)).toEqual([codes[0]]);
    expect(shown((await admin.get('/admin/hazards?status=resolved')).text)).toEqual([codes[0]]);
    expect(shown((await admin.get('/admin/hazards?status=open&order=oldest')).text)[0]).toBe(codes[1]);
    // Unknown filter values fall back to the defaults instead of failing.
    expect((await admin.get('/admin/hazards?status=nope&category=%3Cx%3E&grid=..&page=-3')).status).toBe(200);
  });

  it("shows the reporter masked or anonymous and never a phone; escapes everything residents typed", async () => {
    await start();
    const zhang = await resident('zhang', '张建国');
    const named = await report(zhang, { description: '楼道堆满杂物，有事打我电话13812345678' });
    const hidden = await report(zhang, { description: '有人在河边倒垃圾', anonymous: true });
    const script = '<script>alert(1)</script>';
    const img = '<img src=x onerror=alert(1)>';
    const evil = await report(zhang, { description: `${script} 路灯坏了 ${img}` });
    const admin = await login('wang', 'admin');

    const one = await admin.get(`/admin/hazards/${named}`);
    expect(one.text).toContain('张**');
    expect(one.text).not.toContain('张建国');
    expect(one.text).not.toContain('13812345678');
    expect(one.text).toContain('138****5678');
    const two = await admin.get(`/admin/hazards/${hidden}`);
    expect(two.text).toContain(`<dt>${ht.detail.reporter}</dt><dd>${ht.reporter.anonymous}</dd>`);
    expect(two.text).not.toContain('张');

    for (const path of ['/admin/hazards', `/admin/hazards/${evil}`]) {
      const page = await admin.get(path);
      expect(page.text).not.toContain(script);
      expect(page.text).not.toContain(img);
      expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(page.text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    }
  });
});

describe('photos', () => {
  it('serves a photo of a case with its content type to those who may see the case, nothing else', async () => {
    await start();
    const zhang = await resident('zhang');
    const bytes = png();
    const saved = await saveAttachment({ dataDir: t.app.config.DATA_DIR, bytes, maxBytes: 5_000_000 });
    const photo = { path: saved.path, sha256: saved.sha256, mime: 'image/jpeg' };
    const code = await report(zhang, { photos: [photo] });
    const name = saved.path.split(/[\\/]/).pop()!;
    const url = `/admin/files/hazards/${code}/${name}`;

    const admin = await login('wang', 'admin');
    const detail = await admin.get(`/admin/hazards/${code}`);
    expect(detail.text).toContain(`<img src="${url}"`);
    const res = await fetch(t.url(url), { headers: { cookie: `linli_admin=${admin.cookies.get('linli_admin')}` } });
    expect(res.status).toBe(200);
    // The type comes from the bytes, not from what the channel claimed.
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);

    const own = await login('li', 'grid_worker', 'wuhu-1');
    expect((await own.get(url)).status).toBe(200);
    const other = await login('zhao', 'grid_worker', 'meijia-1');
    expect((await other.get(url)).status).toBe(403);
    const hub = await login('hub', 'hub_staff');
    expect((await hub.get(url)).status).toBe(403);
    expect((await t.client().get(url)).status).toBe(303);

    // Another case's route does not serve this case's photo.
    const plain = await report(zhang, { description: '没有照片的一条' });
    expect((await admin.get(`/admin/files/hazards/${plain}/${name}`)).status).toBe(404);
  });

  it('refuses path tricks: ../ in the name, stored paths outside DATA_DIR/attachments, symlinks, non-images', async () => {
    await start();
    const zhang = await resident('zhang');
    const dataDir = t.app.config.DATA_DIR;
    const key = join(dataDir, 'pii.key'); // exists: the app generated it
    const attachments = join(dataDir, 'attachments', 'ab');
    mkdirSync(attachments, { recursive: true });
    // An image outside attachments: refused for where it is, not for what it is.
    const outside = join(dataDir, 'outside.png');
    writeFileSync(outside, png());
    symlinkSync(key, join(attachments, 'link.png'));
    symlinkSync(outside, join(attachments, 'link2.png'));
    writeFileSync(join(attachments, 'notes.png'), 'not an image at all');
    const rel = (p: string) => relative(process.cwd(), p);
    const sha = 'a'.repeat(64);
    // At most three photos a report: the tricks are spread over two.
    const stored = await report(zhang, {
      photos: [
        { path: rel(join(dataDir, 'attachments', '..', 'pii.key')), sha256: sha },
        { path: `${rel(join(dataDir, 'attachments'))}/../outside.png`, sha256: sha },
        { path: rel(join(attachments, 'notes.png')), sha256: sha },
      ],
    });
    const linked = await report(zhang, {
      description: '楼道电线乱拉',
      photos: [
        { path: rel(join(attachments, 'link.png')), sha256: sha },
        { path: rel(join(attachments, 'link2.png')), sha256: sha },
      ],
    });
    const admin = await login('wang', 'admin');
    for (const [code, name] of [
      [stored, 'pii.key'],
      [stored, 'outside.png'],
      [stored, 'notes.png'],
      [linked, 'link.png'],
      [linked, 'link2.png'],
      ...['..%2F..%2Fpii.key', '..%2Fpii.key', '%2E%2E', 'linli.db', '.hidden'].map((n) => [stored, n]),
    ]) {
      const res = await admin.get(`/admin/files/hazards/${code}/${name}`);
      expect(res.status, name).toBe(404);
      expect(res.headers.get('content-type'), name).toMatch(/^text\/html/);
    }
    // The URL parser folds this to /admin/files/pii.key: no route.
    expect((await admin.get(`/admin/files/hazards/${stored}/../../pii.key`)).status).toBe(404);
  });
});
