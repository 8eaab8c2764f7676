/**
 * The Telegram channel, through grammY: long polling by default, a webhook when
 * TELEGRAM_WEBHOOK_URL is set. Updates become core Inbounds (see `updates.ts`); replies and
 * notifications go out through the outbox (see `sender.ts`), paced to Telegram's limits and
 * retried after a 429's `retry_after`.
 */
import type { ChannelDeps } from '../deps.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { Bot as GrammyBot, GrammyError } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { KeyedQueue } from '../../core/keyed-queue.js';
import type { RateLimits } from '../../core/rate-limit.js';
import { fileDownloader } from './files.js';
import { loggable } from './loggable.js';
import { TelegramSender } from './sender.js';
import { telegramUpdates } from './updates.js';
import { ALLOWED_UPDATES, mountWebhook, registerWebhook } from './webhook.js';

export { TELEGRAM_CHANNEL } from './inbound.js';
export { TELEGRAM_LIMITS } from './sender.js';

export interface TelegramChannelDeps extends ChannelDeps {
  /** Test seam: the bot's own user, so no `getMe` is needed. */
  botInfo?: UserFromGetMe;
  /** Test seam: pacing instead of {@link TELEGRAM_LIMITS}. */
  limits?: RateLimits;
}

/** A running Telegram channel. */
export interface TelegramChannel {
  readonly mode: 'polling' | 'webhook';
  /**
   * Resolves once Telegram took the setup (polling under way, or the webhook registered);
   * rejects if Telegram refused it (already logged). Start-up does not wait for it: while
   * Telegram cannot be reached the channel keeps trying and the rest of Linli runs.
   */
  readonly ready: Promise<void>;
  /** Stop receiving and wait for updates in flight. The webhook stays registered for the next start. */
  stop(): Promise<void>;
}

/** grammY's Node build types its signals with the `abort-controller` polyfill's class. */
type GrammySignal = Parameters<GrammyBot['init']>[0];

/** Why Telegram refused the setup, in words an operator can act on. */
function explain(err: unknown): string {
  if (err instanceof GrammyError && err.error_code === 401) return 'Telegram refused the bot token (401): check TELEGRAM_BOT_TOKEN';
  if (err instanceof GrammyError && err.error_code === 409) return 'another process is receiving updates for this bot (409 Conflict)';
  return 'the Telegram channel could not be set up';
}

/** Wait for `task`, but no longer than `ms` (shutdown must not hang on an unreachable API). */
async function settle(task: Promise<unknown> | undefined, ms: number): Promise<void> {
  if (task) await Promise.race([task.catch(() => {}), sleep(ms, undefined, { ref: false })]);
}

/**
 * Start the Telegram channel: register its sender with the outbox and start receiving, by long
 * polling or — when TELEGRAM_WEBHOOK_URL is set — by a webhook route on `http` at the URL's
 * path, protected by TELEGRAM_WEBHOOK_SECRET.
 *
 * ```ts
 * const telegram = await startTelegramChannel({ bot, outbox, http, config, log });
 * // … on shutdown, before the outbox stops:
 * await telegram.stop();
 * ```
 *
 * @throws {Error} when TELEGRAM_BOT_TOKEN is missing, or a webhook is configured without a
 *   secret or without an HTTP server to mount it on.
 */
export async function startTelegramChannel(deps: TelegramChannelDeps): Promise<TelegramChannel> {
  const { config } = deps;
  const token = config.TELEGRAM_BOT_TOKEN;
  if (!token) throw new Error('the telegram channel needs TELEGRAM_BOT_TOKEN');
  const webhookUrl = config.TELEGRAM_WEBHOOK_URL;
  const secret = config.TELEGRAM_WEBHOOK_SECRET;
  if (webhookUrl && !secret) throw new Error('TELEGRAM_WEBHOOK_URL needs TELEGRAM_WEBHOOK_SECRET');
  if (webhookUrl && !deps.http) throw new Error('TELEGRAM_WEBHOOK_URL is set but the HTTP server is not running (the app starts it whenever a webhook needs it)');
  const log = deps.log.child({ channel: 'telegram' });
  const apiRoot = config.TELEGRAM_API_ROOT.replace(/\/+$/, '');
  // The client timeout bounds every call; long polls ask Telegram for 30 s, so leave room.
  const tg = new GrammyBot(token, { ...(deps.botInfo ? { botInfo: deps.botInfo } : {}), client: { apiRoot, timeoutSeconds: 60 } });
  const queue = new KeyedQueue();
  tg.use(
    telegramUpdates({
      core: deps.bot,
      log,
      queue,
      dataDir: config.DATA_DIR,
      maxAttachmentBytes: config.ATTACHMENT_MAX_BYTES,
      download: fileDownloader(tg.api, { apiRoot, token }),
    }),
  );
  tg.catch((err) => log.error({ ...loggable(err), updateId: err.ctx.update.update_id }, 'telegram: update failed'));
  deps.outbox.register(new TelegramSender(tg.api, log, deps.limits));

  const abort = new AbortController();
  let running = true;
  let polling: Promise<void> | undefined;
  let ready: Promise<void>;

  if (webhookUrl && secret && deps.http) {
    const path = mountWebhook(deps.http, tg, { url: webhookUrl, secret, log, accepting: () => running });
    ready = (async () => {
      await tg.init(abort.signal as GrammySignal);
      await registerWebhook(tg, { url: webhookUrl, secret, log, signal: abort.signal });
      log.info({ path, username: tg.botInfo.username }, 'telegram: webhook registered');
    })();
  } else {
    ready = (async () => {
      await tg.init(abort.signal as GrammySignal);
      if (!running) return;
      // grammY's own polling: deleteWebhook first (so switching back from a webhook works),
      // then getUpdates in a loop, each batch handled in order before the next is fetched.
      await new Promise<void>((resolve, reject) => {
        let started = false;
        polling = tg
          .start({
            allowed_updates: [...ALLOWED_UPDATES],
            onStart: () => {
              started = true;
              resolve();
            },
          })
          .then(
            () => log.info('telegram: long polling stopped'),
            (err: unknown) => {
              if (!started) return reject(err);
              if (running) log.error(loggable(err), `telegram: long polling ended: ${explain(err)}`);
            },
          );
      });
      log.info({ username: tg.botInfo.username }, 'telegram: long polling started');
    })();
  }
  ready.catch((err: unknown) => {
    if (running) log.error(loggable(err), explain(err));
  });

  return {
    mode: webhookUrl ? 'webhook' : 'polling',
    ready,
    async stop() {
      if (!running) return;
      running = false;
      abort.abort();
      // stop() confirms the last offset with one more getUpdates; do not hang on it.
      if (tg.isRunning()) await settle(tg.stop(), 5_000);
      await settle(polling, 10_000);
      await queue.drain();
    },
  };
}
