/**
 * What protects the console beyond the login: security headers on every response, CSRF
 * tokens on every state change, role checks, and residents' text shown escaped.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { adminText } from '../../src/admin/text.js';
import { PASSWORD, startConsoleApp, type ConsoleTestApp } from './helpers.js';

let t: ConsoleTestApp;
afterEach(async () => {
  await t?.dispose();
});

const XSS_SCRIPT = '<script>alert(1)</script>';
const XSS_IMG = '<img src=x onerror=alert(1)>';

async function handoff(text: string): Promise<number> {
  await t.app.say('resident-1', `我要人工 ${text}`);
  const row = await t.app.db.prisma.handoffRequest.findFirstOrThrow({ orderBy: { id: 'desc' } });
  return row.id;
}

describe('security headers', () => {
  it('are on pages, redirects, static files, errors and JSON', async () => {
    t = await startConsoleApp();
    await t.staff('wang', 'admin');
    const client = t.client();
    const responses = [
      await client.get('/admin/login'),
      await client.get('/admin'),
      await client.get('/admin/static/admin.js'),
      await client.get('/admin/static/chart.umd.min.js'),
      await client.get('/admin/nothing-here'),
      await client.get('/admin/api/stats/outbox-status'),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 303, 200, 200, 404, 401]);
    for (const res of responses) {
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('pages carry no inline script or style, so the CSP can forbid them', async () => {
    t = await startConsoleApp();
    await t.staff('wang', 'admin');
    const client = t.client();
    await client.login('wang', PASSWORD);
    await handoff('帮帮我');
    for (const path of ['/admin', '/admin/handoffs', '/admin/feedback', '/admin/audit']) {
      const page = await client.get(path);
      expect(page.status).toBe(200);
      expect(page.text).not.toMatch(/<script>|<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=|\son[a-z]+=/i);
    }
  });
});

describe('CSRF', () => {
  it('refuses a POST without the token or with a wrong one with 403, and nothing changes', async () => {
    t = await startConsoleApp();
    await t.staff('wang', 'admin');
    const id = await handoff('帮帮我');
    const client = t.client();
    await client.login('wang', PASSWORD);
    const missing = await client.post(`/admin/handoffs/${id}/answer`, {});
    const wrong = await client.post(`/admin/handoffs/${id}/answer`, { _csrf: 'A'.repeat(43) });
    const replied = await client.post(`/admin/handoffs/${id}/reply`, { text: '你好' });
    for (const res of [missing, wrong, replied]) {
      expect(res.status).toBe(403);
      expect(res.text).toContain(adminText.errors.csrfTitle);
    }
    expect((await t.app.db.prisma.handoffRequest.findUniqueOrThrow({ where: { id } })).status).toBe('open');
    expect(await t.app.db.prisma.auditLog.count({ where: { entity: 'handoff_request' } })).toBe(0);
    expect(await t.app.inbox('resident-1')).toEqual([]);
  });

  it("refuses another session's token", async () => {
    t = await startConsoleApp();
    await t.staff('wang', 'admin');
    await t.staff('li', 'admin');
    const id = await handoff('帮帮我');
    const a = t.client();
    const b = t.client();
    await a.login('wang', PASSWORD);
    await b.login('li', PASSWORD);
    const res = await a.post(`/admin/handoffs/${id}/answer`, { _csrf: await b.csrf() });
    expect(res.status).toBe(403);
    expect((await t.app.db.prisma.handoffRequest.findUniqueOrThrow({ where: { id } })).status).toBe('open');
    expect((await a.post(`/admin/handoffs/${id}/answer`, { _csrf: await a.csrf() })).status).toBe(303);
    expect((await t.app.db.prisma.handoffRequest.findUniqueOrThrow({ where: { id } })).status).toBe('answered');
  });

  it('refuses logout without the token (a forged logout link does nothing)', async () => {
    t = await startConsoleApp();
    await t.staff('wang', 'admin');
    const client = t.client();
    await client.login('wang', PASSWORD);
    expect((await client.post('/admin/logout', {})).status).toBe(403);
    expect(await t.app.db.prisma.adminSession.count()).toBe(1);
  });
});

describe('roles', () => {
  it('hub staff and grid workers get a Chinese 403 page on admin pages and admin actions', async () => {
    t = await startConsoleApp();
    await t.staff('hub1', 'hub_staff');
    await t.staff('grid1', 'grid_worker', { gridId: 'wuhu-1' });
    const id = await handoff('帮帮我');
    for (const username of ['hub1', 'grid1']) {
      const client = t.client();
      await client.login(username, PASSWORD);
      for (const path of ['/admin/audit', '/admin/feedback', '/admin/handoffs']) {
        const res = await client.get(path);
        expect(res.status).toBe(403);
        expect(res.text).toContain(adminText.errors.forbidden);
      }
      const post = await client.post(`/admin/handoffs/${id}/answer`, { _csrf: await client.csrf() });
      expect(post.status).toBe(403);
      // Their dashboard opens, without the admin-only panels or links.
      const home = await client.get('/admin');
      expect(home.status).toBe(200);
      expect(home.text).not.toContain('href="/admin/audit"');
      expect(home.text).not.toContain('panel-outbox-status');
      expect((await client.get('/admin/api/stats/outbox-status')).status).toBe(404);
    }
    expect((await t.app.db.prisma.handoffRequest.findUniqueOrThrow({ where: { id } })).status).toBe('open');
  });
});

describe('escaping', () => {
  it("shows a resident's markup as text in the hand-over and feedback lists and in the audit log", async () => {
    t = await startConsoleApp();
    await t.staff('wang', 'admin');
    await handoff(`${XSS_SCRIPT}${XSS_IMG}`);
    const resident = await t.app.db.prisma.resident.findFirstOrThrow();
    await t.app.db.prisma.resident.update({ where: { id: resident.id }, data: { displayName: XSS_IMG } });
    await t.app.db.prisma.feedback.create({
      data: { residentId: resident.id, topic: XSS_SCRIPT, content: `路灯坏了${XSS_IMG}`, status: 'new', createdAt: new Date() },
    });
    const client = t.client();
    await client.login('wang', PASSWORD);
    const id = (await t.app.db.prisma.handoffRequest.findFirstOrThrow()).id;
    await client.post(`/admin/handoffs/${id}/reply`, { _csrf: await client.csrf(), text: XSS_SCRIPT });
    for (const path of ['/admin/handoffs', '/admin/feedback', '/admin/audit']) {
      const page = await client.get(path);
      expect(page.text).not.toContain('<script>alert');
      expect(page.text).not.toContain('<img src=x');
      expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
    expect((await client.get('/admin/handoffs')).text).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('ignores an unknown ?notice= value instead of printing it', async () => {
    t = await startConsoleApp();
    await t.staff('wang', 'admin');
    const client = t.client();
    await client.login('wang', PASSWORD);
    const page = await client.get(`/admin/feedback?notice=${encodeURIComponent(XSS_SCRIPT)}`);
    expect(page.text).not.toContain('alert(1)');
  });
});
