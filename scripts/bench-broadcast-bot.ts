/**
 * The bot side of `npm run bench:broadcast`: opens the benchmark's database, registers a sender
 * for the `bench` channel posting to the fake platform server (paced at --rate per second, as a
 * real channel's sender declares its limits), starts the outbox — which first puts rows a
 * previous (killed) process left `sending` back to pending — and exits once nothing is left to
 * send. Started (and killed, and restarted) by scripts/bench-broadcast.ts.
 */
import { Command } from 'commander';
import pino from 'pino';
import { Outbox, SendError, type ChannelSender } from '../src/core/outbox.js';
import { MessageStore } from '../src/core/store.js';
import { openDatabase } from '../src/db/client.js';

const opts = new Command()
  .requiredOption('--db <url>', 'database URL')
  .requiredOption('--server <url>', 'fake platform server')
  .option('--rate <n>', 'messages per second the platform allows', '30')
  .parse()
  .opts<{ db: string; server: string; rate: string }>();

const log = pino({ level: 'error' });
const db = await openDatabase({ url: opts.db, migrate: false });
const store = new MessageStore(db.sqlite);
const outbox = new Outbox(store.outbox, { log });

/** Posts like a bot API: 429 carries retry_after (seconds), 5xx is transient. */
const sender: ChannelSender = {
  name: 'bench',
  limits: { perSecond: Number(opts.rate) },
  async send(m) {
    let res: Response;
    try {
      res = await fetch(`${opts.server}/send`, {
        method: 'POST',
        // The outbox row id is the message id: the platform can drop a redelivery by it.
        headers: { 'content-type': 'application/json', 'idempotency-key': String(m.id) },
        body: JSON.stringify({ chat_id: m.address, text: m.text }),
      });
    } catch (err) {
      throw new SendError('network', { retryable: true, cause: err });
    }
    if (res.ok) return;
    const body = (await res.json().catch(() => ({}))) as { parameters?: { retry_after?: number } };
    if (res.status === 429) throw new SendError('429', { retryable: true, retryAfterMs: (body.parameters?.retry_after ?? 1) * 1000 });
    throw new SendError(String(res.status), { retryable: res.status >= 500 });
  },
};
outbox.register(sender);
outbox.start();

// Done when no row is waiting or being sent (failed rows are final).
const timer = setInterval(async () => {
  const counts = store.outbox.counts();
  if ((counts.pending ?? 0) + (counts.sending ?? 0) > 0) return;
  clearInterval(timer);
  await outbox.stop();
  await db.close();
  process.exit(0);
}, 250);
