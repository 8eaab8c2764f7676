/**
 * Builds a real Linli app for a test: a fresh SQLite file in a temp folder, the HTTP API on
 * 127.0.0.1 with a free port, logs captured in memory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { startApp, type App, type AppOverrides } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';

/** The NLU model cache shared by every test, so the model is trained once per corpus. */
export const SHARED_NLU_CACHE = join(tmpdir(), 'linli-test-nlu-cache');

export interface TestApp extends App {
  dir: string;
  /** Every log line written so far, parsed. */
  logs: Array<Record<string, unknown>>;
  /** POST /api/messages and return the parsed body and status. */
  say(userId: string, text: string, messageId?: string): Promise<{ status: number; body: any }>;
  /** GET the inbox of an HTTP user. */
  inbox(userId: string): Promise<any[]>;
  url(path: string): string;
  /** Stop the app and delete its folder. */
  dispose(): Promise<void>;
}

export function memoryLog() {
  const logs: Array<Record<string, unknown>> = [];
  const raw: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) {
        raw.push(line);
        logs.push(JSON.parse(line));
      }
      done();
    },
  });
  return { log: createLogger({ level: 'debug', destination }), logs, raw };
}

/** Start an app on a new temp folder (or `dir` to reopen an existing one). */
export async function startTestApp(
  options: { env?: Record<string, string>; dir?: string } & AppOverrides = {},
): Promise<TestApp> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'linli-test-'));
  const config = loadConfig({
    DATABASE_URL: `file:${join(dir, 'linli.db')}`,
    DATA_DIR: dir,
    NLU_CACHE_DIR: SHARED_NLU_CACHE,
    PORT: '0',
    CHANNELS: 'http',
    LOG_LEVEL: 'debug',
    // Tests that need the admin console start it themselves (test/admin/helpers.ts).
    ADMIN_ENABLED: 'false',
    ...options.env,
  });
  const { log, logs } = memoryLog();
  const app = await startApp(config, log, options);
  const url = (path: string) => `http://127.0.0.1:${app.port}${path}`;
  return Object.assign(app, {
    dir,
    logs,
    url,
    async say(userId: string, text: string, messageId?: string) {
      const res = await fetch(url('/api/messages'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId, text, ...(messageId ? { messageId } : {}) }),
      });
      return { status: res.status, body: await res.json() };
    },
    async inbox(userId: string) {
      const res = await fetch(url(`/api/users/${encodeURIComponent(userId)}/inbox`));
      return ((await res.json()) as { messages: any[] }).messages;
    },
    async dispose() {
      await app.stop();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  });
}
