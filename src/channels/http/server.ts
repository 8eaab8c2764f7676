/**
 * A small HTTP server for the bot's endpoints: JSON in and out, routes with `:params`, a body
 * size limit, and every error answered as JSON. Channels and APIs add routes; the server
 * knows none of them.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { compilePath } from './route-pattern.js';

/** What a route handler answers. */
export interface JsonResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** A request as route handlers see it. */
export interface JsonRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** The raw body (empty for GET). */
  rawBody: Buffer;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** e.g. `/api/users/:userId/inbox` */
  path: string;
  handle(req: JsonRequest): Promise<JsonResponse> | JsonResponse;
}

/** An error answered with its status and a JSON body `{ error: { code, message } }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The JSON error body every failure uses. */
export const errorBody = (code: string, message: string) => ({ error: { code, message } });

/**
 * A route that takes the raw Node request and response, for SDKs that bring their own
 * webhook handler (grammY's `webhookCallback`, bottender's request handler). The body is unread.
 */
export interface RawRoute {
  method: Route['method'];
  path: string;
  handle(req: IncomingMessage, res: ServerResponse, params: Record<string, string>): Promise<void> | void;
}

interface Compiled {
  route: Route | (RawRoute & { raw: true });
  pattern: RegExp;
  names: string[];
}

function compile(route: Compiled['route']): Compiled {
  return { route, ...compilePath(route.path) };
}

/**
 * Read a request body, refusing it past `limit` bytes.
 * @throws {HttpError} 413 when the body is larger than the limit.
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, 'payload_too_large', `body larger than ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, response: JsonResponse): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const body = JSON.stringify(response.body);
  res.writeHead(response.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'x-content-type-options': 'nosniff',
    ...response.headers,
  });
  res.end(body);
}

export interface HttpServerOptions {
  host: string;
  port: number;
  log: Logger;
  /** Largest accepted body in bytes (default 64 KiB). */
  bodyLimit?: number;
}

/**
 * An HTTP server with JSON routes.
 *
 * ```ts
 * const server = new HttpServer({ host: '127.0.0.1', port: 3000, log });
 * server.route({ method: 'GET', path: '/healthz', handle: () => ({ status: 200, body: { ok: true } }) });
 * await server.listen();
 * ```
 */
export class HttpServer {
  private readonly routes: Compiled[] = [];
  private readonly server: Server;

  constructor(private readonly options: HttpServerOptions) {
    this.server = createServer((req, res) => void this.dispatch(req, res));
    this.server.keepAliveTimeout = 5_000;
  }

  /** Add a route. */
  route(route: Route): this {
    this.routes.push(compile(route));
    return this;
  }

  /** Add a raw route (a platform SDK's webhook handler). */
  raw(route: RawRoute): this {
    this.routes.push(compile({ ...route, raw: true }));
    return this;
  }

  /** Start listening; resolves with the bound port (useful with port 0). */
  async listen(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port, this.options.host, () => resolve());
    });
    return (this.server.address() as AddressInfo).port;
  }

  /** Stop accepting connections and close idle ones. */
  async close(): Promise<void> {
    if (!this.server.listening) return;
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeIdleConnections();
    });
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const method = req.method ?? 'GET';
      let pathMatched = false;
      for (const c of this.routes) {
        const m = c.pattern.exec(url.pathname);
        if (!m) continue;
        pathMatched = true;
        if (c.route.method !== method) continue;
        const params = Object.fromEntries(c.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
        if ('raw' in c.route) {
          await c.route.handle(req, res, params);
          return;
        }
        const rawBody = method === 'GET' ? Buffer.alloc(0) : await readBody(req, this.options.bodyLimit ?? 64 * 1024);
        send(res, await c.route.handle({ method, path: url.pathname, params, query: url.searchParams, headers: req.headers, rawBody }));
        return;
      }
      if (pathMatched) throw new HttpError(405, 'method_not_allowed', `${method} not allowed here`);
      throw new HttpError(404, 'not_found', `no route for ${url.pathname}`);
    } catch (err) {
      if (err instanceof HttpError) {
        send(res, { status: err.status, body: errorBody(err.code, err.message) });
        return;
      }
      if (err instanceof URIError) {
        send(res, { status: 400, body: errorBody('bad_path', 'malformed percent-encoding in the path') });
        return;
      }
      this.options.log.error({ err, url: req.url }, 'http: unhandled error');
      send(res, { status: 500, body: errorBody('internal', 'internal error') });
    }
  }
}
