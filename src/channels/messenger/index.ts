/**
 * The Facebook Messenger channel, through bottender 1.5.5 used as a library: bottender's
 * MessengerBot answers Meta's subscription check (GET), checks X-Hub-Signature and turns the
 * webhook into events; messaging-api-messenger's client sends the outbox's replies.
 */
import type { ChannelDeps } from '../deps.js';
import type { MessengerConnector, MessengerContext } from 'bottender';
import { deliver, type Delivery } from '../bottender/deliver.js';
import { NoSessionStore } from '../bottender/session-store.js';
import { mountWebhook } from '../bottender/webhook.js';
import { planMessengerEvent, type MessengerTo } from './events.js';
import { fetchPhoto } from './photos.js';
import { MESSENGER_CHANNEL, MessengerSender } from './sender.js';
import { verifyHubSha256 } from './signature.js';

export { MESSENGER_CHANNEL } from './sender.js';

/** Where Meta posts webhooks (register `https://<your host>/webhooks/messenger`). */
export const MESSENGER_WEBHOOK_PATH = '/webhooks/messenger';

/**
 * The Graph API version used. messaging-api-messenger defaults to v6.0, long retired (Meta
 * silently upgrades calls to retired versions); naming a current one keeps behaviour explicit.
 */
export const GRAPH_API_VERSION = '22.0';

/** What the Messenger channel needs from the app (and one test seam). */
export interface MessengerChannelDeps extends ChannelDeps {
  /**
   * Where the Graph API lives (default https://graph.facebook.com). Tests point it at a fake
   * on 127.0.0.1; photos are then also fetched from there (otherwise only over HTTPS).
   */
  origin?: string;
}

/**
 * Start the Messenger channel: mount the webhook on `GET` and `POST /webhooks/messenger` and
 * register the Send API sender with the outbox.
 *
 * ```ts
 * const messenger = await startMessengerChannel({ bot, outbox, http, config, log });
 * // on shutdown, before closing the HTTP server
 * await messenger.stop();
 * ```
 *
 * @throws {Error} when the HTTP server is not running or the Messenger variables are missing.
 */
export async function startMessengerChannel(deps: MessengerChannelDeps): Promise<{ stop(): Promise<void> }> {
  const { config, http } = deps;
  if (!http) throw new Error('The messenger channel receives webhooks on the HTTP server, which is not running.');
  const accessToken = config.MESSENGER_PAGE_ACCESS_TOKEN;
  const appSecret = config.MESSENGER_APP_SECRET;
  const verifyToken = config.MESSENGER_VERIFY_TOKEN;
  if (!accessToken || !appSecret || !verifyToken) {
    throw new Error('The messenger channel needs MESSENGER_PAGE_ACCESS_TOKEN, MESSENGER_APP_SECRET and MESSENGER_VERIFY_TOKEN.');
  }

  // Loaded here so that an app without LINE or Messenger never loads bottender.
  const { MessengerBot, MessengerClient } = await import('bottender');
  const client = new MessengerClient({
    accessToken,
    appSecret,
    version: GRAPH_API_VERSION,
    ...(deps.origin ? { origin: deps.origin } : {}),
  });
  // Without a timeout a stalled connection would hold the outbox lane of that user for good.
  client.axios.defaults.timeout = 15_000;
  const messengerBot = new MessengerBot({
    client,
    appSecret,
    // The app id only matters for the handover protocol, which Linli does not use.
    appId: '',
    verifyToken,
    sessionStore: new NoSessionStore(),
    sync: true,
  });

  const log = deps.log.child({ channel: MESSENGER_CHANNEL });
  const delivery: Delivery<MessengerTo> = {
    channel: MESSENGER_CHANNEL,
    bot: deps.bot,
    log,
    dataDir: config.DATA_DIR,
    maxBytes: config.ATTACHMENT_MAX_BYTES,
    download: (url, maxBytes) => fetchPhoto(url, maxBytes, deps.origin),
    say: async (to, text) => {
      await client.sendText(to.psid, text, { messagingType: 'RESPONSE' });
    },
  };

  const webhook = mountWebhook<MessengerContext>({
    http,
    path: MESSENGER_WEBHOOK_PATH,
    get: true,
    bot: messengerBot,
    connector: messengerBot.connector as MessengerConnector,
    verify: (headers, rawBody) => verifyHubSha256(headers, rawBody, appSecret),
    log,
    handleEvent: (context) => deliver(planMessengerEvent(context.event.rawEvent, { standby: context.event.isStandby }), delivery),
  });
  deps.outbox.register(new MessengerSender(client));
  log.info({ path: MESSENGER_WEBHOOK_PATH }, 'Messenger webhook ready');
  return { stop: () => webhook.stop() };
}
