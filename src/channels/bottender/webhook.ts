/**
 * Mounting a bottender bot's webhook on Linli's HTTP server.
 *
 * bottender 1.5.5 checks signatures in its connector's `preprocess` (LINE: X-Line-Signature;
 * Messenger: X-Hub-Signature, and the GET subscription check), which its own servers
 * (`createServer` in @bottender/express, the CLI's `Server`) call before the bot's request
 * handler — `bot.createRequestHandler()` alone checks nothing. This module does what those
 * servers do, on a raw route: read the body, keep it raw for the signature, run `preprocess`,
 * then hand the parsed body to the request handler.
 *
 * Unlike bottender's servers it answers only once the events are handled (the bot runs with
 * `sync: true`): a message is stored before the platform hears "200", and a failure answers 500
 * so the platform delivers again (the core recognises the repeat by its message id).
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { errorBody, readBody, type HttpServer } from '../http/server.js';

/** What `preprocess` is given: the request as bottender's servers describe it. */
export interface PreprocessInput {
  method: string;
  url: string;
  path: string;
  headers: IncomingHttpHeaders;
  query: Record<string, string>;
  rawBody: string;
  body: Record<string, unknown>;
  params: Record<string, string>;
}

/** What `preprocess` answers: go on to the handler, or answer with `response` now. */
export interface PreprocessResult {
  shouldNext: boolean;
  response?: { status: number; body?: unknown };
}

/** What this module needs of a bottender connector (LineConnector, MessengerConnector). */
export interface ConnectorChecks {
  preprocess(input: PreprocessInput): PreprocessResult | Promise<PreprocessResult>;
  mapRequestToEvents(body: never): unknown[];
}

/** What this module needs of a bottender bot (LineBot, MessengerBot). */
export interface BottenderBotLike<C> {
  readonly emitter: { on(event: 'error', listener: (err: unknown) => void): unknown };
  onEvent(handler: (context: C) => Promise<void>): unknown;
  createRequestHandler(): (body: never, requestContext?: never) => unknown;
}

/** The request context handed to bottender, with the outcome of its events. */
interface TrackedRequestContext extends PreprocessInput {
  outcome: { failed: boolean; chain: Promise<void> };
}

/** How to mount a bottender bot: where, which checks, and what to do with each event. */
export interface WebhookOptions<C> {
  http: HttpServer;
  /** e.g. `/webhooks/line` */
  path: string;
  /** Also answer GET (Messenger's subscription check, answered by bottender's `preprocess`). */
  get?: boolean;
  bot: BottenderBotLike<C>;
  /**
   * The bot's connector. bottender types `bot.connector` as its generic `Connector`, which
   * lacks `preprocess`; pass it as the platform's connector class.
   */
  connector: ConnectorChecks;
  /** Handle one event; throwing makes the platform deliver the request again. */
  handleEvent(context: C): Promise<void>;
  /**
   * A signature check run before bottender's: `true` verified (bottender's check is skipped),
   * `false` refused, `undefined` left to bottender.
   */
  verify?(headers: IncomingHttpHeaders, rawBody: Buffer): boolean | undefined;
  /**
   * Drop events before bottender sees them (after the signature check). bottender does work
   * of its own for some events — for a LINE group message it asks the API for the group's
   * member ids — which is wasted on events Linli ignores anyway.
   */
  select?(body: Record<string, unknown>): Record<string, unknown>;
  log: Logger;
  /** Largest accepted body in bytes (default 1 MiB). */
  bodyLimit?: number;
}

