/**
 * Webhook mode: grammY's own `webhookCallback` mounted as a raw route on the bot's HTTP server
 * at the path of TELEGRAM_WEBHOOK_URL, and `setWebhook` told the URL and the secret. Telegram
 * sends the secret in `X-Telegram-Bot-Api-Secret-Token`; a call without it or with another is
 * answered 401 by grammY and nothing is handled.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { GrammyError, HttpError as GrammyHttpError, webhookCallback, type Bot as GrammyBot } from 'grammy';
import type { Logger } from 'pino';
import type { HttpServer } from '../http/server.js';
import { loggable } from './loggable.js';

/** The update kinds the channel handles; Telegram sends no others. */
export const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

/**
 * Mount the webhook route. While `accepting()` is false (the channel is stopping) calls get
 * 503, so Telegram delivers them again later instead of them being lost.
 *
 * ```ts
 * mountWebhook(http, tg, { url: 'https://linli.example.org/telegram/hook', secret, log, accepting: () => running });
 * ```
 */
export function mountWebhook(
  http: HttpServer,
  tg: GrammyBot,
  options: { url: string; secret: string; log: Logger; accepting: () => boolean },
): string {
  const path = new URL(options.url).pathname;
  // 'return' answers 200 after the timeout and lets handling finish; the update-id memory
  // makes a retry after a slow turn harmless either way.
  const callback = webhookCallback(tg, 'http', { secretToken: options.secret, onTimeout: 'return', timeoutMilliseconds: 25_000 });
  http.raw({
    method: 'POST',
    path,
    async handle(req, res) {
      if (!options.accepting()) {
        res.writeHead(503, { 'retry-after': '5' }).end();
        return;
      }
      try {
        await callback(req, res);
      } catch (err) {
        // A malformed body or a failed update: a non-2xx makes Telegram deliver it again.
        const status = err instanceof SyntaxError ? 400 : 500;
        options.log.error({ ...loggable(err), status }, 'telegram: webhook update failed');
        if (!res.headersSent) res.writeHead(status).end();
        else res.end();
      }
    },
  });
  return path;
}

function transient(err: unknown): boolean {
  if (err instanceof GrammyHttpError) return true;
  return err instanceof GrammyError && (err.error_code >= 500 || err.error_code === 429);
}

/**
 * Tell Telegram where to post updates, retrying while Telegram cannot be reached (with a
 * doubling delay up to a minute) until `signal` aborts. A refusal (bad token, URL not HTTPS)
 * is thrown at once.
 */
export async function registerWebhook(tg: GrammyBot, options: { url: string; secret: string; log: Logger; signal: AbortSignal }): Promise<void> {
  let delay = 1000;
  for (;;) {
    try {
      await tg.api.setWebhook(options.url, { secret_token: options.secret, allowed_updates: [...ALLOWED_UPDATES] }, options.signal as Parameters<GrammyBot['init']>[0]);
      return;
    } catch (err) {
      if (options.signal.aborted || !transient(err)) throw err;
      const wait = err instanceof GrammyError && err.parameters.retry_after ? err.parameters.retry_after * 1000 : delay;
      options.log.warn({ ...loggable(err), retryInMs: wait }, 'telegram: setWebhook failed, will retry');
      await sleep(wait, undefined, { signal: options.signal });
      delay = Math.min(delay * 2, 60_000);
    }
  }
}
