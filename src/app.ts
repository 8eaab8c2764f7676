/**
 * The composition root: the one module that knows every layer. It opens the database, builds
 * the NLU, the bot and its outbox, registers the domains and starts the channels.
 * `src/main.ts` runs it; tests build it with their own configuration.
 */
import { join } from 'node:path';
import type { Logger } from 'pino';
import { ConsoleChannel } from './channels/console.js';
import { mountFiles, mountHealth, mountHttpApi } from './channels/http/api.js';
import { HttpServer } from './channels/http/server.js';
import type { Config } from './config.js';
import { Bot } from './core/bot.js';
import type { Understander } from './core/context.js';
import { Outbox } from './core/outbox.js';
import { Scheduler } from './core/scheduler.js';
import { MessageStore } from './core/store.js';
import { openDatabase, type Database } from './db/client.js';
import { seedAdminConsole } from './admin/demo.js';
import { foundationSeeders, loadDemoData, type DemoSeeder } from './demo/seed.js';
import { DOMAINS } from './domains/index.js';
import { registerGeneral } from './domains/general/handlers.js';
import { createNlu } from './nlu/index.js';
import { allPlaces } from './nlu/entities/places.js';
import { warmUpDateTimes } from './nlu/entities/datetime.js';
import { maskPersonalData } from './privacy/mask.js';
import { openVault, type PiiVault } from './privacy/vault.js';

export interface App {
  config: Config;
  db: Database;
  bot: Bot;
  outbox: Outbox;
  store: MessageStore;
  vault: PiiVault;
  /** The HTTP server, when the http channel runs. */
  http: HttpServer | null;
  /** The port the HTTP server listens on (resolved when PORT is 0). */
  port: number | null;
  console: ConsoleChannel | null;
  scheduler: Scheduler;
  /** Stop channels, finish messages in flight, stop the outbox, close the database. */
  stop(): Promise<void>;
}

/**
 * What a domain gets to register itself: the bot (handlers, forms, `bot.notify`), Prisma, the
 * PII vault, the configuration, the scheduler for periodic work, a logger and the clock.
 */
export interface DomainDeps {
  bot: Bot;
  prisma: Database['prisma'];
  vault: PiiVault;
  config: Config;
  scheduler: Scheduler;
  log: Logger;
  /** The time now (controlled in tests). */
  clock: () => Date;
  /** The HTTP server, when one runs (for APIs such as Open311). */
  http: HttpServer | null;
  /** Add demo data, loaded into an empty database after every domain registered. */
  addDemoData(seeder: DemoSeeder): void;
}

/** A domain's registration function, e.g. `registerJobs`. */
export type DomainRegistration = (deps: DomainDeps) => unknown | Promise<unknown>;

export interface AppOverrides {
  /** The domains to register (default: all of {@link DOMAINS}), e.g. one domain in its tests. */
  domains?: readonly DomainRegistration[];
  /** Use this understander instead of training/loading the configured classifier. */
  nlu?: Understander;
  clock?: () => Date;
  /** Streams for the terminal chat (tests); default stdin/stdout. */
  consoleIo?: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream };
  onQuit?: () => void;
  /** `false` keeps periodic tasks from running by themselves (tests run them with `scheduler.runNow`). */
  scheduler?: boolean;
}

/** The channels to run: CHANNELS, or console (when stdin is a terminal) plus http. */
export function channelsToRun(config: Config, stdinIsTty: boolean): string[] {
  return config.CHANNELS ?? (stdinIsTty ? ['console', 'http'] : ['http']);
}

/**
 * Build and start Linli.
 *
 * ```ts
 * const app = await startApp(loadConfig(), createLogger());
 * // … later
 * await app.stop();
 * ```
 */
