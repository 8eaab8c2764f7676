// Where each migration stands: compares the migrations folder with the `_prisma_migrations`
// table, read-only. Used by the migrator before applying anything and by `db:migrate status`.
import type BetterSqlite3 from 'better-sqlite3';
import {
  defaultMigrationsDir,
  readMigrations,
  scriptMatchesChecksum,
  type MigrationFile,
} from './migrations.js';

/** Where each migration on disk or in the database stands. */
export interface MigrationStatus {
  /** Recorded as finished, script unchanged. */
  applied: string[];
  /** On disk, never applied. */
  pending: string[];
  /** Recorded as finished, but the script on disk has changed since. */
  modified: string[];
  /** Recorded as started and never finished (a failed run of the Prisma CLI). */
  failed: string[];
  /** Recorded as finished, but no longer on disk. */
  missing: string[];
}

interface MigrationRow {
  checksum: string;
  finished_at: unknown;
  migration_name: string;
  rolled_back_at: unknown;
}

/** Tells whether the database has Prisma's migrations table. */
export function hasMigrationsTable(sqlite: BetterSqlite3.Database): boolean {
  return (
    sqlite
      .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`)
      .safeIntegers(false)
      .get() !== undefined
  );
}

function readRows(sqlite: BetterSqlite3.Database): MigrationRow[] {
  if (!hasMigrationsTable(sqlite)) return [];
  return sqlite
    .prepare(
      `SELECT checksum, finished_at, migration_name, rolled_back_at
       FROM "_prisma_migrations" ORDER BY started_at ASC`,
    )
    .safeIntegers(false)
    .all() as MigrationRow[];
}

/**
 * Compares the migrations folder (default: the project's) with the `_prisma_migrations` table without changing anything.
 * Rows marked rolled back are ignored, as Prisma ignores them.
 *
 * @example
 * ```ts
 * const { pending } = migrationStatus(db.sqlite);
 * if (pending.length > 0) console.log('to apply:', pending.join(', '));
 * ```
 */
export function migrationStatus(
  sqlite: BetterSqlite3.Database,
  options: { dir?: string } = {},
): MigrationStatus {
  return compare(sqlite, readMigrations(options.dir ?? defaultMigrationsDir));
}

/** {@link migrationStatus} over migrations already read from disk. */
export function compare(sqlite: BetterSqlite3.Database, files: MigrationFile[]): MigrationStatus {
  const rows = readRows(sqlite).filter((row) => row.rolled_back_at === null);
  const finished = new Map<string, MigrationRow>();
  const failed = new Set<string>();
  for (const row of rows) {
    if (row.finished_at === null) failed.add(row.migration_name);
    else finished.set(row.migration_name, row);
  }
  const onDisk = new Set(files.map((file) => file.name));
  const status: MigrationStatus = {
    applied: [],
    pending: [],
    modified: [],
    failed: [...failed],
    missing: [],
  };
  for (const file of files) {
    const row = finished.get(file.name);
    if (row === undefined) {
      if (!failed.has(file.name)) status.pending.push(file.name);
    } else if (scriptMatchesChecksum(file.script, row.checksum)) {
      status.applied.push(file.name);
    } else {
      status.modified.push(file.name);
    }
  }
  status.missing = [...finished.keys()].filter((name) => !onDisk.has(name));
  return status;
}
