/**
 * What every platform channel gets from the app when it starts. Channels add their own test
 * seams (an injected puppet, an API origin) by extending it.
 */
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Bot } from '../core/bot.js';
import type { Outbox } from '../core/outbox.js';
import type { HttpServer } from './http/server.js';

export interface ChannelDeps {
  /** The core pipeline: `bot.receive()` for each platform message. */
  bot: Bot;
  /** Where the channel registers its sender. */
  outbox: Outbox;
  /** The HTTP server for webhooks; the app starts it whenever a webhook channel runs. */
  http: HttpServer | null;
  config: Config;
  log: Logger;
}
