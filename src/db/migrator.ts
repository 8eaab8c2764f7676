// The runtime migrator: applies the SQL migrations in prisma/migrations at start-up and records
// them in `_prisma_migrations` exactly as `prisma migrate deploy` does on SQLite, so a database
// migrated here and one migrated by the Prisma CLI (where its native engine is available) are
// interchangeable.
import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { Logger } from 'pino';
import { compare, hasMigrationsTable, type MigrationStatus } from './migration-status.js';
import { defaultMigrationsDir, readMigrations } from './migrations.js';

export { migrationStatus, type MigrationStatus } from './migration-status.js';

/**
 * Prisma's own DDL for the migrations table on SQLite (schema-engine sql-schema-connector,
 * `create_migrations_table`). `IF NOT EXISTS` is dropped by SQLite from the stored schema text, so
 * the table is indistinguishable from one Prisma created.
 */
export const MIGRATIONS_TABLE_DDL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
);`;

/** Why the migrator refused to go on. */
export type MigrationErrorKind = 'modified' | 'failed' | 'missing' | 'not-empty' | 'apply-failed';

/** A migration problem that needs a person: the message says what happened and what to do. */
export class MigrationError extends Error {
  override name = 'MigrationError';
  constructor(
    readonly kind: MigrationErrorKind,
    /** The migration concerned, when there is one. */
    readonly migration: string | undefined,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Options of {@link migrate}. */
export interface MigrateOptions {
  /** Migrations folder; defaults to the project's `prisma/migrations`. */
  dir?: string;
  /** Receives one line per applied migration. */
  logger?: Logger;
}

function refuseBrokenHistory(status: MigrationStatus, dir: string): void {
  const [failed] = status.failed;
  if (failed !== undefined) {
    throw new MigrationError(
      'failed',
      failed,
      `Migration ${failed} was started but never finished in this database (a failed run of the ` +
        `Prisma CLI). Inspect the database, then mark it with \`prisma migrate resolve ` +
        `--rolled-back ${failed}\` or \`--applied ${failed}\` before starting again.`,
    );
  }
  const [modified] = status.modified;
  if (modified !== undefined) {
    throw new MigrationError(
      'modified',
      modified,
      `Migration ${modified} was modified after it was applied: its migration.sql no longer ` +
        `matches the checksum recorded in _prisma_migrations. Restore the committed file and ` +
        `create a new migration instead (npm run db:migrate -- dev --name <change>).`,
    );
  }
  const [missing] = status.missing;
  if (missing !== undefined) {
    throw new MigrationError(
      'missing',
      missing,
      `Migration ${missing} is recorded as applied in this database but is missing from ${dir}. ` +
        `The code is older than the database or the folder was deleted or renamed: restore it.`,
    );
  }
}

function userTables(sqlite: BetterSqlite3.Database): string[] {
  const rows = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .safeIntegers(false)
    .all() as { name: string }[];
  return rows.map((row) => row.name);
}

/**
 * Applies every pending migration, oldest first, and records each in `_prisma_migrations` as the
 * Prisma CLI does (random UUID id, SHA-256 checksum, `started_at`/`finished_at` in epoch
 * milliseconds, `applied_steps_count` 1). Each migration runs in its own `BEGIN IMMEDIATE`
 * transaction together with its record, so a failing script leaves the database as it was and
 * two processes starting at once cannot apply the same migration twice.
 *
 * Foreign key enforcement is switched off around each migration (SQLite ignores that pragma
 * inside a transaction, and Prisma's table-rebuild scripts rely on it) and the result is checked
 * with `PRAGMA foreign_key_check` before committing.
 *
 * Refuses to run, with a {@link MigrationError} naming the migration, when a committed
 * migration was edited, a migration is recorded but gone from disk, or a failed run is recorded.
 *
 * @param sqlite an open connection; must not be inside a transaction
 * @returns the names of the migrations applied now (empty when the database was up to date)
 * @example
 * ```ts
 * const { applied } = migrate(sqlite, { logger });
 * ```
 */
export function migrate(
  sqlite: BetterSqlite3.Database,
  options: MigrateOptions = {},
): { applied: string[] } {
  const dir = options.dir ?? defaultMigrationsDir;
  if (sqlite.inTransaction) {
    throw new Error('migrate() must not be called inside a transaction.');
  }
  const files = readMigrations(dir);

  sqlite
    .transaction(() => {
      if (hasMigrationsTable(sqlite)) return;
      const tables = userTables(sqlite);
      if (tables.length > 0 && files.length > 0) {
        throw new MigrationError(
          'not-empty',
          undefined,
          `The database already has tables (${tables.join(', ')}) but no _prisma_migrations ` +
            `table, so it was not created by these migrations. Baseline it with \`prisma migrate ` +
            `resolve --applied <migration>\` or start from an empty database.`,
        );
      }
      sqlite.exec(MIGRATIONS_TABLE_DDL);
    })
    .immediate();

  const status = compare(sqlite, files);
  refuseBrokenHistory(status, dir);
  const pending = files.filter((file) => status.pending.includes(file.name));

  const insert = sqlite.prepare(
    `INSERT INTO "_prisma_migrations" (id, checksum, started_at, migration_name) VALUES (?, ?, ?, ?)`,
  );
  const finish = sqlite.prepare(
    `UPDATE "_prisma_migrations"
     SET applied_steps_count = applied_steps_count + 1, finished_at = ? WHERE id = ?`,
  );
  const alreadyFinished = sqlite
    .prepare(
      `SELECT 1 FROM "_prisma_migrations"
       WHERE migration_name = ? AND finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    )
    .safeIntegers(false);

  const applied: string[] = [];
  for (const file of pending) {
    const started = Date.now();
    const enforcingForeignKeys = Number(sqlite.pragma('foreign_keys', { simple: true })) === 1;
    sqlite.pragma('foreign_keys = OFF');
    try {
      const ran = sqlite
        .transaction(() => {
          // Re-checked under the write lock: another process may have applied it meanwhile.
          if (alreadyFinished.get(file.name) !== undefined) return false;
          const id = randomUUID();
          insert.run(id, file.checksum, started, file.name);
          sqlite.exec(file.script);
          const violations = sqlite.pragma('foreign_key_check') as unknown[];
          if (violations.length > 0) {
            throw new Error(`it leaves ${violations.length} row(s) violating foreign keys`);
          }
          finish.run(Date.now(), id);
          return true;
        })
        .immediate();
      if (ran) {
        applied.push(file.name);
        options.logger?.info({ migration: file.name, ms: Date.now() - started }, 'applied migration');
      }
    } catch (error) {
      if (error instanceof MigrationError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new MigrationError(
        'apply-failed',
        file.name,
        `Migration ${file.name} failed and was rolled back, the database is unchanged: ${reason}`,
        { cause: error },
      );
    } finally {
      if (enforcingForeignKeys) sqlite.pragma('foreign_keys = ON');
    }
  }
  return { applied };
}