export async function startApp(config: Config, log: Logger, overrides: AppOverrides = {}): Promise<App> {
  const db = await openDatabase({ url: config.DATABASE_URL, logger: log });
  const platforms: Array<{ stop(): Promise<void> }> = [];
  try {
    const vault = openVault(config, log);
    const nlu =
      overrides.nlu ??
      (await createNlu({ dataDir: config.NLU_CACHE_DIR ?? join(config.DATA_DIR, 'nlu-cache'), classifier: config.NLU_CLASSIFIER, logger: log }));
    // Fail now on a broken places file, and build the date model before the first resident waits.
    allPlaces();
    warmUpDateTimes();
    // Inbound texts are stored with ID numbers and phones masked; form state (answers not yet
    // submitted) is encrypted.
    const store = new MessageStore(db.sqlite, {
      redact: maskPersonalData,
      seal: { seal: (plain) => vault.encrypt(plain), open: (sealed) => vault.decrypt(sealed) },
    });
    const outbox = new Outbox(store.outbox, { log, maxAttempts: config.OUTBOX_MAX_ATTEMPTS });
    const channels = channelsToRun(config, process.stdin.isTTY === true);
    const clock = overrides.clock ?? (() => new Date());
    const bot = new Bot({
      store,
      nlu,
      log,
      outbox,
      formExpiryMinutes: config.FORM_EXPIRY_MINUTES,
      inlineReplyChannels: ['http'],
      clock,
    });

    // The HTTP server carries the HTTP API, the platforms' webhooks and domain APIs.
    const webhooks = channels.includes('line') || channels.includes('messenger') || (channels.includes('telegram') && !!config.TELEGRAM_WEBHOOK_URL);
    let http: HttpServer | null = null;
    if (channels.includes('http') || webhooks) {
      http = new HttpServer({ host: config.HOST, port: config.PORT, log });
      mountHealth(http, () => ({ outbox: store.outbox.counts() }));
      if (channels.includes('http')) {
        mountHttpApi(http, bot);
        mountFiles(http, config.DATA_DIR);
      }
    }

    // Domains first, the general dialogue last: it answers whatever no domain took.
    const scheduler = new Scheduler(log);
    const seeders = [...foundationSeeders, seedAdminConsole];
    const domainDeps: DomainDeps = {
      bot, prisma: db.prisma, vault, config, scheduler, log, clock, http,
      addDemoData: (seeder) => seeders.push(seeder),
    };
    for (const register of overrides.domains ?? DOMAINS) await register(domainDeps);
    registerGeneral(bot, {
      prisma: db.prisma,
      officeHours: config.OFFICE_HOURS,
      officePhone: config.OFFICE_PHONE,
    });

    if (config.DEMO_DATA && (await loadDemoData(db.prisma, seeders, clock()))) log.info('demo data loaded');
    let consoleChannel: ConsoleChannel | null = null;
    if (channels.includes('console')) {
      consoleChannel = new ConsoleChannel({ bot, ...overrides.consoleIo, onQuit: overrides.onQuit });
      outbox.register(consoleChannel);
    }
    // Platform channels: each registers its sender with the outbox and its webhook, if any.
    const deps = { bot, outbox, http, config, log };
    // Loaded only when asked for: the SDKs are heavy (wechaty alone is ~90 MB resident).
    if (channels.includes('wechat')) platforms.push(await (await import('./channels/wechat/index.js')).startWechatChannel(deps));
    if (channels.includes('telegram')) platforms.push(await (await import('./channels/telegram/index.js')).startTelegramChannel(deps));
    if (channels.includes('line')) platforms.push(await (await import('./channels/line/index.js')).startLineChannel(deps));
    if (channels.includes('messenger')) platforms.push(await (await import('./channels/messenger/index.js')).startMessengerChannel(deps));

    const port = http ? await http.listen() : null;
    if (http) log.info({ url: `http://${config.HOST}:${port}` }, 'HTTP server listening');
    // The staff's console, on its own port; loaded only when enabled.
    if (config.ADMIN_ENABLED) {
      const { startAdminConsole } = await import('./admin/server.js');
      const modules = await Promise.all([
        import('./admin/modules/domain-stats.js').then((m) => m.domainStatsModule),
        import('./admin/modules/hazards/index.js').then((m) => m.hazardsModule),
        import('./admin/modules/jobs/index.js').then((m) => m.jobsModule),
        import('./admin/modules/insurance/index.js').then((m) => m.insuranceModule),
        import('./admin/modules/events/index.js').then((m) => m.eventsModule),
      ]);
      const admin = await startAdminConsole({ prisma: db.prisma, config, log, bot, clock, vault, modules });
      platforms.push(admin);
      log.info({ url: `http://${config.ADMIN_HOST}:${admin.port}/admin` }, 'admin console listening');
    }
    await bot.recoverInterrupted();
    outbox.start();
    if (overrides.scheduler !== false) scheduler.start();
    consoleChannel?.start();

    return {
      config,
      db,
      bot,
      outbox,
      store,
      vault,
      http,
      port,
      console: consoleChannel,
      scheduler,
      async stop() {
        consoleChannel?.stop();
        await scheduler.stop();
        // Platforms first: they stop taking messages and wait for those in flight.
        for (const platform of platforms) await platform.stop();
        await http?.close();
        await bot.drain();
        await outbox.stop();
        await db.close();
      },
    };
  } catch (err) {
    for (const platform of platforms) await platform.stop().catch(() => {});
    await db.close();
    throw err;
  }
}
