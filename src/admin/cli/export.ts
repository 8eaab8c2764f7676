/**
 * `admin export <table> --out file.csv [--gbk]`: a table as CSV for Excel, with a progress bar.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { csvLine, encodeCsv, UTF8_BOM } from './csv.js';
import { CliError, say, type CliEnv } from './env.js';
import type { TableExporter } from './exporters.js';

const BATCH = 500;

/**
 * Write a table to a CSV file.
 * @returns the number of data rows written.
 */
export async function exportTable(env: CliEnv, exporter: TableExporter, out: string, encoding: 'utf8' | 'gbk'): Promise<number> {
  const { prisma } = await env.db();
  const total = await exporter.count(prisma);
  const file = createWriteStream(out, { flags: 'w' });
  // `once` rejects when the stream emits 'error' while waiting: that is how a write failure surfaces.
  const write = async (text: string) => {
    if (!file.write(encodeCsv(text, encoding))) await once(file, 'drain');
  };
  const bar = env.progress ? new SingleBar({ format: `${exporter.name} [{bar}] {value}/{total} rows`, stream: env.err as NodeJS.WriteStream }, Presets.shades_classic) : null;
  let written = 0;
  try {
    await once(file, 'open');
    bar?.start(total, 0);
    await write((encoding === 'utf8' ? UTF8_BOM : '') + csvLine(exporter.header));
    for (let afterId = 0; ; ) {
      const rows = await exporter.batch(prisma, afterId, BATCH);
      if (rows.length === 0) break;
      await write(rows.map((r) => csvLine(r.cells)).join(''));
      written += rows.length;
      afterId = rows[rows.length - 1]!.id;
      bar?.update(written);
    }
    file.end();
    await once(file, 'finish');
  } catch (err) {
    file.destroy();
    if (err instanceof Error && 'syscall' in err) throw new CliError(`cannot write ${out}: ${err.message}`);
    throw err;
  } finally {
    bar?.stop();
  }
  return written;
}

/** Register `export`. */
export function registerExportCommand(program: Command, env: CliEnv, exporters: readonly TableExporter[]): void {
  const names = exporters.map((e) => e.name);
  program
    .command('export')
    .description(`export a table as CSV for Excel (tables: ${names.join(', ')})`)
    .argument('[table]', 'the table to export')
    .option('--out <file>', 'the CSV file to write')
    .option('--gbk', 'encode as GBK (Excel in China) instead of UTF-8 with a BOM')
    .option('--list', 'list the tables that can be exported')
    .action(async (table: string | undefined, options: { out?: string; gbk?: boolean; list?: boolean }) => {
      if (options.list) {
        for (const e of exporters) say(env, `${e.name.padEnd(20)} ${e.description}`);
        return;
      }
      if (!table) throw new CliError(`name a table to export: ${names.join(', ')}`);
      const exporter = exporters.find((e) => e.name === table);
      if (!exporter) throw new CliError(`unknown table "${table}" (known: ${names.join(', ')})`);
      if (!options.out) throw new CliError('--out <file> is required');
      const rows = await exportTable(env, exporter, options.out, options.gbk ? 'gbk' : 'utf8');
      say(env, `Wrote ${rows} ${exporter.name} rows to ${options.out} (${options.gbk ? 'GBK' : 'UTF-8 with BOM'}).`);
    });
}
