/**
 * `npm run jobs:import -- FILE` — import the hub's job postings into the database.
 *
 * FILE is a CSV (UTF-8 with or without BOM, or GBK as Excel saves it in China — detected) or a
 * JSON array. Every row is validated; rejected rows are listed with their line number and the
 * reason; the others are upserted by their external id (岗位编号), so importing the same file
 * again updates instead of duplicating. A progress bar goes to stderr, the report to stdout.
 * The running bot matches new postings against opted-in seekers within a minute.
 *
 *   npm run jobs:import -- seed/jobs-demo.csv
 *   npm run jobs:import -- hub-export.csv --json     # the report as JSON
 *
 * Options: --db <url> (default $DATABASE_URL or file:./data/linli.db), --source <name>,
 * --json. Exit codes: 0 imported (even with rejected rows), 1 the file cannot be read or parsed.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { Command } from 'commander';
import { openDatabase } from '../src/db/client.js';
import { readPostingsFile } from '../src/domains/jobs/import-file.js';
import { JobsService } from '../src/domains/jobs/service.js';
import { createLogger } from '../src/log.js';

const program = new Command()
  .name('jobs:import')
  .argument('<file>', 'CSV (UTF-8 or GBK) or JSON array of postings')
  .option('--db <url>', 'database URL', process.env.DATABASE_URL ?? 'file:./data/linli.db')
  .option('--source <name>', 'recorded as the postings\u2019 source (default: the file name)')
  .option('--json', 'print the report as JSON')
  .parse();
const [file] = program.args as [string];
const opts = program.opts<{ db: string; source?: string; json?: boolean }>();

let parsed: ReturnType<typeof readPostingsFile>;
try {
  parsed = readPostingsFile(readFileSync(file), file);
} catch (err) {
  process.stderr.write(`jobs:import: cannot read ${file}: ${(err as Error).message}\n`);
  process.exit(1);
}

const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'warn' });
const db = await openDatabase({ url: opts.db, logger });
const bar = new SingleBar({ stream: process.stderr, format: '导入 [{bar}] {value}/{total} 行', hideCursor: true, noTTYOutput: false }, Presets.shades_classic);
bar.start(parsed.records.length, 0);
try {
  const report = await new JobsService(db.prisma).importPostings(parsed.records, new Date(), {
    source: opts.source ?? basename(file),
    actor: 'cli:jobs:import',
    onProgress: (done) => bar.update(done),
  });
  bar.stop();
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ file, encoding: parsed.encoding, format: parsed.format, ...report }, null, 2)}\n`);
  } else {
    process.stdout.write(`${file}（${parsed.format.toUpperCase()}，${parsed.encoding}）：新增 ${report.created} 条，更新 ${report.updated} 条，拒绝 ${report.rejected.length} 条\n`);
    for (const r of report.rejected) process.stdout.write(`  第${r.line}行${r.externalId ? `（${r.externalId}）` : ''}：${r.reason}\n`);
  }
} finally {
  bar.stop();
  await db.close();
}
