/**
 * A Linli app (real pipeline, keyword NLU, temp SQLite) with the Telegram channel started
 * against a fake Bot API server. Not a test file: the Telegram tests share it.
 */
import { startTelegramChannel, type TelegramChannel } from '../../../src/channels/telegram/index.js';
import type { Config } from '../../../src/config.js';
import type { RateLimits } from '../../../src/core/rate-limit.js';
import { memoryLog, startTestApp, type TestApp } from '../../helpers/app.js';
import { FakeTelegram } from '../../helpers/fake-telegram.js';
import { keywordNlu } from '../../helpers/keyword-nlu.js';

export const WEBHOOK_SECRET = 'test-secret_0123456789abcdef';

export interface TelegramHarness {
  fake: FakeTelegram;
  app: TestApp;
  channel: TelegramChannel;
  /** The channel's own log lines. */
  logs: Array<Record<string, unknown>>;
  /** Inbound rows of the telegram channel. */
  inbound(): Array<{ platform_message_id: string; sender_id: string; reply_address: string; text: string; attachments: string | null }>;
  /** Outbound rows of the telegram channel. */
  outbound(): Array<{ address: string; text: string; status: string; attempts: number; last_error: string | null }>;
  dispose(): Promise<void>;
}

export async function startTelegramHarness(
  options: { webhook?: boolean; limits?: RateLimits; config?: Partial<Config> } = {},
): Promise<TelegramHarness> {
  const fake = await new FakeTelegram().start();
  const app = await startTestApp({ nlu: keywordNlu });
  const { log, logs } = memoryLog();
  const config: Config = {
    ...app.config,
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    ...(options.webhook ? { TELEGRAM_WEBHOOK_URL: app.url('/telegram/webhook'), TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET } : {}),
    ...options.config,
  };
  const channel = await startTelegramChannel({
    bot: app.bot,
    outbox: app.outbox,
    http: app.http,
    config,
    log,
    botInfo: fake.botInfo,
    ...(options.limits ? { limits: options.limits } : {}),
  });
  await channel.ready;
  const rows = (sql: string) => app.db.sqlite.prepare(sql).safeIntegers(false).all() as any[];
  return {
    fake,
    app,
    channel,
    logs,
    inbound: () => rows("SELECT * FROM inbound_messages WHERE channel = 'telegram' ORDER BY id"),
    outbound: () => rows("SELECT * FROM outbound_messages WHERE channel = 'telegram' ORDER BY id"),
    async dispose() {
      await channel.stop();
      await app.dispose();
      await fake.close();
    },
  };
}
