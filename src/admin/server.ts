/**
 * The admin console's web server (node:http, its own port): static files, login, sessions,
 * role checks, CSRF checks on every POST, security headers on every response, and the routes
 * of the core module and of any domain modules handed in.
 *
 * ```ts
 * const admin = await startAdminConsole({ prisma: db.prisma, config, log, bot, clock });
 * log.info({ port: admin.port }, 'admin console listening');
 * // … on shutdown
 * await admin.stop();
 * ```
 */
import { compilePath } from '../channels/http/route-pattern.js';
import type { PiiVault } from '../privacy/vault.js';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { newErrorId, type Bot } from '../core/bot.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { StaffAccounts } from './accounts.js';
import { coreModule } from './core-module.js';
import {
  htmlResponse,
  jsonResponse,
  parseCookies,
  redirect,
  SECURITY_HEADERS,
  type AdminRequest,
  type AdminResponse,
  type AdminRoute,
  type StaffContext,
  type StaffRequest,
} from './http.js';
import { errorPage, staffLayout, type NavItem } from './layout.js';
import type { AdminModuleFactory, ConsoleContext, DashboardPanel } from './module.js';
import { dashboardRoutes } from './pages/dashboard.js';
import { COOKIES, loginRoutes } from './pages/login.js';
import { roleAllows } from './roles.js';
import { AdminSessions, tokensMatch } from './sessions.js';
import { loadStaticFiles } from './static.js';
import { adminText } from './text.js';

/** What the console needs from the app. */
export interface AdminConsoleDeps {
  prisma: PrismaClient;
  config: Config;
  log: Logger;
  bot: Bot;
  clock: () => Date;
  /** The app's PII vault, handed to the modules that read personal data. */
  vault?: PiiVault;
  /** Domain modules (hazards, jobs, insurance, events pages), after the core module. */
  modules?: AdminModuleFactory[];
}

/** A running console. */
export interface AdminConsole {
  /** The bound port (resolved when ADMIN_PORT is 0). */
  port: number;
  /** Stop accepting requests and close idle connections. */
  stop(): Promise<void>;
}

/** Largest form body accepted by default (bytes). */
const BODY_LIMIT = 64 * 1024;

interface Compiled {
  route: AdminRoute;
  pattern: RegExp;
  names: string[];
}

function compile(route: AdminRoute): Compiled {
  return { route, ...compilePath(route.path) };
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, response: AdminResponse, cache: string): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const headers: Record<string, string | string[]> = {
    ...SECURITY_HEADERS,
    'content-type': response.contentType,
    'content-length': String(Buffer.byteLength(response.body)),
    'cache-control': cache,
    ...response.headers,
  };
  if (response.cookies?.length) headers['set-cookie'] = response.cookies;
  res.writeHead(response.status, headers);
  res.end(response.body);
}

const page = (status: number, title: string, message: string) => htmlResponse(errorPage(title, message), status);

/**
 * Start the admin console on ADMIN_HOST:ADMIN_PORT.
 *
 * @returns the bound port and `stop()`; the caller stops it before closing the database.
 */
