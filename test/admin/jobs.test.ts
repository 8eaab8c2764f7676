/**
 * Job postings in the console: import by pasting CSV (the report names each rejected row's
 * line and reason), the filtered list, status and valid-until changes with audit rows, CSRF
 * refusal, and roles — hub staff see jobs and nothing of the other domains' pages.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { eventsModule } from '../../src/admin/modules/events/index.js';
import { insuranceModule } from '../../src/admin/modules/insurance/index.js';
import { jobsModule } from '../../src/admin/modules/jobs/index.js';
import { jobsAdminText } from '../../src/admin/modules/jobs/text.js';
import { JobsService } from '../../src/domains/jobs/service.js';
import { jobsText } from '../../src/domains/jobs/text.js';
import { PASSWORD, startConsoleApp, testClock, type ConsoleClient, type ConsoleTestApp } from './helpers.js';

let t: ConsoleTestApp;
const clock = testClock(new Date('2026-11-30T02:00:00Z'));
afterEach(async () => {
  await t?.dispose();
});

const HEADER = '岗位编号,用工单位,岗位名称,类别,村社,薪资,计薪方式,招聘人数,发布日期,有效期至,状态';
const CSV = [
  HEADER,
  'JH-1,安居农贸市场,市场日结保洁,保洁,五湖村,150,天,2,2026-11-28,2026-12-31,招聘中',
  'JH-2,衢州恒力包装有限公司,叉车司机,叉车,双西港社区,6000,月,2,2026-11-28,2026-12-31,招聘中',
  'JH-3,某公司,算命先生,算命,五湖村,100,天,1,2026-11-28,2026-12-31,招聘中',
  'JH-1,安居农贸市场,重复的一行,保洁,五湖村,150,天,2,2026-11-28,2026-12-31,招聘中',
].join('\n');

async function start(): Promise<void> {
  t = await startConsoleApp({ clock: () => clock.now, modules: [jobsModule, insuranceModule, eventsModule] });
}

async function hub(): Promise<ConsoleClient> {
  await t.staff('hub', 'hub_staff');
  const client = t.client();
  await client.login('hub', PASSWORD);
  return client;
}

describe('job postings', () => {
  it('imports pasted CSV, reporting rejected rows with line and reason, with an audit row', async () => {
    await start();
    const client = await hub();
    const res = await client.post('/admin/jobs/import', { _csrf: await client.csrf('/admin/jobs/import'), csv: CSV });
    expect(res.status).toBe(200);
    expect(res.text).toContain(jobsAdminText.import.summary(2, 0, 2));
    expect(res.text).toContain(`<tr><td>4</td><td>JH-3</td><td>${jobsText.importErrors.category}</td></tr>`);
    expect(res.text).toContain(`<tr><td>5</td><td>JH-1</td><td>${jobsText.importErrors.duplicate(2)}</td></tr>`);
    expect(await t.app.db.prisma.jobPosting.count()).toBe(2);
    const audit = await t.app.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'jobs.import' } });
    expect(audit.actor).toBe('console:hub');
    expect(JSON.parse(audit.after!)).toMatchObject({ source: 'console', created: 2, updated: 0, rejected: 2 });

    // The same paste again updates instead of duplicating.
    const again = await client.post('/admin/jobs/import', { _csrf: await client.csrf('/admin/jobs/import'), csv: CSV });
    expect(again.text).toContain(jobsAdminText.import.summary(0, 2, 2));
    expect(await t.app.db.prisma.jobPosting.count()).toBe(2);

    const empty = await client.post('/admin/jobs/import', { _csrf: await client.csrf('/admin/jobs/import'), csv: '  ' });
    expect(empty.status).toBe(422);
    expect(empty.text).toContain(jobsAdminText.import.empty);
  });

  it('lists postings with filters and changes status and valid-until through an audited edit', async () => {
    await start();
    await new JobsService(t.app.db.prisma).importPostings(
      CSV.split('\n').slice(1, 3).map((line, i) => ({ line: i + 2, record: Object.fromEntries(HEADER.split(',').map((h, j) => [h, line.split(',')[j]])) })),
      clock.now,
    );
    const client = await hub();
    const all = await client.get('/admin/jobs');
    expect(all.text).toContain('市场日结保洁');
    expect(all.text).toContain('叉车司机');
    const cleaning = await client.get('/admin/jobs?category=%E4%BF%9D%E6%B4%81');
    expect(cleaning.text).toContain('市场日结保洁');
    expect(cleaning.text).not.toContain('叉车司机');

    const id = (await t.app.db.prisma.jobPosting.findUniqueOrThrow({ where: { externalId: 'JH-1' } })).id;
    const csrf = await client.csrf('/admin/jobs');
    const res = await client.post(`/admin/jobs/${id}`, { _csrf: csrf, status: 'filled', validUntil: '2027-01-15', back: 'category=保洁' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/jobs?category=${encodeURIComponent('保洁')}&notice=updated`);
    const row = await t.app.db.prisma.jobPosting.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe('filled');
    expect(row.validUntil.toISOString()).toBe('2027-01-15T15:59:59.999Z');
    // A filled posting is no longer offered to residents.
    expect((await new JobsService(t.app.db.prisma).openPostings(clock.now)).map((p) => p.externalId)).toEqual(['JH-2']);
    const audit = await t.app.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'job_posting.update' } });
    expect([audit.actor, audit.entityId]).toEqual(['console:hub', String(id)]);
    expect(JSON.parse(audit.before!)).toMatchObject({ status: 'open' });
    expect(JSON.parse(audit.after!)).toEqual({ status: 'filled', validUntil: '2027-01-15T15:59:59.999Z' });

    const bad = await client.post(`/admin/jobs/${id}`, { _csrf: csrf, status: 'hired', validUntil: '2027-01-15' });
    expect(bad.headers.get('location')).toBe('/admin/jobs?notice=badStatus');
    const badDate = await client.post(`/admin/jobs/${id}`, { _csrf: csrf, status: 'open', validUntil: '明年' });
    expect(badDate.headers.get('location')).toBe('/admin/jobs?notice=badDate');
    const forged = await client.post(`/admin/jobs/${id}`, { _csrf: 'forged', status: 'open', validUntil: '2027-01-15' });
    expect(forged.status).toBe(403);
    expect((await t.app.db.prisma.jobPosting.findUniqueOrThrow({ where: { id } })).status).toBe('filled');
    expect(await t.app.db.prisma.auditLog.count({ where: { action: 'job_posting.update' } })).toBe(1);
  });

  it('hub staff work on jobs only; grid workers get 403; admins may do everything', async () => {
    await start();
    const client = await hub();
    expect((await client.get('/admin/jobs')).status).toBe(200);
    expect((await client.get('/admin/jobs/import')).status).toBe(200);
    for (const path of ['/admin/insurance', '/admin/events', '/admin/broadcasts']) expect((await client.get(path)).status).toBe(403);
    const nav = (await client.get('/admin')).text;
    expect(nav).toContain(`<a href="/admin/jobs">${jobsAdminText.nav}</a>`);
    expect(nav).not.toContain('/admin/insurance');

    await t.staff('li', 'grid_worker', { gridId: 'wuhu-1' });
    const grid = t.client();
    await grid.login('li', PASSWORD);
    expect((await grid.get('/admin/jobs')).status).toBe(403);
    const denied = await grid.post('/admin/jobs/import', { _csrf: await grid.csrf(), csv: CSV });
    expect(denied.status).toBe(403);
    expect(await t.app.db.prisma.jobPosting.count()).toBe(0);

    await t.staff('wang', 'admin');
    const admin = t.client();
    await admin.login('wang', PASSWORD);
    expect((await admin.get('/admin/jobs')).status).toBe(200);
  });
});