/** A mounted webhook. */
export interface Webhook {
  /** Refuse new requests (503) and wait for those in progress. */
  stop(): Promise<void>;
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  const json = typeof body !== 'string';
  const text = json ? JSON.stringify(body) : body;
  res.writeHead(status, {
    'content-type': json ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

/** bottender's refusals echo the request body back; answer with our own error body instead. */
function refusal(status: number): unknown {
  if (status === 403) return errorBody('forbidden', 'verify token mismatch');
  if (status === 400) return errorBody('bad_signature', 'signature verification failed');
  return errorBody('refused', 'request refused');
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Mount a bottender bot on the HTTP server: POST (and optionally GET) on `path`.
 *
 * ```ts
 * const bot = new LineBot({ client, channelSecret, sessionStore: new NoSessionStore(), sync: true });
 * const webhook = mountWebhook({
 *   http, path: '/webhooks/line', bot, connector: bot.connector as LineConnector, log,
 *   handleEvent: (ctx) => handle(ctx.event),
 * });
 * // later
 * await webhook.stop();
 * ```
 */
export function mountWebhook<C extends { readonly requestContext: unknown }>(options: WebhookOptions<C>): Webhook {
  const { bot, connector, log, path } = options;
  const limit = options.bodyLimit ?? 1024 * 1024;
  const inFlight = new Set<Promise<void>>();
  let stopped = false;

  // Events of one request are handled one after the other, in the order the platform sent them.
  bot.onEvent(async (context) => {
    const { outcome } = context.requestContext as TrackedRequestContext;
    const mine = outcome.chain.then(() => options.handleEvent(context));
    outcome.chain = mine.catch(() => undefined);
    try {
      await mine;
    } catch (err) {
      outcome.failed = true;
      log.error({ err, path }, 'webhook: event handling failed; the platform will deliver it again');
    }
  });
  bot.emitter.on('error', (err) => log.error({ err, path }, 'webhook: bottender reported an error'));
  const requestHandler = bot.createRequestHandler() as unknown as (body: Record<string, unknown>, ctx: TrackedRequestContext) => Promise<unknown>;

  async function serve(req: IncomingMessage, res: ServerResponse, params: Record<string, string>): Promise<void> {
    if (stopped) return answer(res, 503, errorBody('stopping', 'the bot is shutting down'));
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://localhost');
    const query = Object.fromEntries(url.searchParams);
    const raw = method === 'POST' ? await readBody(req, limit) : Buffer.alloc(0);
    const rawBody = raw.toString('utf8');
    let body: unknown;
    try {
      body = rawBody ? JSON.parse(rawBody) : {};
    } catch {
      body = undefined;
    }
    const request: PreprocessInput = {
      method,
      url: `https://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`,
      path: url.pathname,
      headers: req.headers,
      query,
      rawBody,
      body: isObject(body) ? body : {},
      params,
    };

    const own = method === 'POST' ? options.verify?.(req.headers, raw) : undefined;
    if (own === false) {
      log.warn({ path }, 'webhook: signature refused');
      return answer(res, 400, refusal(400));
    }
    if (own !== true) {
      const pre = await connector.preprocess(request);
      if (!pre.shouldNext) {
        const status = pre.response?.status ?? 200;
        if (status >= 400) log.warn({ path, status }, 'webhook: request refused');
        return answer(res, status, status >= 400 ? refusal(status) : String(pre.response?.body ?? ''));
      }
    }
    if (!isObject(body)) return answer(res, 400, errorBody('bad_json', 'the body is not a JSON object'));

    let selected: Record<string, unknown>;
    let events: unknown[];
    try {
      selected = options.select ? options.select(body) : body;
      events = connector.mapRequestToEvents(selected as never);
    } catch {
      return answer(res, 400, errorBody('bad_body', 'not a webhook body of this platform'));
    }
    // bottender's sync mode reads the first event's response: with no events it would throw.
    if (events.length === 0) return answer(res, 200, 'OK');

    const tracked: TrackedRequestContext = { ...request, body: selected, outcome: { failed: false, chain: Promise.resolve() } };
    await requestHandler({ ...query, ...selected }, tracked);
    if (tracked.outcome.failed) return answer(res, 500, errorBody('internal', 'could not handle the events'));
    answer(res, 200, 'OK');
  }

  const handle = (req: IncomingMessage, res: ServerResponse, params: Record<string, string>): Promise<void> => {
    const done = serve(req, res, params).finally(() => inFlight.delete(done));
    inFlight.add(done);
    return done;
  };

  options.http.raw({ method: 'POST', path, handle });
  if (options.get) options.http.raw({ method: 'GET', path, handle });

  return {
    async stop() {
      stopped = true;
      await Promise.allSettled([...inFlight]);
    },
  };
}
