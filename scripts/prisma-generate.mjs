// postinstall: run `prisma generate`, also on machines without network.
//
// `prisma generate` never runs the native schema engine, but the CLI insists on finding it
// and downloads it from Prisma's CDN when it is missing. Where that binary is missing (an
// offline machine), point PRISMA_SCHEMA_ENGINE_BINARY at an existing file so generate goes on.
// Where the engine is present (a machine with network got it at install time), nothing is
// overridden and the normal Prisma CLI keeps working.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

function engineDirs() {
  const dirs = [];
  for (const pkg of ['@prisma/engines/package.json', 'prisma/package.json']) {
    try {
      dirs.push(dirname(require.resolve(pkg)));
    } catch {
      // package not installed: nothing to look in
    }
  }
  return dirs;
}

function hasSchemaEngine() {
  return engineDirs().some(
    (dir) => existsSync(dir) && readdirSync(dir).some((f) => f.startsWith('schema-engine-')),
  );
}

const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY && !hasSchemaEngine()) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
  console.log('[linli] Prisma schema engine not installed (offline?); generating without it.');
}

let cli;
try {
  cli = join(dirname(require.resolve('prisma/package.json')), 'build', 'index.js');
} catch {
  console.log('[linli] prisma CLI not installed (production install?); skipping generate.');
  process.exit(0);
}
const result = spawnSync(process.execPath, [cli, 'generate'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
