// Opens Linli's SQLite database: one better-sqlite3 connection shared by Prisma and by the raw
// statements of the core message store. better-sqlite3 is synchronous, so a second connection in
// the same process would wait on the first one's write lock while blocking the event loop that
// could release it: one connection, always.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type BetterSqlite3 from 'better-sqlite3';
import type { Logger } from 'pino';
import { PrismaClient } from '../generated/prisma/client.js';
import { startCheckpointer } from './checkpointer.js';
import { migrate } from './migrator.js';

/** The default database location, relative to the working directory. */
export const DEFAULT_DATABASE_URL = 'file:./data/linli.db';

/**
 * An open database. `prisma` and `sqlite` are two views of the same connection: a row written
 * through one is visible to the other at once, and a transaction opened on one includes the
 * other's writes while it is open (keep transactions short).
 *
 * The adapter turns on `defaultSafeIntegers(true)` for the connection, so raw statements return
 * integers as `bigint` unless they opt out: prepare them with `.safeIntegers(false)`.
 * Timestamps are stored as Unix epoch milliseconds (integers) in `DateTime` columns; raw SQL
 * must write them the same way (`Date.now()`), Prisma reads them back as `Date`.
 */
export interface Database {
  /** Prisma Client over the shared connection. */
  prisma: PrismaClient;
  /** The shared better-sqlite3 connection, for hot-path raw statements. */
  sqlite: BetterSqlite3.Database;
  /** The URL the database was opened with. */
  url: string;
  /** Disconnects Prisma and closes the connection. Use this, not `prisma.$disconnect()`. */
  close(): Promise<void>;
}

/** Options of {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /** `file:./data/linli.db` (relative to the working directory), a plain path, or `:memory:`. */
  url: string;
  /** Apply pending migrations before returning (default `true`). */
  migrate?: boolean;
  /** Receives one line per applied migration. */
  logger?: Logger;
}

/**
 * Turns a database URL into a file path: `file:` is dropped and a relative path is resolved
 * against the working directory.
 *
 * @example
 * ```ts
 * databasePath('file:./data/linli.db'); // '/srv/linli/data/linli.db' when started in /srv/linli
 * ```
 */
export function databasePath(url: string): string {
  const path = url.replace(/^file:/, '');
  return path === ':memory:' ? path : resolve(path);
}

/**
 * Sets a connection up the way Linli runs: write-ahead log (readers never wait for the writer;
 * skipped for `:memory:`), foreign keys enforced, `synchronous=NORMAL` (durable at checkpoints,
 * safe with WAL) and a 5 s busy timeout for the odd second process such as `db:migrate`.
 *
 * @example
 * ```ts
 * configureConnection(new BetterSqlite3('data/linli.db'), 'data/linli.db');
 * ```
 */
export function configureConnection(sqlite: BetterSqlite3.Database, path: string): void {
  if (path !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  // Deleted personal data must not linger in the file's free space (privacy.delete).
  sqlite.pragma('secure_delete = FAST');
}

function sharedConnection(adapter: SqlDriverAdapter): BetterSqlite3.Database {
  // The adapter keeps its connection in `client` (adapter-better-sqlite3 7.10, dist/index.mjs);
  // it is not in the published types, so check it rather than trust it.
  const client = (adapter as unknown as { client?: BetterSqlite3.Database }).client;
  if (client === undefined || typeof client.prepare !== 'function' || typeof client.exec !== 'function') {
    throw new Error(
      '@prisma/adapter-better-sqlite3 no longer exposes its connection as `client`; ' +
        'src/db/client.ts must be updated for this adapter version.',
    );
  }
  return client;
}

/**
 * Opens the database, creating its folder and file when missing, sets the connection up
 * ({@link configureConnection}), applies pending migrations and connects Prisma, warmed up so
 * the first real query is not slow. Migration problems (an edited migration, a failed one…)
 * reject with a `MigrationError` that says what to do.
 *
 * @example
 * ```ts
 * const db = await openDatabase({ url: process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, logger });
 * const count = await db.prisma.resident.count();
 * const row = db.sqlite.prepare('SELECT count(*) AS n FROM residents').safeIntegers(false).get();
 * await db.close();
 * ```
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const path = databasePath(options.url);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });

  const adapterFactory = new PrismaBetterSqlite3(
    { url: path, timeout: 5000 },
    { timestampFormat: 'unixepoch-ms' },
  );
  const adapter = await adapterFactory.connect();
  const sqlite = sharedConnection(adapter);
  try {
    configureConnection(sqlite, path);

    // Before Prisma's first query, so Prisma never sees a half-migrated schema.
    if (options.migrate !== false) migrate(sqlite, { logger: options.logger });

    // Prisma disposes its adapter on $disconnect and reconnects lazily on the next query; the
    // connection belongs to this Database, so disposing is a no-op and close() closes it.
    adapter.dispose = async () => {};
    const factory: SqlDriverAdapterFactory = {
      provider: 'sqlite',
      adapterName: adapter.adapterName,
      connect: async () => adapter,
    };
    const prisma = new PrismaClient({ adapter: factory });
    await prisma.$connect();
    // The first model query of a process starts Prisma's query compiler (~120 ms here): pay it
    // at start-up rather than on a resident's first message. Needs the tables, hence migrated.
    if (options.migrate !== false) await prisma.resident.findFirst({ select: { id: true } });

    const checkpointer = path === ':memory:' ? null : startCheckpointer(sqlite, path);
    return {
      prisma,
      sqlite,
      url: options.url,
      async close() {
        await checkpointer?.stop();
        await prisma.$disconnect();
        if (sqlite.open) sqlite.close();
      },
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
