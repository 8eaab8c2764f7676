/**
 * WAL checkpoints off the event loop. By default SQLite checkpoints inside whichever commit
 * pushes the WAL past 1,000 pages: that commit then copies and syncs the pages while the event
 * loop waits (measured: a 5–8 ms stall on about one message in a hundred). Instead the main
 * connection turns auto-checkpointing off and a worker thread with its own connection runs a
 * PASSIVE checkpoint every second, concurrently with the main thread's writes.
 */
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';

// Runs in the worker (CommonJS, eval'd): its own connection, a checkpoint per tick.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { timeout: 5000 });
const tick = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (e) { /* busy: next tick */ } };
const timer = setInterval(tick, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); tick(); db.close(); parentPort.postMessage('closed'); });
`;

/** A running background checkpointer; `stop()` before closing the main connection. */
export interface Checkpointer {
  stop(): Promise<void>;
}

/**
 * Move checkpoints of a file database to a worker thread.
 *
 * ```ts
 * const checkpointer = startCheckpointer(db.sqlite, '/srv/linli/data/linli.db');
 * // … on shutdown
 * await checkpointer.stop();
 * ```
 */
export function startCheckpointer(sqlite: BetterSqlite3.Database, path: string, intervalMs = 1000): Checkpointer {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { path, intervalMs, driver: import.meta.resolve('better-sqlite3').replace(/^file:\/\//, '') },
  });
  worker.unref();
  sqlite.pragma('wal_autocheckpoint = 0');
  let stopped: Promise<void> | null = null;
  return {
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        worker.once('message', () => void worker.terminate().then(() => resolve()));
        worker.once('error', () => resolve());
        worker.postMessage('stop');
      }).then(() => {
        // Fold the WAL back into the database file so a stopped bot leaves one tidy file.
        if (sqlite.open) {
          sqlite.pragma('wal_autocheckpoint = 1000');
          sqlite.pragma('wal_checkpoint(TRUNCATE)');
        }
      });
      return stopped;
    },
  };
}
