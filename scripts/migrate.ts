// `npm run db:migrate -- <command>`: author and apply Prisma migrations without Prisma's native
// schema engine (not downloadable on offline machines). See src/db/schema-engine.ts for how
// migrations are generated and src/db/migrator.ts for how they are applied and recorded.
//
//   dev --name <name>   apply pending migrations to the dev database, generate a new migration
//                       from the changes in prisma/schema/, write it and apply it
//   deploy              apply pending migrations to DATABASE_URL
//   status              compare the migrations folder with the database
//
// Options (any command): --schema <file> --migrations <dir> --url <database url>.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { Command } from 'commander';
import { configureConnection, databasePath, DEFAULT_DATABASE_URL } from '../src/db/client.js';
import { defaultMigrationsDir } from '../src/db/migrations.js';
import { migrate, migrationStatus } from '../src/db/migrator.js';
import { generateMigration, MIGRATION_LOCK_TOML } from '../src/db/schema-engine.js';

const defaultSchema = fileURLToPath(new URL('../prisma/schema', import.meta.url));

interface GlobalOptions {
  schema: string;
  migrations: string;
  url: string;
}

/** Prisma-style migration name: lower-case words joined by underscores. */
function slugify(name: string): string {
  const slug = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 200);
  if (slug === '') {
    throw new Error(`"${name}" is not a usable migration name: use latin letters, digits and underscores.`);
  }
  return slug;
}

function openForWriting(url: string): BetterSqlite3.Database {
  const path = databasePath(url);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new BetterSqlite3(path, { timeout: 5000 });
  configureConnection(sqlite, path);
  return sqlite;
}

function applyPending(url: string, dir: string): string[] {
  const sqlite = openForWriting(url);
  try {
    return migrate(sqlite, { dir }).applied;
  } finally {
    sqlite.close();
  }
}

function reportApplied(applied: string[], url: string): void {
  if (applied.length === 0) console.log(`Database ${url} is up to date.`);
  for (const name of applied) console.log(`Applied ${name} to ${url}`);
}

async function dev(name: string, options: GlobalOptions): Promise<void> {
  const slug = slugify(name);
  const dir = resolve(options.migrations);
  mkdirSync(dir, { recursive: true });
  // First bring the dev database up to date: this also refuses an edited or missing migration
  // before anything new is written on top of it.
  reportApplied(applyPending(options.url, dir), options.url);

  const migration = await generateMigration({
    schemaPath: resolve(options.schema),
    migrationsDir: dir,
    name: slug,
  });
  if (migration === null) {
    console.log(`No changes: ${options.schema} matches the migrations in ${dir}. Nothing written.`);
    return;
  }
  const folder = join(dir, migration.name);
  if (existsSync(folder)) throw new Error(`${folder} already exists; wait a second and run again.`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'migration.sql'), migration.script, 'utf8');
  const lock = join(dir, 'migration_lock.toml');
  if (!existsSync(lock)) writeFileSync(lock, MIGRATION_LOCK_TOML, 'utf8');
  console.log(`Created ${join(folder, 'migration.sql')}`);
  for (const warning of migration.warnings) console.warn(`Warning: ${warning}`);

  try {
    reportApplied(applyPending(options.url, dir), options.url);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `${reason}\nThe new migration is written but not applied. It is not committed yet, so you may ` +
        `edit ${join(folder, 'migration.sql')} (e.g. to fill a new required column) and run deploy.`,
      { cause: error },
    );
  }
}

function deploy(options: GlobalOptions): void {
  reportApplied(applyPending(options.url, resolve(options.migrations)), options.url);
}

/** Prints where each migration stands; exits with 1 when the database is not in sync, like Prisma. */
function status(options: GlobalOptions): void {
  const dir = resolve(options.migrations);
  const path = databasePath(options.url);
  let sqlite: BetterSqlite3.Database;
  if (path === ':memory:' || !existsSync(path)) {
    console.log(`Database ${options.url} does not exist yet; every migration is pending.`);
    sqlite = new BetterSqlite3(':memory:');
  } else {
    sqlite = new BetterSqlite3(path, { readonly: true, timeout: 5000 });
  }
  try {
    const result = migrationStatus(sqlite, { dir });
    const sections: [string, string[]][] = [
      ['Applied', result.applied],
      ['Pending', result.pending],
      ['Modified after being applied (restore them, never edit a committed migration)', result.modified],
      ['Failed (resolve with `prisma migrate resolve`)', result.failed],
      ['Recorded in the database but missing from the folder', result.missing],
    ];
    for (const [title, names] of sections) {
      if (names.length === 0) continue;
      console.log(`${title}:`);
      for (const name of names) console.log(`  ${name}`);
    }
    const inSync =
      result.pending.length + result.modified.length + result.failed.length + result.missing.length === 0;
    console.log(
      inSync ? 'Database schema is up to date.' : 'Database is not in sync with the migrations folder.',
    );
    if (!inSync) process.exitCode = 1;
  } finally {
    sqlite.close();
  }
}

const program = new Command()
  .name('db:migrate')
  .description('Author and apply Prisma migrations offline (no native schema engine needed).')
  .option('--schema <path>', 'the schema to generate migrations from: a .prisma file or a folder of them', defaultSchema)
  .option('--migrations <dir>', 'migrations folder', defaultMigrationsDir)
  .option('--url <url>', 'database URL (env DATABASE_URL)', process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);

program
  .command('dev')
  .description('apply pending migrations, then create and apply a migration for the schema changes')
  .requiredOption('--name <name>', 'what the migration does, e.g. add_events')
  .action(async (options: { name: string }, command: Command) => {
    await dev(options.name, command.optsWithGlobals<GlobalOptions>());
  });

program
  .command('deploy')
  .description('apply pending migrations to the database')
  .action((_options: unknown, command: Command) => deploy(command.optsWithGlobals<GlobalOptions>()));

program
  .command('status')
  .description('list applied, pending, modified, failed and missing migrations')
  .action((_options: unknown, command: Command) => status(command.optsWithGlobals<GlobalOptions>()));

try {
  await program.parseAsync();
} catch (error) {
  console.error(`db:migrate: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
