/**
 * Linli's configuration: one zod schema over the environment (and an optional `.env` file in
 * the working directory). Invalid configuration stops start-up with a message naming the
 * variable and what is wrong. README.md lists every variable with its default.
 */
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { OfficeHoursSchema } from './domains/general/office-hours.js';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** The names of the channels Linli can run. */
export const CHANNEL_NAMES = ['console', 'http', 'wechat', 'telegram', 'line', 'messenger'] as const;

export const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** SQLite database; a relative path is relative to the working directory. */
  DATABASE_URL: z.string().min(1).default('file:./data/linli.db'),
  /** Where runtime files go: the NLU model cache, the development PII key, attachments. */
  DATA_DIR: z.string().min(1).default('./data'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Comma list; default: console (only when stdin is a terminal) and http. */
  CHANNELS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return undefined;
      const names = v.split(',').map((s) => s.trim()).filter(Boolean);
      for (const name of names) {
        if (!(CHANNEL_NAMES as readonly string[]).includes(name)) {
          ctx.addIssue({ code: 'custom', message: `unknown channel "${name}" (known: ${CHANNEL_NAMES.join(', ')})` });
          return z.NEVER;
        }
      }
      return names as Array<(typeof CHANNEL_NAMES)[number]>;
    }),
  /** Load the demo data (residents, staff…) when the database is empty. */
  DEMO_DATA: bool.default(true),
  NLU_CLASSIFIER: z.enum(['ngram', 'node-nlp']).default('ngram'),
  /** Where the trained NLU model is cached (default DATA_DIR/nlu-cache). */
  NLU_CACHE_DIR: z.string().min(1).optional(),
  FORM_EXPIRY_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  /** Office hours (ISO weekdays, then times, Asia/Shanghai), quoted when a resident asks for a person. */
  OFFICE_HOURS: OfficeHoursSchema.prefault('1-5 08:30-12:00,14:30-17:30'),
  /** Office phone quoted when a resident asks for a person. */
  OFFICE_PHONE: z.string().min(1).default('0570-0000000'),
  /** 64 hex characters (32 bytes) encrypting personal data; generated under DATA_DIR in development. */
  PII_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (32 bytes), e.g. from `openssl rand -hex 32`')
    .optional(),
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** Largest photo a channel saves (bytes). */
  ATTACHMENT_MAX_BYTES: z.coerce.number().int().min(1024).default(5 * 1024 * 1024),

  // Gig-work hub (零工之家)
  /** Most job recommendations one seeker receives a day. */
  JOBS_RECOMMENDATIONS_PER_DAY: z.coerce.number().int().min(0).max(50).default(3),
  /** What residents are told about labour-rights help (inspection, hotline). */
  JOBS_LABOR_HELP_TEXT: z
    .string()
    .min(1)
    .default('遇到欠薪、不签合同、工伤等问题，可以：1. 拨打劳动保障咨询电话 12333；2. 到区劳动保障监察大队投诉；3. 在这里留下情况，零工之家工作人员会联系您。'),

  // Resident medical insurance (城乡居民医保)
  /** The policy data file (contributions, subsidies, deadlines), validated at start-up. */
  INSURANCE_POLICY_FILE: z.string().min(1).default('seed/insurance-policy.json'),
  /** Days before the enrolment deadline when reminders go out. */
  INSURANCE_REMINDER_DAYS: z.coerce.number().int().min(1).max(120).default(14),

  // Hazard reports (随手拍)
  /** Hours a report may wait for acknowledgement before it is escalated. */
  HAZARD_ACK_HOURS: z.coerce.number().min(0.1).max(168).default(4),
  /** Minutes an urgent report may wait for acknowledgement before it is escalated. */
  HAZARD_URGENT_ACK_MINUTES: z.coerce.number().min(1).max(240).default(15),
  /** Comma list of API keys allowed to POST Open311 requests. */
  OPEN311_API_KEYS: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').map((k) => k.trim()).filter(Boolean) : [])),

  // Admin console
  /** Serve the admin web console. */
  ADMIN_ENABLED: bool.default(true),
  ADMIN_HOST: z.string().min(1).default('127.0.0.1'),
  /** Admin console port (`0` = any free port). */
  ADMIN_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  /** Hours an admin session lasts without activity. */
  ADMIN_SESSION_HOURS: z.coerce.number().min(0.1).max(24 * 30).default(8),
  /** Failed logins in a row before an account is locked for ADMIN_LOCKOUT_MINUTES. */
  ADMIN_MAX_FAILED_LOGINS: z.coerce.number().int().min(1).max(100).default(5),
  ADMIN_LOCKOUT_MINUTES: z.coerce.number().min(1).max(24 * 60).default(15),
  /** Send the session cookie only over HTTPS (set true behind an HTTPS proxy). */
  ADMIN_SECURE_COOKIE: bool.default(false),

  // WeChat (wechaty)
  /** wechaty puppet package; `wechaty-puppet-wechat4u` speaks web WeChat. */
  WECHAT_PUPPET: z.string().min(1).default('wechaty-puppet-wechat4u'),
  /** Log in with the UOS desktop protocol (helps accounts refused by web WeChat). */
  WECHAT_UOS: bool.default(true),
  /** In group chats the bot answers when @-mentioned or when a message starts with this. */
  WECHAT_ROOM_PREFIX: z.string().min(1).default('邻里'),
  /** Least time between two messages to one chat (ms), against account risk control. */
  WECHAT_MIN_INTERVAL_MS: z.coerce.number().int().min(1000).default(1500),
  /** Most messages the bot sends per day; past it, messages wait for the next day. */
  WECHAT_DAILY_CAP: z.coerce.number().int().min(1).default(800),

  // Telegram (grammY)
  TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[\w-]+$/, 'must look like 123456:ABC-DEF…').optional(),
  /** When set, Telegram posts updates to this public URL (webhook) instead of long polling. */
  TELEGRAM_WEBHOOK_URL: z.url().optional(),
  /** Secret Telegram sends with each webhook call; required with TELEGRAM_WEBHOOK_URL. */
  TELEGRAM_WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, '16–256 of A-Z a-z 0-9 _ -').optional(),
  /** Bot API root (a local Bot API server or a proxy). */
  TELEGRAM_API_ROOT: z.url().default('https://api.telegram.org'),

  // LINE and Messenger (bottender)
  LINE_CHANNEL_SECRET: z.string().min(1).optional(),
  LINE_ACCESS_TOKEN: z.string().min(1).optional(),
  MESSENGER_APP_SECRET: z.string().min(1).optional(),
  MESSENGER_PAGE_ACCESS_TOKEN: z.string().min(1).optional(),
  MESSENGER_VERIFY_TOKEN: z.string().min(1).optional(),
}).superRefine((c, ctx) => {
  // A channel asked for must have what it needs to run.
  const need = (channel: string, vars: Array<keyof typeof c>) => {
    if (!c.CHANNELS?.includes(channel as never)) return;
    for (const v of vars) if (!c[v]) ctx.addIssue({ code: 'custom', path: [v], message: `required when CHANNELS includes ${channel}` });
  };
  need('telegram', ['TELEGRAM_BOT_TOKEN']);
  need('line', ['LINE_CHANNEL_SECRET', 'LINE_ACCESS_TOKEN']);
  need('messenger', ['MESSENGER_APP_SECRET', 'MESSENGER_PAGE_ACCESS_TOKEN', 'MESSENGER_VERIFY_TOKEN']);
  if (c.TELEGRAM_WEBHOOK_URL && !c.TELEGRAM_WEBHOOK_SECRET) {
    ctx.addIssue({ code: 'custom', path: ['TELEGRAM_WEBHOOK_SECRET'], message: 'required with TELEGRAM_WEBHOOK_URL' });
  }
});

export type Config = z.infer<typeof ConfigSchema>;

/** Configuration is invalid; the message names each bad variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Read the configuration from `env` (default `process.env`, after loading `./.env` if present).
 *
 * @throws {ConfigError} naming every invalid variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = readEnv()): Config {
  const result = ConfigSchema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(config)'}: ${i.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}

function readEnv(): NodeJS.ProcessEnv {
  if (existsSync('.env')) process.loadEnvFile('.env');
  return process.env;
}
