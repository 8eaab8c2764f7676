/**
 * `npm start`: read the configuration, start Linli, stop cleanly on Ctrl-C / SIGTERM.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { channelsToRun, startApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './log.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  // With the terminal chat on screen, logs go to a file so they do not interleave with it.
  const chatting = channelsToRun(config, process.stdin.isTTY === true).includes('console');
  let destination;
  if (chatting) {
    mkdirSync(config.DATA_DIR, { recursive: true });
    const file = join(config.DATA_DIR, 'linli.log');
    destination = pino.destination({ dest: file, sync: false });
    console.error(`日志写在 ${file}`);
  }
  const log = createLogger({ level: config.LOG_LEVEL, destination });

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await app.stop().catch((err) => log.error({ err }, 'error while stopping'));
    log.info('stopped');
    log.flush();
    process.exit(code);
  };
  const app = await startApp(config, log, { onQuit: () => void stop(0) });
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
