/**
 * `admin jobs import FILE`: the hub's postings file (CSV in UTF-8 or GBK, or a JSON array)
 * through the domain's own reader and `JobsService.importPostings`, with a progress bar and
 * the report of rejected rows (line and reason). Exit 1 when the file cannot be read at all;
 * rejected rows are reported but do not fail the command (the others were imported).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { readPostingsFile } from '../../domains/jobs/import-file.js';
import { JobsService } from '../../domains/jobs/service.js';
import { CliError, say, type CliEnv } from './env.js';

/** The actor of CLI imports in the audit log. */
export const JOBS_IMPORT_ACTOR = 'cli:jobs:import';

/** Register `jobs import`. */
export function registerJobsCommands(program: Command, env: CliEnv): void {
  const jobs = program.command('jobs').description('the gig-work hub\u2019s job postings');
  jobs
    .command('import')
    .description('import postings from a CSV (UTF-8 or GBK) or JSON file; re-importing updates by 岗位编号')
    .argument('<file>', 'the hub\u2019s postings file')
    .option('--source <name>', 'recorded as the postings\u2019 source (default: the file name)')
    .option('--json', 'print the report as JSON')
    .action(async (file: string, o: { source?: string; json?: boolean }) => {
      let parsed: ReturnType<typeof readPostingsFile>;
      try {
        parsed = readPostingsFile(readFileSync(file), file);
      } catch (err) {
        throw new CliError(`cannot read ${file}: ${(err as Error).message}`);
      }
      if (parsed.records.length === 0) throw new CliError(`${file} holds no postings (only a header, or empty)`);
      const { prisma } = await env.db();
      const bar = env.progress
        ? new SingleBar({ stream: env.err as NodeJS.WriteStream, format: 'import [{bar}] {value}/{total} rows', hideCursor: true }, Presets.shades_classic)
        : null;
      bar?.start(parsed.records.length, 0);
      let report;
      try {
        report = await new JobsService(prisma).importPostings(parsed.records, env.clock(), {
          source: o.source ?? basename(file),
          actor: JOBS_IMPORT_ACTOR,
          onProgress: (done) => bar?.update(done),
        });
      } finally {
        bar?.stop();
      }
      if (o.json) {
        say(env, JSON.stringify({ file, encoding: parsed.encoding, format: parsed.format, ...report }, null, 2));
        return;
      }
      say(env, `${file} (${parsed.format.toUpperCase()}, ${parsed.encoding}): ${report.created} created, ${report.updated} updated, ${report.rejected.length} rejected`);
      for (const r of report.rejected) say(env, `  line ${r.line}${r.externalId ? ` (${r.externalId})` : ''}: ${r.reason}`);
    });
}
