/**
 * `npm run bench:broadcast`: a broadcast to N recipients (default 10,000) through the real
 * outbox, against a fake platform server on 127.0.0.1 that
 *   - allows --rate messages per second (token bucket, one second of burst) and answers 429
 *     with `retry_after` beyond it,
 *   - fails --fail of the sends transiently (HTTP 502),
 *   - counts deliveries per message id and, unless --no-idempotency, drops a redelivery of a
 *     message id it already delivered (answering ok, as platforms with idempotency keys do).
 * The bot (scripts/bench-broadcast-bot.ts, a child process) is SIGKILLed once, when the message
 * at --kill-at of the run has been delivered but before the platform's ok reaches the bot — the
 * worst moment: delivered there, still `sending` in the outbox — and is restarted at once.
 *
 * Prints the achieved rate as a fraction of the limit (target ≥ 0.95), duplicates delivered
 * (target 0), lost messages (target 0), and what the kill cost.
 *
 * Options: --recipients <n> (10000), --rate <n> (30), --fail <fraction> (0.01),
 * --kill-at <fraction> (0.5; 0 for no kill), --no-idempotency.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import pino from 'pino';
import { Bot } from '../src/core/bot.js';
import { Outbox } from '../src/core/outbox.js';
import { MessageStore } from '../src/core/store.js';
import { openDatabase } from '../src/db/client.js';
import { BroadcastService } from '../src/domains/events/broadcast.js';

const opts = new Command()
  .option('--recipients <n>', 'recipients of the broadcast', '10000')
  .option('--rate <n>', 'messages per second the fake platform allows', '30')
  .option('--fail <fraction>', 'share of sends failing transiently', '0.01')
  .option('--kill-at <fraction>', 'SIGKILL the bot after this share was delivered (0: never)', '0.5')
  .option('--no-idempotency', 'the platform delivers a redelivered message id again')
  .parse()
  .opts<{ recipients: string; rate: string; fail: string; killAt: string; idempotency: boolean }>();

const N = Number(opts.recipients);
const RATE = Number(opts.rate);
const FAIL = Number(opts.fail);
const KILL_AT = Math.floor(N * Number(opts.killAt));
const dir = mkdtempSync(join(tmpdir(), 'linli-bench-broadcast-'));
const url = `file:${join(dir, 'bench.db')}`;
const log = pino({ level: 'error' });

// 1. Recipients and the broadcast, written the way the admin console will: one service call.
const db = await openDatabase({ url });
const now = Date.now();
db.sqlite.transaction(() => {
  const resident = db.sqlite.prepare("INSERT INTO residents (display_name, role, created_at, updated_at) VALUES (?, 'resident', ?, ?)");
  const identity = db.sqlite.prepare('INSERT INTO channel_identities (channel, external_id, resident_id, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)');
  const subscription = db.sqlite.prepare('INSERT INTO notice_subscriptions (resident_id, subscribed, updated_at) VALUES (?, 1, ?)');
  for (let i = 0; i < N; i++) {
    const id = Number(resident.run(`r${i}`, now, now).lastInsertRowid);
    identity.run('bench', `chat${i}`, id, now, now);
    subscription.run(id, now);
  }
})();
const store = new MessageStore(db.sqlite);
const bot = new Bot({ store, log, outbox: new Outbox(store.outbox, { log }), nlu: { understand: () => ({ intent: 'None', score: 0, entities: [] }) } });
const broadcasts = new BroadcastService(db.prisma, (targets, reply, o) => bot.notify(targets, reply, o));
const t0 = performance.now();
const { id: broadcastId, recipients } = await broadcasts.createBroadcast({ text: '【通知】本周六乡村音乐会照常举行，欢迎参加。', audience: { kind: 'all' } }, new Date(), 'bench');
const createMs = performance.now() - t0;
await db.close();

// 2. The fake platform.
const delivered = new Map<string, number>(); // message id → deliveries
const deliveredAt: number[] = [];
const stats = { requests: 0, tooMany: 0, transient: 0, suppressed: 0 };
let tokens = RATE;
let refilledAt = performance.now();
let bot1: ChildProcess | null = null;
let killed = false;
let killedAt = 0;

function take(): number {
  const t = performance.now();
  tokens = Math.min(RATE, tokens + ((t - refilledAt) / 1000) * RATE);
  refilledAt = t;
  if (tokens >= 1) {
    tokens -= 1;
    return 0;
  }
  return ((1 - tokens) / RATE) * 1000;
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

const server = createServer((req: IncomingMessage, res: ServerResponse) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    stats.requests++;
    const wait = take();
    if (wait > 0) {
      stats.tooMany++;
      return answer(res, 429, { ok: false, error_code: 429, parameters: { retry_after: Math.max(1, Math.ceil(wait / 1000)) } });
    }
    if (Math.random() < FAIL) {
      stats.transient++;
      return answer(res, 502, { ok: false, error_code: 502 });
    }
    const key = String(req.headers['idempotency-key']);
    const seen = delivered.get(key) ?? 0;
    if (seen > 0 && opts.idempotency) {
      stats.suppressed++;
      return answer(res, 200, { ok: true, duplicate: true });
    }
    delivered.set(key, seen + 1);
    deliveredAt.push(performance.now());
    if (!killed && KILL_AT > 0 && deliveredAt.length === KILL_AT && bot1) {
      // The worst moment: delivered here, the ok not yet there, so the row is still `sending`.
      killed = true;
      killedAt = performance.now();
      bot1.kill('SIGKILL');
    }
    answer(res, 200, { ok: true });
  });
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const serverUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

// 3. The bot, killed once and restarted.
function startBot(): Promise<number | null> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'bench-broadcast-bot.ts'), '--db', url, '--server', serverUrl, '--rate', String(RATE)], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  bot1 = child;
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

console.log(`bench:broadcast — ${recipients} recipients, platform limit ${RATE}/s, ${FAIL * 100}% transient failures, kill at #${KILL_AT || '—'}, idempotency ${opts.idempotency ? 'on' : 'off'}`);
console.log(`broadcast #${broadcastId}: ${recipients} outbox rows written in one transaction in ${createMs.toFixed(0)} ms`);
let shown = 0;
const progress = setInterval(() => {
  if (process.stdout.isTTY) process.stdout.write(`\r  delivered ${deliveredAt.length}/${recipients}`);
  else if (deliveredAt.length >= shown + recipients / 10) console.log(`  delivered ${(shown = deliveredAt.length)}/${recipients}`);
}, 1000);
let exit = await startBot();
let restarts = 0;
while (exit !== 0 && restarts < 3) {
  restarts++;
  exit = await startBot();
}
clearInterval(progress);
server.close();

// 4. The verdict, from the platform's counts and the outbox.
const db2 = await openDatabase({ url, migrate: false });
const report = await new BroadcastService(db2.prisma, async () => []).broadcastProgress(broadcastId);
const rows = await db2.prisma.outboundMessage.findMany({ where: { broadcastId }, select: { id: true, status: true } });
await db2.close();
rmSync(dir, { recursive: true, force: true });

const unique = delivered.size;
const duplicates = [...delivered.values()].reduce((n, c) => n + (c - 1), 0);
const lost = rows.filter((r) => !delivered.has(String(r.id))).length;
const seconds = (deliveredAt.at(-1)! - deliveredAt[0]!) / 1000;
const achieved = unique / seconds;
// The first delivery after the restart, to measure what the kill cost.
const firstAfter = deliveredAt.find((t) => t > killedAt) ?? killedAt;
const downtime = killed ? (firstAfter - killedAt) / 1000 : 0;

console.log(`\n
machine            ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}
delivered          ${unique} of ${recipients} in ${seconds.toFixed(1)} s (bot restarted ${restarts}×, exit ${exit})
achieved rate      ${achieved.toFixed(2)}/s = ${(achieved / RATE).toFixed(3)} of the ${RATE}/s limit   (target ≥ 0.95)
  without the kill ${(unique / (seconds - downtime)).toFixed(2)}/s = ${(unique / (seconds - downtime) / RATE).toFixed(3)}   (kill → first send again: ${downtime.toFixed(2)} s)
duplicates         ${duplicates} delivered twice   (target 0)${opts.idempotency ? `; ${stats.suppressed} redelivery(ies) suppressed by the idempotency key` : ''}
lost               ${lost}   (target 0)
outbox             sent ${report?.sent}, failed ${report?.failed}, pending ${report?.pending}
platform           ${stats.requests} requests: ${stats.tooMany} × 429, ${stats.transient} × 502 (retried)`);
process.exit(lost === 0 && duplicates === 0 && exit === 0 ? 0 : 1);
