/**
 * Logging in to the console: argon2id passwords, the session cookie (only its hash stored),
 * sliding expiry, logout, lockout after repeated failures, and the audit rows they leave.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/admin/sessions.js';
import { adminText } from '../../src/admin/text.js';
import { PASSWORD, startConsoleApp, testClock, type ConsoleTestApp } from './helpers.js';

let t: ConsoleTestApp;
afterEach(async () => {
  await t?.dispose();
});

const failedText = adminText.login.failed;

describe('login', () => {
  it('logs in with the right password and sets a strict session cookie whose token is stored only as a hash', async () => {
    t = await startConsoleApp();
    const id = await t.staff('wang', 'admin');
    const account = await t.app.db.prisma.staffAccount.findUniqueOrThrow({ where: { id } });
    expect(account.passwordHash).toMatch(/^\$argon2id\$/);
    expect(account.passwordHash).not.toContain(PASSWORD);

    const client = t.client();
    const res = await client.login('wang', PASSWORD);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin');
    const cookie = client.setCookies.find((c) => c.startsWith('linli_admin='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);
    const token = client.cookies.get('linli_admin')!;
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const sessions = await t.app.db.prisma.adminSession.findMany();
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(sessions)).not.toContain(token);

    const dashboard = await client.get('/admin');
    expect(dashboard.status).toBe(200);
    expect(dashboard.text).toContain('wang-name');
  });

  it('marks the cookie Secure when ADMIN_SECURE_COOKIE is set', async () => {
    t = await startConsoleApp({ env: { ADMIN_SECURE_COOKIE: 'true' } });
    await t.staff('wang', 'admin');
    const client = t.client();
    await client.login('wang', PASSWORD);
    expect(client.setCookies.find((c) => c.startsWith('linli_admin='))).toMatch(/; Secure/);
  });

  it('answers an unknown user and a wrong password with the same message, and never stores the password', async () => {
    t = await startConsoleApp();
    await t.staff('wang', 'admin');
    const client = t.client();
    const wrong = await client.login('wang', 'not-the-password');
    const unknown = await client.login('nobody', 'not-the-password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.text).toContain(failedText);
    expect(unknown.text).toContain(failedText);
    const audit = await t.app.db.prisma.auditLog.findMany({ where: { action: 'staff.login.failure' } });
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain('not-the-password');
    expect(await t.app.db.prisma.adminSession.count()).toBe(0);
  });

  it('redirects a visitor without a session to the login form, keeping where they wanted to go', async () => {
    t = await startConsoleApp();
    const res = await t.client().get('/admin/audit?entity=feedback');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/login?next=${encodeURIComponent('/admin/audit?entity=feedback')}`);
    const api = await t.client().get('/admin/api/stats/outbox-status');
    expect(api.status).toBe(401);
  });

  it('never redirects outside the console after login', async () => {
    t = await startConsoleApp();
    await t.staff('wang', 'admin');
    const client = t.client();
    const form = await client.get('/admin/login?next=//evil.example/');
    expect(form.text).toContain('name="next" value="/admin"');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1]!;
    const res = await client.post('/admin/login', { _csrf: csrf, username: 'wang', password: PASSWORD, next: 'https://evil.example/' });
    expect(res.headers.get('location')).toBe('/admin');
  });

  it('refuses a login post without the login form token', async () => {
    t = await startConsoleApp();
    await t.staff('wang', 'admin');
    const res = await t.client().post('/admin/login', { username: 'wang', password: PASSWORD });
    expect(res.status).toBe(403);
    expect(await t.app.db.prisma.adminSession.count()).toBe(0);
  });
});

describe('lockout', () => {
  it('locks an account after ADMIN_MAX_FAILED_LOGINS failures, refuses even the right password, and opens again after ADMIN_LOCKOUT_MINUTES', async () => {
    const clock = testClock();
    t = await startConsoleApp({ clock: () => clock.now });
    await t.staff('wang', 'admin');
    const client = t.client();
    expect((await client.login('wang', 'bad-1')).text).toContain(failedText);
    expect((await client.login('wang', 'bad-2')).text).toContain(failedText);
    const third = await client.login('wang', 'bad-3');
    expect(third.text).toContain(adminText.login.locked(15));

    const whileLocked = await client.login('wang', PASSWORD);
    expect(whileLocked.status).toBe(401);
    expect(whileLocked.text).toContain(adminText.login.locked(15));
    expect(await t.app.db.prisma.adminSession.count()).toBe(0);

    const actions = (await t.app.db.prisma.auditLog.findMany({ orderBy: { id: 'asc' } })).map((r) => r.action);
    expect(actions.filter((a) => a === 'staff.login.lockout')).toHaveLength(1);

    clock.advance(15 * 60_000 + 1);
    const after = await client.login('wang', PASSWORD);
    expect(after.status).toBe(303);
    const audit = await t.app.db.prisma.auditLog.findMany({ where: { action: 'staff.login.success' } });
    expect(audit).toHaveLength(1);
  });

  it('locks unknown usernames the same way, so "locked" does not reveal which accounts exist', async () => {
    t = await startConsoleApp();
    const client = t.client();
    await client.login('ghost', 'x1234567');
    await client.login('ghost', 'x1234567');
    expect((await client.login('ghost', 'x1234567')).text).toContain(adminText.login.locked(15));
  });

  it('a success resets the failure count', async () => {
    t = await startConsoleApp();
    await t.staff('wang', 'admin');
    const client = t.client();
    await client.login('wang', 'bad-1');
    await client.login('wang', 'bad-2');
    expect((await client.login('wang', PASSWORD)).status).toBe(303);
    await client.login('wang', 'bad-3');
    expect((await client.login('wang', 'bad-4')).text).toContain(failedText);
  });
});

describe('sessions', () => {
  it('slide: activity keeps a session alive past ADMIN_SESSION_HOURS; silence ends it', async () => {
    const clock = testClock();
    t = await startConsoleApp({ clock: () => clock.now, env: { ADMIN_SESSION_HOURS: '1' } });
    await t.staff('wang', 'admin');
    const client = t.client();
    await client.login('wang', PASSWORD);
    clock.advance(50 * 60_000);
    expect((await client.get('/admin')).status).toBe(200);
    clock.advance(50 * 60_000);
    expect((await client.get('/admin')).status).toBe(200);
    clock.advance(61 * 60_000);
    const expired = await client.get('/admin');
    expect(expired.status).toBe(303);
    expect(expired.headers.get('location')).toMatch(/^\/admin\/login/);
    expect(await t.app.db.prisma.adminSession.count()).toBe(0);
  });

  it('logout ends the session: the old cookie no longer opens a page', async () => {
    t = await startConsoleApp();
    await t.staff('wang', 'admin');
    const client = t.client();
    await client.login('wang', PASSWORD);
    const token = client.cookies.get('linli_admin')!;
    const out = await client.post('/admin/logout', { _csrf: await client.csrf() });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/admin/login?m=out');
    client.cookies.set('linli_admin', token);
    expect((await client.get('/admin')).status).toBe(303);
  });

  it('a disabled account is logged out at once and cannot log in', async () => {
    t = await startConsoleApp();
    await t.staff('wang', 'admin');
    const client = t.client();
    await client.login('wang', PASSWORD);
    await t.accounts.disable('wang', 'test');
    expect((await client.get('/admin')).status).toBe(303);
    expect((await client.login('wang', PASSWORD)).text).toContain(failedText);
  });
});
