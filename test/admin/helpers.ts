/**
 * A Linli app with the admin console beside it, and a small cookie-keeping HTTP client for
 * the console (no browser).
 */
import { StaffAccounts } from '../../src/admin/accounts.js';
import type { AdminModuleFactory } from '../../src/admin/module.js';
import { startAdminConsole, type AdminConsole } from '../../src/admin/server.js';
import type { DomainRegistration } from '../../src/app.js';
import { memoryLog, startTestApp, type TestApp } from '../helpers/app.js';
import { keywordNlu } from '../helpers/keyword-nlu.js';

export const PASSWORD = 'correct-horse-9';

export interface ConsoleTestApp {
  app: TestApp;
  admin: AdminConsole;
  accounts: StaffAccounts;
  logs: Array<Record<string, unknown>>;
  url(path: string): string;
  /** Create a staff account with {@link PASSWORD}. */
  staff(username: string, role: 'admin' | 'grid_worker' | 'hub_staff', extra?: { gridId?: string; residentId?: number }): Promise<number>;
  client(): ConsoleClient;
  dispose(): Promise<void>;
}

/** A controllable clock. */
export function testClock(start = new Date('2026-11-30T02:00:00Z')) {
  const clock = { now: start, advance: (ms: number) => (clock.now = new Date(clock.now.getTime() + ms)) };
  return clock;
}

/** Start the bot (HTTP channel, keyword NLU, no demo data) and the console on free ports. */
export async function startConsoleApp(
  options: { env?: Record<string, string>; clock?: () => Date; modules?: AdminModuleFactory[]; domains?: DomainRegistration[] } = {},
): Promise<ConsoleTestApp> {
  const app = await startTestApp({
    nlu: keywordNlu,
    scheduler: false,
    // The console's core pages need no domain; domain pages pass their registration here.
    domains: options.domains ?? [],
    env: { DEMO_DATA: 'false', ADMIN_PORT: '0', ADMIN_MAX_FAILED_LOGINS: '3', ADMIN_LOCKOUT_MINUTES: '15', ...options.env },
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const clock = options.clock ?? (() => new Date());
  const { log, logs } = memoryLog();
  let admin: AdminConsole;
  try {
    admin = await startAdminConsole({ prisma: app.db.prisma, config: app.config, log, bot: app.bot, clock, modules: options.modules });
  } catch (err) {
    await app.dispose();
    throw err;
  }
  const accounts = new StaffAccounts(app.db.prisma, { maxFailedLogins: 3, lockoutMinutes: 15, clock });
  const url = (path: string) => `http://127.0.0.1:${admin.port}${path}`;
  return {
    app,
    admin,
    accounts,
    logs,
    url,
    async staff(username, role, extra = {}) {
      const account = await accounts.create({ username, password: PASSWORD, role, displayName: `${username}-name`, ...extra }, 'test');
      return account.id;
    },
    client: () => new ConsoleClient(url),
    async dispose() {
      await admin.stop();
      await app.dispose();
    },
  };
}

export interface Page {
  status: number;
  headers: Headers;
  text: string;
}

/** The first `name="_csrf"` value in a page. */
export function csrfOf(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no CSRF field in the page');
  return m[1]!;
}

/** An HTTP client that keeps the console's cookies and does not follow redirects. */
export class ConsoleClient {
  readonly cookies = new Map<string, string>();
  /** The raw Set-Cookie values received, newest last. */
  readonly setCookies: string[] = [];

  constructor(private readonly url: (path: string) => string) {}

  private remember(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      this.setCookies.push(line);
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = decodeURIComponent(pair!.slice(eq + 1));
      if (/max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
  }

  async get(path: string): Promise<Page> {
    const res = await fetch(this.url(path), { redirect: 'manual', headers: { cookie: this.cookieHeader() } });
    this.remember(res);
    return { status: res.status, headers: res.headers, text: await res.text() };
  }

  async post(path: string, form: Record<string, string>): Promise<Page> {
    const res = await fetch(this.url(path), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
    this.remember(res);
    return { status: res.status, headers: res.headers, text: await res.text() };
  }

  /** Open the login form and submit it. */
  async login(username: string, password: string): Promise<Page> {
    const form = await this.get('/admin/login');
    return this.post('/admin/login', { _csrf: csrfOf(form.text), username, password, next: '/admin' });
  }

  /** The CSRF token of the logged-in session (read from a page's logout form). */
  async csrf(path = '/admin'): Promise<string> {
    return csrfOf((await this.get(path)).text);
  }
}
