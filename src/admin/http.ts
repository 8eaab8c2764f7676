/**
 * The console's HTTP vocabulary: requests and responses as handlers see them, cookies, form
 * bodies and the security headers every response carries.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { StaffAccountView } from './accounts.js';
import type { SafeHtml } from './html.js';
import type { StaffRole } from './roles.js';
import type { SessionInfo } from './sessions.js';

/** A request as route handlers see it. */
export interface AdminRequest {
  method: 'GET' | 'POST';
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** The decoded `application/x-www-form-urlencoded` body (empty for GET). */
  form: URLSearchParams;
  headers: IncomingHttpHeaders;
  cookies: Record<string, string>;
}

/** The logged-in staff member behind a request. */
export interface StaffContext {
  account: StaffAccountView;
  session: SessionInfo;
}

/** Options of a rendered page. */
export interface ViewOptions {
  status?: number;
  /** A short message above the content. */
  notice?: { kind: 'ok' | 'error'; text: string } | null;
}

/** A request of a logged-in staff member, with the page layout at hand. */
export interface StaffRequest extends AdminRequest {
  staff: StaffContext;
  /** Render `body` in the console layout (navigation, user, logout). */
  view(title: string, body: SafeHtml, options?: ViewOptions, scripts?: readonly string[]): AdminResponse;
}

/** What a handler answers. */
export interface AdminResponse {
  status: number;
  body: string | Buffer;
  contentType: string;
  headers?: Record<string, string>;
  /** Set-Cookie values. */
  cookies?: string[];
}

/** Who may use a route: `public` (no login), `any` logged-in role, or these roles (admin always may). */
export type Access = 'public' | 'any' | readonly StaffRole[];

/** A route of the console. Build them with {@link publicRoute} and {@link staffRoute}. */
export interface AdminRoute {
  method: 'GET' | 'POST';
  /** e.g. `/admin/feedback/:id/answer` */
  path: string;
  access: Access;
  handle(req: AdminRequest | StaffRequest): Promise<AdminResponse> | AdminResponse;
}

/** A route anyone may call (login). */
export function publicRoute(method: AdminRoute['method'], path: string, handle: (req: AdminRequest) => Promise<AdminResponse> | AdminResponse): AdminRoute {
  return { method, path, access: 'public', handle };
}

/**
 * A route for logged-in staff with one of `access`'s roles; others get a 403 page. POSTs are
 * CSRF-checked before the handler runs.
 *
 * ```ts
 * staffRoute('GET', '/admin/audit', ['admin'], (req) => req.view('操作日志', html`…`));
 * ```
 */
export function staffRoute(
  method: AdminRoute['method'],
  path: string,
  access: 'any' | readonly StaffRole[],
  handle: (req: StaffRequest) => Promise<AdminResponse> | AdminResponse,
): AdminRoute {
  return { method, path, access, handle: (req) => handle(req as StaffRequest) };
}

/** An HTML response. */
export const htmlResponse = (body: SafeHtml, status = 200): AdminResponse => ({
  status,
  body: `<!doctype html>\n${body.value}`,
  contentType: 'text/html; charset=utf-8',
});

/** A JSON response. */
export const jsonResponse = (body: unknown, status = 200): AdminResponse => ({
  status,
  body: JSON.stringify(body),
  contentType: 'application/json; charset=utf-8',
});

/** A 303 redirect (after a POST, the browser GETs the new location). */
export const redirect = (location: string, cookies?: string[]): AdminResponse => ({
  status: 303,
  body: '',
  contentType: 'text/plain; charset=utf-8',
  headers: { location },
  ...(cookies ? { cookies } : {}),
});

/** Parse a Cookie header. */
export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 1) continue;
    const name = part.slice(0, eq).trim();
    if (name in out) continue;
    try {
      out[name] = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      // A malformed cookie is ignored, like a missing one.
    }
  }
  return out;
}

/**
 * A strict cookie: HttpOnly, SameSite=Strict, Path=/admin, Secure when asked.
 * @param maxAgeSeconds omitted for a session cookie; 0 deletes it.
 */
export function serializeCookie(name: string, value: string, options: { secure: boolean; maxAgeSeconds?: number }): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/admin', 'HttpOnly', 'SameSite=Strict'];
  if (options.maxAgeSeconds !== undefined) parts.push(`Max-Age=${options.maxAgeSeconds}`);
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

/**
 * Headers on every response: a Content-Security-Policy allowing only the console's own
 * scripts, styles and images (no inline script, no framing, forms only to itself), no MIME
 * sniffing, no referrer leaving the console, no caching of pages with personal data.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};
