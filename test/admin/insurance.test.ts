/**
 * The enrolment review in the console: masked list with filters, an audited reveal, approve /
 * return / mark enrolled through the insurance service (the resident's chat is told, an audit
 * row is written), CSRF refusal, roles, and the enrolment-rate panel.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insuranceModule } from '../../src/admin/modules/insurance/index.js';
import { insuranceAdminText } from '../../src/admin/modules/insurance/text.js';
import { adminText } from '../../src/admin/text.js';
import { loadPolicy } from '../../src/domains/insurance/policy.js';
import { InsuranceService } from '../../src/domains/insurance/service.js';
import { insuranceText } from '../../src/domains/insurance/text.js';
import { IDS } from '../domains/insurance/helpers.js';
import { PASSWORD, startConsoleApp, testClock, type ConsoleClient, type ConsoleTestApp } from './helpers.js';

let t: ConsoleTestApp;
const clock = testClock(new Date('2026-11-29T02:00:00Z'));

beforeEach(async () => {
  t = await startConsoleApp({ clock: () => clock.now, modules: [insuranceModule] });
});
afterEach(async () => {
  await t?.dispose();
});

/** An application by an HTTP resident, made through the domain service as the chat would. */
async function application(userId: string, name: string, idNumber: string, village = 'wuhu', phone: string | null = null): Promise<number> {
  await t.app.say(userId, '你好');
  const identity = await t.app.db.prisma.channelIdentity.findFirstOrThrow({ where: { channel: 'http', externalId: userId } });
  const service = new InsuranceService(t.app.db.prisma, t.app.vault, loadPolicy('seed/insurance-policy.json'));
  const r = await service.apply({ residentId: identity.residentId, relation: '本人', name, idNumber, village, category: 'none', phone, now: clock.now });
  if (!r.ok) throw new Error(`apply failed: ${r.reason}`);
  return r.application.id;
}

async function admin(): Promise<ConsoleClient> {
  await t.staff('wang', 'admin');
  const client = t.client();
  await client.login('wang', PASSWORD);
  return client;
}

