import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultMigrationsDir } from '../../src/db/migrations.js';
import { migrate, MigrationError, migrationStatus } from '../../src/db/migrator.js';

let dir: string;
let migrationsDir: string;
let sqlite: BetterSqlite3.Database;

/** The project's migrations, each folder name with the SHA-256 of its migration.sql bytes. */
function projectMigrations(): { name: string; sha256: string }[] {
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({
      name,
      sha256: createHash('sha256').update(readFileSync(join(migrationsDir, name, 'migration.sql'))).digest('hex'),
    }));
}

function addMigration(name: string, sql: string): void {
  mkdirSync(join(migrationsDir, name));
  writeFileSync(join(migrationsDir, name, 'migration.sql'), sql);
}

function tableNames(): string[] {
  return (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map(
    (row) => row.name,
  );
}

function records(): Record<string, unknown>[] {
  return sqlite.prepare(`SELECT * FROM _prisma_migrations ORDER BY started_at`).all() as Record<string, unknown>[];
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'linli-migrator-'));
  migrationsDir = join(dir, 'migrations');
  cpSync(defaultMigrationsDir, migrationsDir, { recursive: true });
  sqlite = new BetterSqlite3(join(dir, 'test.db'));
  sqlite.pragma('foreign_keys = ON');
});

