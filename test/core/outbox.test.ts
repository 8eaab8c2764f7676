import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Outbox, SendError, type ChannelSender } from '../../src/core/outbox.js';
import { MessageStore } from '../../src/core/store.js';
import type { OutboundEnvelope } from '../../src/core/types.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { memoryLog } from '../helpers/app.js';

let dir: string;
let db: Database;
let store: MessageStore;
let now: number;
const clock = () => now;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'linli-outbox-'));
  db = await openDatabase({ url: `file:${join(dir, 'linli.db')}` });
  store = new MessageStore(db.sqlite);
  now = 1_800_000_000_000;
});
afterEach(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

function queue(address: string, text: string): number {
  return store.outbox.insert(
    { channel: 'fake', address, residentId: null, kind: 'notification', reply: { text }, status: 'pending' },
    null,
    now,
  );
}

class FakeChannel implements ChannelSender {
  readonly name = 'fake';
  sent: OutboundEnvelope[] = [];
  failures: Array<SendError | Error> = [];
  async send(m: OutboundEnvelope) {
    const failure = this.failures.shift();
    if (failure) throw failure;
    this.sent.push(m);
  }
}

const statusOf = (id: number) =>
  (db.sqlite.prepare('SELECT status, attempts, last_error AS lastError FROM outbound_messages WHERE id = ?').safeIntegers(false).get(id) as any);

async function round(outbox: Outbox) {
  outbox.kick();
  await outbox.idle();
}

describe('outbox', () => {
  it('sends pending messages in order per address and marks them sent', async () => {
    const fake = new FakeChannel();
    const outbox = new Outbox(store.outbox, { log: memoryLog().log, clock });
    outbox.register(fake);
    const ids = [queue('a', '一'), queue('b', '甲'), queue('a', '二')];
    outbox.start();
    await outbox.idle();
    expect(fake.sent.filter((m) => m.address === 'a').map((m) => m.text)).toEqual(['一', '二']);
    expect(ids.map((id) => statusOf(id).status)).toEqual(['sent', 'sent', 'sent']);
    await outbox.stop();
  });

  it('retries a transient failure with backoff, holding later messages to that address back', async () => {
    const fake = new FakeChannel();
    fake.failures.push(new SendError('502 bad gateway', { retryable: true }));
    const outbox = new Outbox(store.outbox, { log: memoryLog().log, clock, baseDelayMs: 1000 });
    outbox.register(fake);
    const first = queue('a', '一');
    const second = queue('a', '二');
    outbox.start();
    await outbox.idle();
    expect(fake.sent).toEqual([]);
    expect(statusOf(first)).toMatchObject({ status: 'pending', attempts: 1, lastError: '502 bad gateway' });
    expect(statusOf(second)).toMatchObject({ status: 'pending', attempts: 0 });
    now += 2000; // past the jittered first backoff (0.75–1.25 s)
    await round(outbox);
    expect(fake.sent.map((m) => m.text)).toEqual(['一', '二']);
    await outbox.stop();
  });

  it('waits the platform’s retry-after before trying again', async () => {
    const fake = new FakeChannel();
    fake.failures.push(new SendError('429 too many requests', { retryable: true, retryAfterMs: 30_000 }));
    const outbox = new Outbox(store.outbox, { log: memoryLog().log, clock, baseDelayMs: 10 });
    outbox.register(fake);
    const id = queue('a', '一');
    outbox.start();
    await outbox.idle();
    now += 29_000;
    await round(outbox);
    expect(statusOf(id).status).toBe('pending');
    now += 1_001;
    await round(outbox);
    expect(statusOf(id).status).toBe('sent');
    await outbox.stop();
  });

  it('sends at once, without spending an attempt, when a paused channel is resumed', async () => {
    const fake = new FakeChannel();
    fake.failures.push(new SendError('logged out', { retryable: true, retryAfterMs: 10 * 60_000 }));
    const outbox = new Outbox(store.outbox, { log: memoryLog().log, clock });
    outbox.register(fake);
    const id = queue('a', '一');
    outbox.start();
    await outbox.idle();
    expect(statusOf(id)).toMatchObject({ status: 'pending', attempts: 1 });
    outbox.resume('fake');
    await outbox.idle();
    expect(statusOf(id)).toMatchObject({ status: 'sent', attempts: 2 });
    await outbox.stop();
  });

  it('marks a message failed — visibly, with the error — after the last attempt or a permanent error', async () => {
    const fake = new FakeChannel();
    fake.failures.push(new SendError('chat not found', { retryable: false }));
    for (let i = 0; i < 3; i++) fake.failures.push(new Error('timeout'));
    const { log, logs } = memoryLog();
    const outbox = new Outbox(store.outbox, { log, clock, maxAttempts: 3, baseDelayMs: 10 });
    outbox.register(fake);
    const permanent = queue('gone', '一');
    const transient = queue('flaky', '二');
    outbox.start();
    await outbox.idle();
    // order of the two addresses is not fixed; keep going until attempts run out
    for (let i = 0; i < 4; i++) {
      now += 1000;
      await round(outbox);
    }
    expect(statusOf(permanent)).toMatchObject({ status: 'failed', lastError: 'chat not found' });
    expect(statusOf(transient)).toMatchObject({ status: 'failed', attempts: 3 });
    expect(logs.filter((l) => l.msg === 'outbox: message failed for good')).toHaveLength(2);
    await outbox.stop();
  });

  it('sends again, after a restart, a message caught mid-send', async () => {
    const id = queue('a', '一');
    db.sqlite.prepare("UPDATE outbound_messages SET status = 'sending', attempts = 1 WHERE id = ?").run(id);
    const fake = new FakeChannel();
    const outbox = new Outbox(store.outbox, { log: memoryLog().log, clock });
    outbox.register(fake);
    outbox.start();
    await outbox.idle();
    expect(fake.sent.map((m) => m.text)).toEqual(['一']);
    expect(statusOf(id).status).toBe('sent');
    await outbox.stop();
  });

  it('finds, while idle, rows another process wrote (the admin CLI’s broadcast)', async () => {
    now = Date.now(); // real clock: the idle poll is a real timer
    const fake = new FakeChannel();
    const outbox = new Outbox(store.outbox, { log: memoryLog().log, idlePollMs: 20 });
    outbox.register(fake);
    outbox.start();
    await outbox.idle();
    queue('a', '来自命令行的通知'); // written without kicking this outbox
    for (let i = 0; i < 100 && fake.sent.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(fake.sent.map((m) => m.text)).toEqual(['来自命令行的通知']);
    await outbox.stop();
  });

  it('paces sends to one address at the configured interval', async () => {
    const times: number[] = [];
    const paced: ChannelSender = {
      name: 'fake',
      limits: { minIntervalMs: 50 },
      async send() {
        times.push(Date.now());
      },
    };
    now = Date.now(); // this test runs on the real clock
    const outbox = new Outbox(store.outbox, { log: memoryLog().log });
    outbox.register(paced);
    queue('a', '一');
    queue('a', '二');
    queue('a', '三');
    outbox.start();
    await outbox.idle();
    expect(times).toHaveLength(3);
    expect(times[2]! - times[0]!).toBeGreaterThanOrEqual(95);
    await outbox.stop();
  });
});
