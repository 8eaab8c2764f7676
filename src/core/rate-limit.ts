/**
 * Paces sends: at most `perSecond` overall, and at least `minIntervalMs` between two sends to
 * the same address. Slots are reserved in order, so waiting callers never starve each other.
 *
 * ```ts
 * const limiter = new RateLimiter({ perSecond: 30, minIntervalMs: 1000 });
 * await limiter.acquire(chatId); // resolves when this send may go
 * ```
 */
export interface RateLimits {
  /** Most sends per second across all addresses; unlimited when absent. */
  perSecond?: number;
  /** Least time between two sends to one address, in ms. */
  minIntervalMs?: number;
}

export class RateLimiter {
  private nextGlobal = 0;
  private readonly nextByKey = new Map<string, number>();

  constructor(
    private readonly limits: RateLimits,
    private readonly clock: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  /** Wait until a send to `key` is allowed, reserving its slot. */
  async acquire(key: string): Promise<void> {
    const now = this.clock();
    const gap = this.limits.perSecond ? 1000 / this.limits.perSecond : 0;
    const at = Math.max(now, this.nextGlobal, this.nextByKey.get(key) ?? 0);
    this.nextGlobal = at + gap;
    if (this.limits.minIntervalMs) this.nextByKey.set(key, at + this.limits.minIntervalMs);
    this.forgetIdle(now);
    if (at > now) await this.sleep(at - now);
  }

  /** Push every send back until `until` (e.g. after a 429 with retry_after). */
  pauseUntil(until: number): void {
    this.nextGlobal = Math.max(this.nextGlobal, until);
  }

  private forgetIdle(now: number): void {
    if (this.nextByKey.size < 10_000) return;
    for (const [key, next] of this.nextByKey) if (next < now) this.nextByKey.delete(key);
  }
}