describe('enrolment review', () => {
  it('lists applications with names, ID numbers and phones masked, and filters by status and village', async () => {
    await application('zhang', '张建国', IDS.adult, 'wuhu', '13812345678');
    await application('li', '李秀英', IDS.senior, 'meijia');
    const client = await admin();
    const page = await client.get('/admin/insurance');
    expect(page.status).toBe(200);
    expect(page.text).toContain('3308**********1232');
    expect(page.text).toContain('张*国');
    expect(page.text).toContain('138****5678');
    for (const secret of [IDS.adult, IDS.senior, '张建国', '李秀英', '13812345678']) expect(page.text).not.toContain(secret);

    const wuhu = await client.get('/admin/insurance?status=submitted&year=2027&village=wuhu');
    expect(wuhu.text).toContain('张*国');
    expect(wuhu.text).not.toContain('李*英');
    const approved = await client.get('/admin/insurance?status=approved&year=all');
    expect(approved.text).toContain(insuranceAdminText.empty);
  });

  it('approves, returns with a reason and marks enrolled: the resident is told in chat and each change is audited', async () => {
    const first = await application('zhang', '张建国', IDS.adult);
    const second = await application('li', '李秀英', IDS.senior);
    const client = await admin();
    const csrf = await client.csrf('/admin/insurance');

    const approve = await client.post(`/admin/insurance/${first}/approve`, { _csrf: csrf, back: 'status=all&year=2027&village=wuhu' });
    expect(approve.status).toBe(303);
    expect(approve.headers.get('location')).toBe('/admin/insurance?status=all&year=2027&village=wuhu&notice=approved');
    const enrol = await client.post(`/admin/insurance/${first}/enrol`, { _csrf: csrf });
    expect(enrol.headers.get('location')).toContain('notice=enrolled');
    const zhang = (await t.app.inbox('zhang')).map((m) => m.text);
    expect(zhang).toEqual([insuranceText.notify.approved(first, '张*国', 650), insuranceText.notify.enrolled(first, '张*国', 2027)]);

    // A return needs a reason; without one nothing changes and the resident hears nothing.
    const noReason = await client.post(`/admin/insurance/${second}/return`, { _csrf: csrf, reason: '  ' });
    expect(noReason.headers.get('location')).toContain('notice=reasonRequired');
    expect((await t.app.db.prisma.enrolmentApplication.findUniqueOrThrow({ where: { id: second } })).status).toBe('submitted');
    const reason = '户口本复印件不清楚<script>alert(1)</script>';
    await client.post(`/admin/insurance/${second}/return`, { _csrf: csrf, reason });
    expect((await t.app.inbox('li')).map((m) => m.text)).toEqual([insuranceText.notify.returned(second, '李*英', reason)]);
    const list = await client.get('/admin/insurance?status=returned');
    expect(list.text).toContain('户口本复印件不清楚&lt;script&gt;');
    expect(list.text).not.toContain('<script>alert(1)');

    // A transition the status does not allow is refused and said so.
    const again = await client.post(`/admin/insurance/${first}/approve`, { _csrf: csrf });
    expect(again.headers.get('location')).toContain('notice=notAllowed');
    expect((await client.get(again.headers.get('location')!)).text).toContain(insuranceAdminText.notices.notAllowed);

    const audit = await t.app.db.prisma.auditLog.findMany({ where: { entity: 'enrolment_application', actor: 'console:wang' }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.action, a.entityId, a.before, a.after])).toEqual([
      ['insurance.approved', String(first), '{"status":"submitted"}', '{"status":"approved"}'],
      ['insurance.enrolled', String(first), '{"status":"approved"}', '{"status":"enrolled"}'],
      ['insurance.returned', String(second), '{"status":"submitted"}', JSON.stringify({ status: 'returned', reason })],
    ]);
  });

  it('refuses a POST without the session\u2019s CSRF token and changes nothing', async () => {
    const id = await application('zhang', '张建国', IDS.adult);
    const client = await admin();
    const res = await client.post(`/admin/insurance/${id}/approve`, { _csrf: 'forged' });
    expect(res.status).toBe(403);
    expect(res.text).toContain(adminText.errors.csrfTitle);
    expect((await t.app.db.prisma.enrolmentApplication.findUniqueOrThrow({ where: { id } })).status).toBe('submitted');
    expect(await t.app.inbox('zhang')).toEqual([]);
  });

  it('shows the full name, ID number and phone only on an explicit POST, and records who looked', async () => {
    const id = await application('zhang', '张建国', IDS.adult, 'wuhu', '13812345678');
    const client = await admin();
    expect((await client.get(`/admin/insurance/${id}/reveal`)).status).toBe(405);
    const page = await client.post(`/admin/insurance/${id}/reveal`, { _csrf: await client.csrf('/admin/insurance') });
    expect(page.status).toBe(200);
    expect(page.text).toContain(IDS.adult);
    expect(page.text).toContain('张建国');
    expect(page.text).toContain('13812345678');
    const audit = await t.app.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'insurance.reveal' } });
    expect([audit.actor, audit.entityId]).toEqual(['console:wang', String(id)]);
    // The audit row says who looked at which application, never the data itself.
    expect(`${audit.before}${audit.after}`).not.toContain(IDS.adult);
  });

  it('is for admins only: hub staff get 403 and no link', async () => {
    await t.staff('hub', 'hub_staff');
    const client = t.client();
    await client.login('hub', PASSWORD);
    expect((await client.get('/admin/insurance')).status).toBe(403);
    expect((await client.get('/admin')).text).not.toContain(insuranceAdminText.nav);
  });

  it('draws the enrolment rate by village on the dashboard', async () => {
    const id = await application('zhang', '张建国', IDS.adult, 'wuhu');
    const service = new InsuranceService(t.app.db.prisma, t.app.vault, loadPolicy('seed/insurance-policy.json'));
    await service.approve(id, 'test', clock.now);
    await service.markEnrolled(id, 'test', clock.now);
    const client = await admin();
    const res = await client.get('/admin/api/stats/insurance-rate-by-village');
    const panel = JSON.parse(res.text) as { kind: string; chart: { labels: string[]; datasets: Array<{ data: number[] }> } };
    expect(panel.kind).toBe('chart');
    const wuhu = panel.chart.labels.indexOf('五湖村');
    expect(wuhu).toBeGreaterThanOrEqual(0);
    expect(panel.chart.datasets[0]!.data[wuhu]).toBeGreaterThan(0);
    const figures = JSON.parse((await client.get('/admin/api/stats/insurance-figures')).text) as { figures: Array<{ label: string; value: number | string }> };
    expect(figures.figures.find((f) => f.label === insuranceAdminText.panel.enrolled)?.value).toBe(1);
  });
});
