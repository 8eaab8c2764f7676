/**
 * `npm run admin -- <command>`: the admin CLI.
 *
 *   npm run admin -- staff create --username wang --role admin --name 王芳   # asks for the password
 *   npm run admin -- staff create --username li --role grid_worker --name 李强 --grid wuhu-1 --resident-user wechat:wxid_abc
 *   npm run admin -- staff list
 *   npm run admin -- staff disable wang
 *   npm run admin -- stats [--json]
 *   npm run admin -- export audit_log --out audit.csv [--gbk]
 *   npm run admin -- export --list
 *
 * The database is DATABASE_URL (from the environment or .env), or --db <url>. Exit code 0 on
 * success, 1 on any failure with one clear line on stderr.
 */
import { loadConfig } from '../src/config.js';
import { openDatabase, type Database } from '../src/db/client.js';
import { runAdminCli } from '../src/admin/cli/program.js';
import type { CliEnv } from '../src/admin/cli/env.js';

function takeDbOption(argv: string[]): { argv: string[]; url?: string } {
  const i = argv.findIndex((a) => a === '--db' || a.startsWith('--db='));
  if (i < 0) return { argv };
  const arg = argv[i]!;
  const url = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[i + 1];
  const rest = argv.filter((_, j) => j !== i && !(j === i + 1 && !arg.includes('=')));
  return { argv: rest, url };
}

const { argv, url } = takeDbOption(process.argv.slice(2));
let db: Database | null = null;
const env: CliEnv = {
  async db() {
    db ??= await openDatabase({ url: url ?? loadConfig().DATABASE_URL });
    return db;
  },
  out: process.stdout,
  err: process.stderr,
  stdin: process.stdin,
  interactive: process.stdin.isTTY === true,
  progress: process.stderr.isTTY === true,
  clock: () => new Date(),
};

const code = await runAdminCli(argv, env);
await (db as Database | null)?.close();
process.exitCode = code;
