/**
 * Login and logout. The login form is protected against login CSRF by a double-submit token
 * (a cookie and a hidden field that must match); logout is a POST with the session's token.
 */
import type { StaffAccounts } from '../accounts.js';
import { html } from '../html.js';
import { htmlResponse, publicRoute, redirect, serializeCookie, staffRoute, type AdminRequest, type AdminRoute } from '../http.js';
import { documentShell, noticeBox } from '../layout.js';
import { newToken, tokensMatch, type AdminSessions } from '../sessions.js';
import { adminText } from '../text.js';

const t = adminText.login;

/** The cookie names the console uses. */
export const COOKIES = { session: 'linli_admin', login: 'linli_admin_login' } as const;

/** Where to go after login: only a path inside the console (no open redirect). */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/admin') || next.startsWith('//') || next.includes('\\') || /[\r\n]/.test(next)) return '/admin';
  return next;
}

function loginPage(req: AdminRequest, token: string, notice: { kind: 'ok' | 'error'; text: string } | null, username = '', status = 200) {
  const next = safeNext(req.query.get('next') ?? req.form.get('next'));
  const body = html`<main class="login">
<h1>${adminText.appName}</h1>
${noticeBox(notice)}
<form method="post" action="/admin/login">
  <input type="hidden" name="_csrf" value="${token}">
  <input type="hidden" name="next" value="${next}">
  <label>${t.username}<input name="username" autocomplete="username" required maxlength="64" value="${username}" autofocus></label>
  <label>${t.password}<input name="password" type="password" autocomplete="current-password" required maxlength="200"></label>
  <button type="submit">${t.submit}</button>
</form>
</main>`;
  return htmlResponse(documentShell(t.title, body), status);
}

/** GET/POST /admin/login, POST /admin/logout. */
export function loginRoutes(deps: { accounts: StaffAccounts; sessions: AdminSessions; secureCookie: boolean }): AdminRoute[] {
  const { accounts, sessions, secureCookie } = deps;
  const loginCookie = (token: string) => serializeCookie(COOKIES.login, token, { secure: secureCookie });
  return [
    publicRoute('GET', '/admin/login', (req) => {
      const token = req.cookies[COOKIES.login] || newToken();
      const m = req.query.get('m');
      const notice = m === 'expired' ? { kind: 'error' as const, text: t.expired } : m === 'out' ? { kind: 'ok' as const, text: t.loggedOut } : null;
      return { ...loginPage(req, token, notice), cookies: [loginCookie(token)] };
    }),
    publicRoute('POST', '/admin/login', async (req) => {
      const cookieToken = req.cookies[COOKIES.login];
      if (!cookieToken || !tokensMatch(cookieToken, req.form.get('_csrf'))) {
        const token = newToken();
        return { ...loginPage(req, token, { kind: 'error', text: adminText.errors.csrf }, '', 403), cookies: [loginCookie(token)] };
      }
      const username = (req.form.get('username') ?? '').slice(0, 64);
      const result = await accounts.authenticate(username, req.form.get('password') ?? '');
      if (!result.ok) {
        const text = result.reason === 'locked' ? t.locked(result.minutes) : t.failed;
        return { ...loginPage(req, cookieToken, { kind: 'error', text }, username, 401), cookies: [loginCookie(cookieToken)] };
      }
      const { token } = await sessions.create(result.account.id);
      return redirect(safeNext(req.form.get('next')), [
        serializeCookie(COOKIES.session, token, { secure: secureCookie }),
        // The login token is single-use: a new login form gets a new one.
        serializeCookie(COOKIES.login, '', { secure: secureCookie, maxAgeSeconds: 0 }),
      ]);
    }),
    staffRoute('POST', '/admin/logout', 'any', async (req) => {
      await sessions.end(req.staff.session.id);
      return redirect('/admin/login?m=out', [serializeCookie(COOKIES.session, '', { secure: secureCookie, maxAgeSeconds: 0 })]);
    }),
  ];
}
