/**
 * The admin CLI (`npm run admin -- <command>`): one file per command group in this folder.
 * A domain adds its commands as a {@link CommandGroup} (e.g. `jobs import`, `events create`,
 * `broadcast`, `bind-code`) and its tables as {@link TableExporter}s.
 *
 * ```ts
 * const code = await runAdminCli(['staff', 'list'], env);
 * ```
 */
import { Command, CommanderError } from 'commander';
import { registerBindCodeCommand } from './bindcodes.js';
import { registerBroadcastCommand } from './broadcast.js';
import { domainExporters } from './domain-exporters.js';
import { CliError, type CliEnv } from './env.js';
import { registerEventsCommands } from './events.js';
import { coreExporters, type TableExporter } from './exporters.js';
import { registerExportCommand } from './export.js';
import { registerJobsCommands } from './jobs.js';
import { registerStaffCommands } from './staff.js';
import { registerStatsCommand } from './stats.js';

/** Adds a group of commands to the program. */
export type CommandGroup = (program: Command, env: CliEnv) => void;

/** What the CLI is built from; domains extend both lists. */
export interface AdminCliParts {
  groups?: readonly CommandGroup[];
  exporters?: readonly TableExporter[];
}

/** Build the program (commands throw instead of exiting, so tests can run it in-process). */
export function buildAdminProgram(env: CliEnv, parts: AdminCliParts = {}): Command {
  const program = new Command()
    .name('admin')
    .description('Linli admin CLI: staff accounts, jobs, events, broadcasts, bind codes, figures, CSV exports')
    .exitOverride()
    .configureOutput({ writeOut: (s) => env.out.write(s), writeErr: (s) => env.err.write(s) });
  // Commands added after this point inherit the override and the output (commander copies
  // settings on `.command()`), so their usage errors are caught too.
  registerStaffCommands(program, env);
  registerStatsCommand(program, env);
  registerExportCommand(program, env, [...coreExporters, ...domainExporters, ...(parts.exporters ?? [])]);
  // The domains' commands (issue 8): jobs import, events create/list, broadcast, bindcode.
  for (const group of [registerJobsCommands, registerEventsCommands, registerBroadcastCommand, registerBindCodeCommand]) group(program, env);
  for (const group of parts.groups ?? []) group(program, env);
  return program;
}

/**
 * Run the CLI.
 * @returns the exit code: 0 on success, 1 on any failure (printed as one line on stderr).
 */
export async function runAdminCli(argv: readonly string[], env: CliEnv, parts: AdminCliParts = {}): Promise<number> {
  const program = buildAdminProgram(env, parts);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are "errors" with exit code 0; usage errors were already printed.
      return err.exitCode === 0 ? 0 : 1;
    }
    if (err instanceof CliError || (err instanceof Error && err.name === 'ConfigError')) {
      env.err.write(`error: ${err.message}\n`);
    } else {
      // Not a refusal but a fault: the stack helps whoever fixes it.
      env.err.write(`error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    }
    return 1;
  }
}
