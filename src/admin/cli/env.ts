/**
 * What the admin CLI's commands run against: the database (opened on first use), the output
 * streams, the terminal and the clock. Tests build one over a temp database and captured
 * streams; `scripts/admin.ts` builds the real one.
 */
import type { Database } from '../../db/client.js';

export interface CliEnv {
  /** Open (once) and return the database; migrations are applied. */
  db(): Promise<Database>;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
  /** Where a password is read from when not given as an option. */
  stdin: NodeJS.ReadStream | NodeJS.ReadableStream;
  /** Is stdin a terminal (a password may then be prompted without echo)? */
  interactive: boolean;
  /** Draw progress bars (stderr is a terminal). */
  progress: boolean;
  clock: () => Date;
}

/** A failure the CLI reports as one clear line and exit code 1. */
export class CliError extends Error {
  override name = 'CliError';
}

/** Print a line to the env's stdout. */
export function say(env: CliEnv, line = ''): void {
  env.out.write(`${line}\n`);
}
