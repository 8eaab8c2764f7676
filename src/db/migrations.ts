// The migrations folder, read the way Prisma reads it: one sub-folder per migration, each holding
// a `migration.sql`, ordered by folder name, checksummed with SHA-256 over the script's UTF-8 text.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One migration folder on disk. */
export interface MigrationFile {
  /** Folder name, e.g. `20261129011044_init`; recorded as `migration_name`. */
  name: string;
  /** Contents of `migration.sql`. */
  script: string;
  /** Lower-case hex SHA-256 of the script, as Prisma records it in `_prisma_migrations.checksum`. */
  checksum: string;
}

/**
 * The project's migrations folder, `prisma/migrations`, found from this file's location so that
 * it does not depend on the working directory the process was started from.
 */
export const defaultMigrationsDir: string = fileURLToPath(
  new URL('../../prisma/migrations/', import.meta.url),
);

/**
 * Computes the checksum Prisma stores for a migration script: SHA-256 over its UTF-8 bytes,
 * rendered as 64 lower-case hex digits.
 *
 * @example
 * ```ts
 * checksumOf('hello'); // '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824'
 * ```
 */
export function checksumOf(script: string): string {
  return createHash('sha256').update(script, 'utf8').digest('hex');
}

/**
 * Tells whether a script still matches a recorded checksum. Like Prisma, it forgives line-ending
 * changes (a checkout on Windows turns `\n` into `\r\n` without anyone editing the file) and the
 * unpadded hex that very old Prisma versions wrote.
 */
export function scriptMatchesChecksum(script: string, recorded: string): boolean {
  const variants = [script, script.replace(/\r\n/g, '\n'), script.replace(/\n/g, '\r\n')];
  return variants.some((variant) => {
    const digest = createHash('sha256').update(variant, 'utf8').digest();
    const rendered =
      recorded.length !== 64 && recorded.length > 0
        ? [...digest].map((byte) => byte.toString(16)).join('')
        : digest.toString('hex');
    return rendered === recorded;
  });
}

/**
 * Reads every migration in a migrations folder, in the order Prisma applies them.
 * A sub-folder without `migration.sql` is an error: Prisma would refuse it too, and silently
 * skipping it would let a half-committed migration go unnoticed.
 *
 * @param dir the migrations folder (defaults to the project's `prisma/migrations`)
 * @example
 * ```ts
 * const migrations = readMigrations();
 * console.log(migrations.map((m) => m.name));
 * ```
 */
export function readMigrations(dir: string = defaultMigrationsDir): MigrationFile[] {
  if (!existsSync(dir)) {
    throw new Error(`Migrations folder not found: ${dir}`);
  }
  const names = readdirSync(dir)
    .filter((entry) => statSync(join(dir, entry)).isDirectory())
    // Prisma's CLI sorts with localeCompare; migration names start with a UTC timestamp,
    // so this is also their chronological order.
    .sort((a, b) => a.localeCompare(b));
  return names.map((name) => {
    const file = join(dir, name, 'migration.sql');
    if (!existsSync(file)) {
      throw new Error(`Migration ${name} has no migration.sql (expected ${file}).`);
    }
    const script = readFileSync(file, 'utf8');
    return { name, script, checksum: checksumOf(script) };
  });
}
