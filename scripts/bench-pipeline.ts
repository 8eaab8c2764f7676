/**
 * `npm run bench:pipeline`: end-to-end throughput and latency of the message pipeline.
 *
 * Starts the bot (`src/main.ts`, HTTP channel only, real NLU) as a child process on a fresh
 * database in a temp folder, drives POST /api/messages over loopback with autocannon, then
 * checks that every answered message was persisted and reads the bot's peak resident memory.
 *
 *   phase 1: as fast as it goes (50 connections, 10 s)  → messages/s, p50/p99
 *   phase 2: a steady 200 messages/s, evenly paced (10 s) → p50/p99 at that load
 *
 * Options: --duration <s> (default 10), --connections <n> (default 50), --rate <msg/s> (default 200).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { Command } from 'commander';

const program = new Command()
  .option('--duration <s>', 'seconds per phase', '10')
  .option('--connections <n>', 'concurrent connections in the throughput phase', '50')
  .option('--rate <n>', 'messages per second in the steady phase', '200')
  .parse();
const opts = program.opts<{ duration: string; connections: string; rate: string }>();

const TEXTS = [
  '你好', '在吗', '附近有没有日结的保洁', '医保一年交多少钱', '楼道里有人飞线充电', '这周末有什么活动',
  '谢谢', '我要留言', '意见建议', '五十多岁能干啥', '新生儿怎么参保', '我反映的问题怎么样了', '转人工',
  '明天天气怎么样', '双水桥那边招不招人', '重阳节有啥活动', '退订', '删除我的信息',
];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ReturnType<typeof spawn>): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`bot exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('bot did not start within 120 s');
}

let seq = 0;
function run(url: string, options: Partial<autocannon.Options>): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        duration: Number(opts.duration),
        requests: [
          {
            method: 'POST',
            path: '/api/messages',
            headers: { 'content-type': 'application/json' },
            setupRequest: (req) => {
              const n = seq++;
              // 2,000 residents, each sending a stream of messages: realistic per-resident ordering.
              const body = JSON.stringify({ userId: `bench-${n % 2000}`, text: TEXTS[n % TEXTS.length], messageId: `b-${n}` });
              return { ...req, body };
            },
          },
        ],
        ...options,
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
}

/**
 * An open-loop load at an even rate: request i is sent at t0 + i/rate, whatever happened to the
 * earlier ones, and its latency counts from that scheduled time (no coordinated omission).
 * autocannon's rate limit releases each second's requests in a burst, which measures its
 * bursts rather than the bot.
 */
async function pacedLoad(base: string, rate: number, seconds: number): Promise<{ sent: number; ok: number; p50: number; p99: number; max: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const total = rate * seconds;
  const latencies: number[] = [];
  let ok = 0;
  const t0 = performance.now() + 50;
  const one = (i: number) =>
    new Promise<void>((resolve) => {
      const n = seq++;
      const body = JSON.stringify({ userId: `bench-${n % 2000}`, text: TEXTS[n % TEXTS.length], messageId: `b-${n}` });
      const req = request(`${base}/api/messages`, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 200) ok++;
          latencies.push(performance.now() - (t0 + (i * 1000) / rate));
          resolve();
        });
      });
      req.on('error', () => resolve());
      req.end(body);
    });
  const pending: Array<Promise<void>> = [];
  for (let i = 0; i < total; i++) {
    const wait = t0 + (i * 1000) / rate - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(one(i));
  }
  await Promise.all(pending);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))]! * 10) / 10;
  return { sent: total, ok, p50: at(0.5), p99: at(0.99), max: at(1) };
}

/** The process's resident memory now (VmRSS) and at its peak (VmHWM), in MB. */
function rssMb(pid: number): { now: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const mb = (field: string) => Math.round(Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024);
  return { now: mb('VmRSS'), peak: mb('VmHWM') };
}

/**
 * The bot runs exactly as `npm start` runs it: the environment settings and Node flags of
 * package.json's start script (memory tuning, see docs/benchmarks.md) are read from there.
 */
function startScript(): { env: Record<string, string>; flags: string[] } {
  const script = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start;
  const words = script.split(/\s+/);
  const node = words.indexOf('node');
  const env = Object.fromEntries(words.slice(0, node).map((w) => w.split('=') as [string, string]));
  return { env, flags: words.slice(node + 1, words.indexOf('dist/main.js')) };
}
const start = startScript();

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'linli-bench-'));
  const port = await freePort();
  const child = spawn(process.execPath, [...start.flags, ...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []), 'dist/main.js'], {
    env: {
      ...process.env,
      CHANNELS: 'http',
      PORT: String(port),
      DATA_DIR: dir,
      DATABASE_URL: `file:${join(dir, 'linli.db')}`,
      NLU_CACHE_DIR: join(tmpdir(), 'linli-bench-nlu-cache'),
      LOG_LEVEL: 'warn',
      ADMIN_PORT: '0', // the admin console runs too, on any free port
      ...start.env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitForHealth(`${base}/healthz`, child);
    const started = rssMb(child.pid!);
    // warm up: JIT, prepared statements, Prisma's compiler
    const warm = await run(base, { duration: 2, connections: 10 });

    const fast = await run(base, { connections: Number(opts.connections) });
    const steady = await pacedLoad(base, Number(opts.rate), Number(opts.duration));
    const rss = rssMb(child.pid!);

    const sent = seq;
    const ok = [warm, fast].reduce((n, r) => n + r['2xx'], 0) + steady.ok;
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    const db = new Database(join(dir, 'linli.db'), { readonly: true });
    const stored = (db.prepare("SELECT COUNT(*) AS n FROM inbound_messages WHERE platform_message_id LIKE 'b-%' AND status = 'handled'").get() as { n: number }).n;
    const replies = (db.prepare("SELECT COUNT(DISTINCT inbound_id) AS n FROM outbound_messages WHERE kind = 'reply'").get() as { n: number }).n;
    db.close();

    const line = (name: string, r: autocannon.Result) =>
      `${name.padEnd(28)} ${String(Math.round(r.requests.average)).padStart(6)} msg/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   errors ${r.errors + r.non2xx}`;
    console.log(`\nLinli pipeline benchmark — ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
    console.log(line(`throughput (${opts.connections} connections)`, fast));
    console.log(`${`steady ${opts.rate} msg/s (paced)`.padEnd(28)} ${String(steady.ok).padStart(6)} ok       p50 ${String(steady.p50).padStart(4)} ms   p99 ${String(steady.p99).padStart(4)} ms   max ${steady.max} ms`);
    console.log(`bot RSS                      ${started.now} MB after start (peak ${started.peak}), ${rss.now} MB after the load, peak ${rss.peak} MB`);
    console.log(`persisted                    ${stored} handled inbound rows, ${replies} with stored replies, for ${ok} answered requests (${sent} sent, warm-up included)`);
    const pass = fast.requests.average >= 500 && steady.p99 <= 50 && rss.peak <= 200;
    console.log(`targets (≥500 msg/s, p99 ≤ 50 ms at 200 msg/s, ≤ 200 MB): ${pass ? 'met' : 'NOT met'}`);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
