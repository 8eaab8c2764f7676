/**
 * The outbox delivers what the pipeline stored: every reply and notification is a row written
 * before any send, so a crash loses nothing — on restart, rows caught mid-send go back to
 * pending and go out again. Sends are paced per channel, retried with exponential backoff (or
 * the platform's retry-after), kept in order per address, and marked failed — visible, not
 * dropped — after the last attempt.
 *
 * ```ts
 * const outbox = new Outbox(store, { log });
 * outbox.register({ name: 'telegram', send: (m) => api.sendMessage(m.address, m.text), limits: { perSecond: 30 } });
 * outbox.start();
 * ```
 */
import type { Logger } from 'pino';
import { RateLimiter, type RateLimits } from './rate-limit.js';
import type { OutboxRow, OutboxStore } from './outbox-store.js';
import type { OutboundEnvelope } from './types.js';

/** A channel's sending side, as the outbox sees it. */
export interface ChannelSender {
  /** Channel name, matching `Inbound.channel`. */
  readonly name: string;
  /** Send one message. Throw a {@link SendError} to say whether to retry. */
  send(message: OutboundEnvelope): Promise<void>;
  /** Pacing for this channel. */
  readonly limits?: RateLimits;
}

/** A failed send. `retryable: false` fails the message at once (e.g. the chat was deleted). */
export class SendError extends Error {
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options: { retryable: boolean; retryAfterMs?: number; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = 'SendError';
    this.retryable = options.retryable;
    this.retryAfterMs = options.retryAfterMs;
  }
}

export interface OutboxOptions {
  log: Logger;
  /** Attempts before a message is marked failed. */
  maxAttempts?: number;
  /** First retry delay; doubles each attempt. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Rows fetched per round. */
  batchSize?: number;
  clock?: () => number;
  /** How often an idle outbox looks for rows written by another process (default 5 s). */
  idlePollMs?: number;
}

interface Registered {
  sender: ChannelSender;
  limiter: RateLimiter;
}

export class Outbox {
  private readonly channels = new Map<string, Registered>();
  private running = false;
  private draining: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly batchSize: number;
  private readonly clock: () => number;

  constructor(
    private readonly store: OutboxStore,
    private readonly options: OutboxOptions,
  ) {
    this.maxAttempts = options.maxAttempts ?? 8;
    this.baseDelayMs = options.baseDelayMs ?? 1000;
    this.maxDelayMs = options.maxDelayMs ?? 5 * 60_000;
    this.batchSize = options.batchSize ?? 200;
    this.clock = options.clock ?? Date.now;
  }

  /** Add a push channel. Messages of channels never registered stay pending (e.g. HTTP's inbox). */
  register(sender: ChannelSender): void {
    this.channels.set(sender.name, { sender, limiter: new RateLimiter(sender.limits ?? {}, this.clock) });
  }

  /**
   * Tell the outbox a channel's outage is over (e.g. WeChat logged in again): its pacing pause
   * is lifted and its messages waiting for a retry go now, without spending an attempt.
   */
  resume(name: string): void {
    const registered = this.channels.get(name);
    if (!registered) return;
    this.register(registered.sender);
    const rescheduled = this.store.makeDueNow(name, this.clock());
    if (rescheduled > 0) this.options.log.info({ channel: name, rescheduled }, 'outbox: channel resumed');
    this.kick();
  }

  /** Names of the registered push channels. */
  get channelNames(): string[] {
    return [...this.channels.keys()];
  }

  /** Start delivering: recovers rows a crash left mid-send, then sends everything due. */
  start(): void {
    if (this.running) return;
    this.running = true;
    const recovered = this.store.resetSending();
    if (recovered > 0) this.options.log.warn({ recovered }, 'outbox: re-queued messages interrupted by a restart');
    this.kick();
  }

  /** Stop delivering and wait for the round in progress to finish. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.draining;
  }

  /** Look for due messages now (called after each stored turn). */
  kick(): void {
    if (!this.running) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain().finally(() => {
      this.draining = null;
      if (this.again && this.running) {
        this.again = false;
        this.kick();
      } else {
        this.schedule();
      }
    });
  }

  /** Resolves when nothing due is left to send (for tests and shutdown). */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private schedule(): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    const next = this.store.nextDue(this.channelNames);
    // Nothing due: look again now and then, for rows another process wrote (the admin CLI's
    // broadcasts) — this process's own writes kick the outbox at once.
    const delay = next === null ? (this.options.idlePollMs ?? 5_000) : Math.min(Math.max(next - this.clock(), 0), 60_000);
    this.timer = setTimeout(() => this.kick(), delay);
    this.timer.unref();
  }

  private async drain(): Promise<void> {
    const names = this.channelNames;
    if (names.length === 0) return;
    for (;;) {
      if (!this.running) return;
      const rows = this.store.duePending(names, this.clock(), this.batchSize);
      if (rows.length === 0) return;
      // Addresses are independent; within one address messages go strictly in order.
      const byAddress = new Map<string, OutboxRow[]>();
      for (const row of rows) {
        const key = `${row.channel}\u0000${row.address}`;
        byAddress.set(key, [...(byAddress.get(key) ?? []), row]);
      }
      await Promise.all([...byAddress.values()].map((queue) => this.sendInOrder(queue)));
    }
  }

  private async sendInOrder(queue: OutboxRow[]): Promise<void> {
    for (const row of queue) {
      if (!this.running) return;
      const delivered = await this.sendOne(row);
      if (!delivered) return; // keep later messages behind the one that must be retried
    }
  }

  private async sendOne(row: OutboxRow): Promise<boolean> {
    const registered = this.channels.get(row.channel);
    if (!registered) return false;
    await registered.limiter.acquire(row.address);
    if (!this.store.markSending(row.id)) return false;
    const { createdAt: _createdAt, ...rest } = row;
    const envelope: OutboundEnvelope = { ...rest, attempts: row.attempts + 1 };
    try {
      await registered.sender.send(envelope);
      this.store.markSent(row.id, this.clock());
      return true;
    } catch (err) {
      const error = err instanceof SendError ? err : new SendError(String((err as Error)?.message ?? err), { retryable: true, cause: err });
      const attempts = row.attempts + 1;
      if (!error.retryable || attempts >= this.maxAttempts) {
        this.store.markFailed(row.id, error.message);
        this.options.log.error({ outboxId: row.id, channel: row.channel, attempts, error: error.message }, 'outbox: message failed for good');
        return true; // a failed message no longer holds back the ones after it
      }
      const backoff = Math.min(this.baseDelayMs * 2 ** (attempts - 1), this.maxDelayMs);
      const delay = error.retryAfterMs ?? backoff * (0.75 + Math.random() * 0.5);
      if (error.retryAfterMs) registered.limiter.pauseUntil(this.clock() + error.retryAfterMs);
      this.store.markRetry(row.id, this.clock() + delay, error.message);
      this.options.log.warn({ outboxId: row.id, channel: row.channel, attempts, retryInMs: Math.round(delay), error: error.message }, 'outbox: send failed, will retry');
      return false;
    }
  }
}