afterEach(() => {
  sqlite.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('migrate', () => {
  it('creates every table of the migrations on a fresh database', () => {
    const { applied } = migrate(sqlite, { dir: migrationsDir });

    expect(applied).toEqual(projectMigrations().map((m) => m.name));
    const created = projectMigrations().flatMap(({ name }) =>
      [...readFileSync(join(migrationsDir, name, 'migration.sql'), 'utf8').matchAll(/CREATE TABLE "(\w+)"/g)].map(
        (match) => match[1],
      ),
    );
    expect(created).toContain('residents');
    expect(tableNames()).toEqual(expect.arrayContaining([...created, '_prisma_migrations']));
  });

  it('records each migration the way Prisma does', () => {
    const before = Date.now();
    migrate(sqlite, { dir: migrationsDir });

    const rows = records();
    expect(rows.map((row) => row.migration_name)).toEqual(projectMigrations().map((m) => m.name));
    for (const [index, expected] of projectMigrations().entries()) {
      const row = rows[index]!;
      expect(row.checksum).toBe(expected.sha256);
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.applied_steps_count).toBe(1);
      expect(row.logs).toBeNull();
      expect(row.rolled_back_at).toBeNull();
      // Prisma's SQLite connector writes timestamps as epoch milliseconds.
      expect(row.started_at).toBeGreaterThanOrEqual(before);
      expect(row.finished_at).toBeGreaterThanOrEqual(row.started_at as number);
    }
    const ddl = sqlite.prepare(`SELECT sql FROM sqlite_master WHERE name = '_prisma_migrations'`).get() as {
      sql: string;
    };
    expect(ddl.sql).toMatch(/^CREATE TABLE "_prisma_migrations" \(/);
    expect(ddl.sql).toContain('"applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0');
  });

  it('applies nothing the second time', () => {
    migrate(sqlite, { dir: migrationsDir });
    const rowsBefore = records();

    expect(migrate(sqlite, { dir: migrationsDir }).applied).toEqual([]);
    expect(records()).toEqual(rowsBefore);
  });

  it('applies only the new migration when one is added', () => {
    migrate(sqlite, { dir: migrationsDir });
    addMigration('29990101000000_add_notes', 'CREATE TABLE "notes" ("id" INTEGER NOT NULL PRIMARY KEY);\n');

    expect(migrate(sqlite, { dir: migrationsDir }).applied).toEqual(['29990101000000_add_notes']);
    expect(tableNames()).toContain('notes');
  });

  it('refuses a migration edited after it was applied, naming it', () => {
    migrate(sqlite, { dir: migrationsDir });
    const [first] = projectMigrations();
    appendFileSync(join(migrationsDir, first!.name, 'migration.sql'), '\n-- a later edit\n');

    const run = () => migrate(sqlite, { dir: migrationsDir });
    expect(run).toThrow(MigrationError);
    expect(run).toThrow(`Migration ${first!.name} was modified after it was applied`);
    expect(run).toThrow('create a new migration instead');
    expect(migrationStatus(sqlite, { dir: migrationsDir }).modified).toEqual([first!.name]);
  });

  it('accepts a migration whose line endings a Windows checkout changed', () => {
    migrate(sqlite, { dir: migrationsDir });
    const [first] = projectMigrations();
    const file = join(migrationsDir, first!.name, 'migration.sql');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n/g, '\r\n'));

    expect(migrate(sqlite, { dir: migrationsDir }).applied).toEqual([]);
  });

  it('refuses a migration recorded in the database but missing from the folder', () => {
    addMigration('29990101000000_add_notes', 'CREATE TABLE "notes" ("id" INTEGER NOT NULL PRIMARY KEY);\n');
    migrate(sqlite, { dir: migrationsDir });
    rmSync(join(migrationsDir, '29990101000000_add_notes'), { recursive: true });

    expect(() => migrate(sqlite, { dir: migrationsDir })).toThrow(
      'Migration 29990101000000_add_notes is recorded as applied in this database but is missing',
    );
  });

  it('refuses to go on after a failed run recorded by the Prisma CLI', () => {
    migrate(sqlite, { dir: migrationsDir });
    addMigration('29990101000000_add_notes', 'CREATE TABLE "notes" ("id" INTEGER NOT NULL PRIMARY KEY);\n');
    sqlite
      .prepare(`INSERT INTO _prisma_migrations (id, checksum, started_at, migration_name, logs) VALUES (?, ?, ?, ?, ?)`)
      .run('00000000-0000-4000-8000-000000000000', 'x', Date.now(), '29990101000000_add_notes', 'boom');

    expect(() => migrate(sqlite, { dir: migrationsDir })).toThrow(
      'Migration 29990101000000_add_notes was started but never finished',
    );
    expect(tableNames()).not.toContain('notes');
  });

  it('leaves the database unchanged when a migration fails, and applies it once fixed', () => {
    migrate(sqlite, { dir: migrationsDir });
    const countBefore = records().length;
    addMigration(
      '29990101000000_add_notes',
      'CREATE TABLE "notes" ("id" INTEGER NOT NULL PRIMARY KEY);\nINSERT INTO "no_such_table" VALUES (1);\n',
    );

    expect(() => migrate(sqlite, { dir: migrationsDir })).toThrow(
      /Migration 29990101000000_add_notes failed and was rolled back.*no such table: no_such_table/,
    );
    expect(tableNames()).not.toContain('notes');
    expect(records()).toHaveLength(countBefore);

    writeFileSync(join(migrationsDir, '29990101000000_add_notes', 'migration.sql'), 'CREATE TABLE "notes" ("id" INTEGER);\n');
    expect(migrate(sqlite, { dir: migrationsDir }).applied).toEqual(['29990101000000_add_notes']);
  });

  it('keeps the rows of child tables when a parent table is rebuilt', () => {
    migrate(sqlite, { dir: migrationsDir });
    const now = Date.now();
    sqlite
      .prepare(`INSERT INTO residents (id, display_name, role, created_at, updated_at) VALUES (1, '王阿姨', 'resident', ?, ?)`)
      .run(now, now);
    sqlite
      .prepare(
        `INSERT INTO channel_identities (channel, external_id, resident_id, created_at, last_seen_at) VALUES ('http', 'u1', 1, ?, ?)`,
      )
      .run(now, now);
    // The shape of Prisma's SQLite "RedefineTables" step: with foreign keys on, DROP TABLE would
    // cascade into channel_identities.
    addMigration(
      '29990101000000_rebuild_residents',
      `PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_residents" ("id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "display_name" TEXT, "village" TEXT NOT NULL DEFAULT 'unknown', "role" TEXT NOT NULL DEFAULT 'resident', "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "anonymised_at" DATETIME);
INSERT INTO "new_residents" ("id", "display_name", "role", "created_at", "updated_at") SELECT "id", "display_name", "role", "created_at", "updated_at" FROM "residents";
DROP TABLE "residents";
ALTER TABLE "new_residents" RENAME TO "residents";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
`,
    );

    migrate(sqlite, { dir: migrationsDir });

    expect(sqlite.prepare(`SELECT village FROM residents WHERE id = 1`).get()).toEqual({ village: 'unknown' });
    expect(sqlite.prepare(`SELECT count(*) AS n FROM channel_identities`).get()).toEqual({ n: 1 });
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('refuses a database that has tables but no migration history', () => {
    sqlite.exec(`CREATE TABLE residents (id INTEGER PRIMARY KEY)`);

    expect(() => migrate(sqlite, { dir: migrationsDir })).toThrow(/already has tables \(residents\)/);
  });

  it('says which folder is missing', () => {
    expect(() => migrate(sqlite, { dir: join(dir, 'nowhere') })).toThrow(`Migrations folder not found: ${join(dir, 'nowhere')}`);
  });
});

describe('migrationStatus', () => {
  it('lists pending migrations without touching the database', () => {
    const status = migrationStatus(sqlite, { dir: migrationsDir });

    expect(status.pending).toEqual(projectMigrations().map((m) => m.name));
    expect(status.applied).toEqual([]);
    expect(tableNames()).toEqual([]);
  });
});
