/**
 * The WeChat channel: a personal WeChat account driven by Wechaty. Residents chat with it
 * privately or @-mention it in group chats; staff groups receive forwarded tip-offs
 * (notifications addressed to `room:<id>`).
 *
 * ```ts
 * const wechat = await startWechatChannel({ bot, outbox, http, config, log });
 * // … later
 * await wechat.stop();
 * ```
 */
import type { ChannelDeps } from '../deps.js';
import { join } from 'node:path';
import { WechatyBuilder, log as wechatyLog, type Wechaty } from 'wechaty';
import { DailyCap } from './daily-cap.js';
import { IdentityBook } from './identity.js';
import { WechatInbound } from './inbound.js';
import { watchLogin } from './login.js';
import { loadPuppet, type WechatyPuppet } from './puppet.js';
import { WechatSender } from './sender.js';
import { openWechatState } from './state.js';

export { WECHAT_CHANNEL, roomAddress } from './sender.js';
export type { WechatyPuppet } from './puppet.js';

/** Messages per second across all chats unless told otherwise: a person does not type faster. */
export const DEFAULT_WECHAT_PER_SECOND = 2;

export interface WechatChannelDeps extends ChannelDeps {
  /** Test seam: a puppet instance (e.g. wechaty-puppet-mock) instead of loading WECHAT_PUPPET. */
  puppet?: WechatyPuppet;
  /** Test seam: least ms between two messages to one chat (default WECHAT_MIN_INTERVAL_MS). */
  minIntervalMs?: number;
  /** Most messages per second across all chats (default {@link DEFAULT_WECHAT_PER_SECOND}). */
  perSecond?: number;
  /** Where the login QR code is printed (default stderr). */
  qrOutput?: NodeJS.WritableStream;
  /** Write a token into new friends' remarks so they are recognised after a new login (default true). */
  remarkTokens?: boolean;
  clock?: () => number;
}

/** A running WeChat channel. */
export interface WechatChannel {
  readonly wechaty: Wechaty;
  /** Resolves when every message event received so far has been handled. */
  idle(): Promise<void>;
  /**
   * Stop handling messages and sending. With a puppet loaded from WECHAT_PUPPET the web
   * session is left open — stopping wechat4u logs the account out and forgets the session,
   * and the next start would need a new scan — so call this only before the process exits.
   */
  stop(): Promise<void>;
}

/**
 * Start the WeChat channel: load the puppet, print the login QR code when a scan is needed,
 * hand residents' messages to the bot and register the sender with the outbox.
 *
 * @example
 * ```ts
 * // production: the puppet comes from WECHAT_PUPPET (wechaty-puppet-wechat4u by default)
 * const wechat = await startWechatChannel({ bot, outbox, http, config, log });
 * // tests: an injected mock puppet, a short interval
 * const wechat = await startWechatChannel({ bot, outbox, http: null, config, log, puppet: new PuppetMock({ mocker }), minIntervalMs: 5 });
 * ```
 */
export async function startWechatChannel(deps: WechatChannelDeps): Promise<WechatChannel> {
  const { bot, outbox, config, log } = deps;
  const clock = deps.clock ?? Date.now;
  const dir = join(config.DATA_DIR, 'wechat');
  const state = openWechatState(join(dir, 'state.db'));
  try {
    // Wechaty prints its own log to the terminal; keep it to warnings unless WECHATY_LOG says otherwise.
    if (!process.env['WECHATY_LOG']) wechatyLog.level('warn');
    const puppet = deps.puppet ?? (await loadPuppet(config.WECHAT_PUPPET, { uos: config.WECHAT_UOS }, log));
    // The memory card keeps the login session: `<DATA_DIR>/wechat/linli.memory-card.json`.
    const wechaty = WechatyBuilder.build({ name: join(dir, 'linli'), puppet });
    const identities = new IdentityBook(state);
    const sender = new WechatSender({
      wechaty,
      book: identities,
      cap: new DailyCap(state, config.WECHAT_DAILY_CAP),
      log,
      minIntervalMs: deps.minIntervalMs ?? config.WECHAT_MIN_INTERVAL_MS,
      perSecond: deps.perSecond ?? DEFAULT_WECHAT_PER_SECOND,
      clock,
    });
    const inbound = new WechatInbound({
      bot,
      book: identities,
      sender,
      log,
      dataDir: config.DATA_DIR,
      maxBytes: config.ATTACHMENT_MAX_BYTES,
      roomPrefix: config.WECHAT_ROOM_PREFIX,
      selfName: () => (wechaty.isLoggedIn ? wechaty.currentUser.name() : undefined),
      remarkTokens: deps.remarkTokens ?? true,
      locationOf: (messageId) => wechaty.puppet.messageLocation(messageId),
      clock,
    });

    watchLogin(wechaty, {
      log,
      output: deps.qrOutput ?? process.stderr,
      onLogin: () => {
        sender.newSession();
        // Sends refused while logged out wait for a retry minutes away: send them now.
        outbox.resume(sender.name);
      },
    });
    wechaty.on('message', (message) => void inbound.handle(message));
    wechaty.on('error', (err) => log.warn({ err: err.message }, 'wechat: SDK error'));
    outbox.register(sender);
    await wechaty.start();
    log.info({ puppet: deps.puppet ? 'injected' : config.WECHAT_PUPPET }, 'wechat channel started');

    const keepSession = deps.puppet === undefined;
    return {
      wechaty,
      idle: () => inbound.idle(),
      async stop() {
        sender.stop();
        await inbound.stop();
        if (!keepSession) await wechaty.stop();
        state.close();
        log.info({ sessionKept: keepSession }, 'wechat channel stopped');
      },
    };
  } catch (err) {
    state.close();
    throw err;
  }
}