export async function startAdminConsole(deps: AdminConsoleDeps): Promise<AdminConsole> {
  const { prisma, config, log, bot, clock } = deps;
  const accounts = new StaffAccounts(prisma, {
    maxFailedLogins: config.ADMIN_MAX_FAILED_LOGINS,
    lockoutMinutes: config.ADMIN_LOCKOUT_MINUTES,
    clock,
  });
  const sessions = new AdminSessions(prisma, { hours: config.ADMIN_SESSION_HOURS, clock });
  const statics = loadStaticFiles();
  const ctx: ConsoleContext = { prisma, config, log, bot, clock, accounts, ...(deps.vault ? { vault: deps.vault } : {}) };

  const modules = [coreModule, ...(deps.modules ?? [])].map((factory) => factory(ctx));
  const nav: NavItem[] = modules.flatMap((m) => m.nav ?? []);
  const panels: DashboardPanel[] = modules.flatMap((m) => m.panels ?? []);
  const routes = [
    ...loginRoutes({ accounts, sessions, secureCookie: config.ADMIN_SECURE_COOKIE }),
    ...dashboardRoutes(panels, clock, log, { domainsPending: modules.length === 1 }),
    ...modules.flatMap((m) => m.routes ?? []),
  ].map(compile);

  async function staffOf(cookies: Record<string, string>): Promise<StaffContext | null> {
    const token = cookies[COOKIES.session];
    if (!token || token.length > 100) return null;
    const session = await sessions.resume(token);
    if (!session) return null;
    const account = await accounts.active(session.accountId);
    return account ? { account, session } : null;
  }

  function staffRequest(base: AdminRequest, staff: StaffContext): StaffRequest {
    return {
      ...base,
      staff,
      view: (title, body, options = {}, scripts = []) =>
        htmlResponse(staffLayout({ title, staff, nav, path: base.path, body, notice: options.notice ?? null, scripts }), options.status ?? 200),
    };
  }

  async function handle(req: IncomingMessage): Promise<{ response: AdminResponse; cache: string }> {
    const url = new URL(req.url ?? '/', 'http://admin.invalid');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    const noStore = 'no-store';
    if (path === '/' && method === 'GET') return { response: redirect('/admin'), cache: noStore };
    if (path.startsWith('/admin/static/') && method === 'GET') {
      const file = statics.get(path.slice('/admin/static/'.length));
      if (!file) return { response: page(404, adminText.errors.notFoundTitle, adminText.errors.notFound), cache: noStore };
      return { response: { status: 200, body: file.body, contentType: file.contentType }, cache: 'no-cache' };
    }
    let pathMatched = false;
    for (const c of routes) {
      const m = c.pattern.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (c.route.method !== method) continue;
      const params = Object.fromEntries(c.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
      const body = method === 'POST' ? await readBody(req, BODY_LIMIT) : Buffer.alloc(0);
      const base: AdminRequest = {
        method: c.route.method,
        path,
        params,
        query: url.searchParams,
        form: new URLSearchParams(body.toString('utf8')),
        headers: req.headers,
        cookies: parseCookies(req.headers.cookie),
      };
      if (c.route.access === 'public') return { response: await c.route.handle(base), cache: noStore };

      const staff = await staffOf(base.cookies);
      if (!staff) {
        if (path.startsWith('/admin/api/')) return { response: jsonResponse({ error: { code: 'unauthorized', message: 'log in first' } }, 401), cache: noStore };
        const target = method === 'GET' ? `/admin/login?next=${encodeURIComponent(path + url.search)}` : '/admin/login?m=expired';
        return { response: redirect(target), cache: noStore };
      }
      if (!roleAllows(staff.account.role, c.route.access)) {
        return { response: page(403, adminText.errors.forbiddenTitle, adminText.errors.forbidden), cache: noStore };
      }
      // Every state-changing request must carry this session's CSRF token.
      if (method === 'POST' && !tokensMatch(staff.session.csrfToken, base.form.get('_csrf') ?? headerValue(req.headers['x-csrf-token']))) {
        log.warn({ path, account: staff.account.username }, 'admin: POST refused, CSRF token missing or wrong');
        return { response: page(403, adminText.errors.csrfTitle, adminText.errors.csrf), cache: noStore };
      }
      return { response: await c.route.handle(staffRequest(base, staff)), cache: noStore };
    }
    if (pathMatched) return { response: { ...page(405, adminText.errors.badRequestTitle, adminText.errors.notFound), headers: { allow: 'GET, POST' } }, cache: noStore };
    return { response: page(404, adminText.errors.notFoundTitle, adminText.errors.notFound), cache: noStore };
  }

  // Requests being handled: stop() lets them finish, then cuts every connection — browsers
  // keep speculative sockets open that closeIdleConnections() does not count as idle.
  let inFlight = 0;
  let drained: (() => void) | null = null;
  const server = createServer((req, res) => {
    inFlight++;
    res.once('close', () => {
      if (--inFlight === 0) drained?.();
    });
    handle(req)
      .then(({ response, cache }) => send(res, response, cache))
      .catch((err: unknown) => {
        if (err instanceof BodyTooLarge) return send(res, page(413, adminText.errors.badRequestTitle, adminText.errors.tooLarge), 'no-store');
        if (err instanceof URIError) return send(res, page(400, adminText.errors.badRequestTitle, adminText.errors.notFound), 'no-store');
        const errorId = newErrorId();
        log.error({ err, errorId, path: req.url?.split('?')[0] }, 'admin: request failed');
        send(res, page(500, adminText.errors.serverTitle, adminText.errors.server(errorId)), 'no-store');
      });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.ADMIN_PORT, config.ADMIN_HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  // Expired sessions are refused when used; the sweep only keeps the table small.
  const sweep = setInterval(() => void sessions.sweep().catch((err: unknown) => log.warn({ err }, 'admin: session sweep failed')), 3_600_000);
  sweep.unref();

  return {
    port,
    async stop() {
      clearInterval(sweep);
      if (!server.listening) return;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
      server.closeAllConnections();
      await closed;
    },
  };
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

