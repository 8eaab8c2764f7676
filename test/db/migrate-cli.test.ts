// Drives `npm run db:migrate` (scripts/migrate.ts) as a user would, on a temporary copy of the
// project's schema and migrations.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');

let dir: string;
let schema: string;
let migrations: string;
let url: string;

function dbMigrate(...args: string[]): { code: number | null; out: string; err: string } {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const result = spawnSync(
    process.execPath,
    [tsx, join(root, 'scripts', 'migrate.ts'), ...args, '--schema', schema, '--migrations', migrations, '--url', url],
    { cwd: dir, env, encoding: 'utf8', timeout: 60_000 },
  );
  return { code: result.status, out: result.stdout, err: result.stderr };
}

function migrationFolders(): string[] {
  return readdirSync(migrations, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'linli-migrate-cli-'));
  schema = join(dir, 'schema');
  migrations = join(dir, 'migrations');
  url = `file:${join(dir, 'data', 'dev.db')}`;
  cpSync(join(root, 'prisma', 'schema'), schema, { recursive: true });
  cpSync(join(root, 'prisma', 'migrations'), migrations, { recursive: true });
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('db:migrate dev', () => {
  it('writes nothing when schema.prisma matches the committed migrations', () => {
    const before = migrationFolders();

    const { code, out } = dbMigrate('dev', '--name', 'nothing');

    expect(code).toBe(0);
    expect(out).toContain('No changes');
    expect(migrationFolders()).toEqual(before);
  });

  it('writes and applies a migration with CREATE TABLE after a model is added', () => {
    const before = migrationFolders();
    appendFileSync(
      join(schema, 'notices.prisma'),
      `
model Notice {
  id    Int    @id @default(autoincrement())
  title String
  @@map("notices")
}
`,
    );

    const { code, out, err } = dbMigrate('dev', '--name', 'Add notices');

    expect(err).toBe('');
    expect(code).toBe(0);
    const added = migrationFolders().filter((name) => !before.includes(name));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^\d{14}_add_notices$/);
    const sql = readFileSync(join(migrations, added[0]!, 'migration.sql'), 'utf8');
    expect(sql).toContain('-- CreateTable\nCREATE TABLE "notices" (');
    expect(out).toContain(`Applied ${added[0]}`);

    const sqlite = new BetterSqlite3(join(dir, 'data', 'dev.db'), { readonly: true });
    const names = sqlite.prepare(`SELECT migration_name FROM _prisma_migrations`).pluck().all();
    const tables = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all();
    sqlite.close();
    expect(names).toEqual([...before, added[0]]);
    expect(tables).toContain('notices');

    // The new migration is part of the history now: running again finds nothing to do.
    expect(dbMigrate('dev', '--name', 'again').out).toContain('No changes');
  });

  it('refuses a name it cannot turn into a folder name', () => {
    const { code, err } = dbMigrate('dev', '--name', '加表');

    expect(code).toBe(1);
    expect(err).toContain('not a usable migration name');
  });
});

describe('db:migrate deploy and status', () => {
  it('reports pending migrations, applies them, then reports the database up to date', () => {
    const pending = dbMigrate('status');
    expect(pending.code).toBe(1);
    expect(pending.out).toContain('does not exist yet');
    expect(pending.out).toContain(`Pending:\n  ${migrationFolders()[0]}`);

    const deploy = dbMigrate('deploy');
    expect(deploy.code).toBe(0);
    expect(deploy.out).toContain(`Applied ${migrationFolders()[0]}`);

    const status = dbMigrate('status');
    expect(status.code).toBe(0);
    expect(status.out).toContain('Database schema is up to date.');
  });

  it('fails with a clear message when a committed migration was edited', () => {
    expect(dbMigrate('deploy').code).toBe(0);
    const [first] = migrationFolders();
    appendFileSync(join(migrations, first!, 'migration.sql'), '\n-- edited\n');

    const deploy = dbMigrate('deploy');
    expect(deploy.code).toBe(1);
    expect(deploy.err).toContain(`Migration ${first} was modified after it was applied`);

    const status = dbMigrate('status');
    expect(status.code).toBe(1);
    expect(status.out).toContain(`Modified after being applied (restore them, never edit a committed migration):\n  ${first}`);
  });
});
