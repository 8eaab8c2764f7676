/**
 * The LINE channel, through bottender 1.5.5 used as a library: bottender's LineBot checks the
 * X-Line-Signature and turns the webhook into events; messaging-api-line's client fetches
 * photos and pushes the outbox's replies.
 */
import type { ChannelDeps } from '../deps.js';
import type { LineConnector, LineContext } from 'bottender';
import { deliver, readLimited, type Delivery } from '../bottender/deliver.js';
import { NoSessionStore } from '../bottender/session-store.js';
import { mountWebhook } from '../bottender/webhook.js';
import { oneToOneOnly, planLineEvent, type LineTo } from './events.js';
import { LINE_CHANNEL, LineSender } from './sender.js';

export { LINE_CHANNEL } from './sender.js';

/** Where LINE posts webhooks (register `https://<your host>/webhooks/line`). */
export const LINE_WEBHOOK_PATH = '/webhooks/line';

/** What the LINE channel needs from the app (and one test seam). */
export interface LineChannelDeps extends ChannelDeps {
  /**
   * Where the LINE APIs live — both api.line.me and api-data.line.me (photo content). Tests
   * point it at a fake on 127.0.0.1; leave it unset in production.
   */
  origin?: string;
}

/**
 * Start the LINE channel: mount the webhook on `POST /webhooks/line` and register the push
 * sender with the outbox.
 *
 * ```ts
 * const line = await startLineChannel({ bot, outbox, http, config, log });
 * // on shutdown, before closing the HTTP server
 * await line.stop();
 * ```
 *
 * @throws {Error} when the HTTP server is not running or the LINE variables are missing.
 */
export async function startLineChannel(deps: LineChannelDeps): Promise<{ stop(): Promise<void> }> {
  const { config, http } = deps;
  if (!http) throw new Error('The line channel receives webhooks on the HTTP server, which is not running.');
  const accessToken = config.LINE_ACCESS_TOKEN;
  const channelSecret = config.LINE_CHANNEL_SECRET;
  if (!accessToken || !channelSecret) throw new Error('The line channel needs LINE_ACCESS_TOKEN and LINE_CHANNEL_SECRET.');

  // Loaded here so that an app without LINE or Messenger never loads bottender.
  const { LineBot, LineClient } = await import('bottender');
  // bottender's own `origin` option does not reach photo downloads (api-data.line.me), so the
  // client is built here with both origins and handed to the bot.
  const client = new LineClient({
    accessToken,
    channelSecret,
    ...(deps.origin ? { origin: deps.origin, dataOrigin: deps.origin } : {}),
  });
  // Without a timeout a stalled connection would hold the outbox lane of that user for good.
  client.axios.defaults.timeout = 15_000;
  client.dataAxios.defaults.timeout = 30_000;
  const lineBot = new LineBot({ client, channelSecret, sessionStore: new NoSessionStore(), sync: true });

  const log = deps.log.child({ channel: LINE_CHANNEL });
  const delivery: Delivery<LineTo> = {
    channel: LINE_CHANNEL,
    bot: deps.bot,
    log,
    dataDir: config.DATA_DIR,
    maxBytes: config.ATTACHMENT_MAX_BYTES,
    download: async (messageId, maxBytes) => ({ bytes: await readLimited(await client.getMessageContentStream(messageId), maxBytes) }),
    say: async (to, text) => {
      // The reply token is free and immediate; a push counts against the monthly quota.
      if (to.replyToken) await client.reply(to.replyToken, [{ type: 'text', text }]);
      else await client.push(to.userId, [{ type: 'text', text }]);
    },
  };

  const webhook = mountWebhook<LineContext>({
    http,
    path: LINE_WEBHOOK_PATH,
    bot: lineBot,
    connector: lineBot.connector as LineConnector,
    select: oneToOneOnly,
    log,
    handleEvent: (context) => deliver(planLineEvent(context.event.rawEvent), delivery),
  });
  deps.outbox.register(new LineSender(client));
  log.info({ path: LINE_WEBHOOK_PATH }, 'LINE webhook ready');
  return { stop: () => webhook.stop() };
}
