/**
 * A counting semaphore: at most `limit` tasks run at once, the rest wait in arrival order.
 * The bot bounds how many turns are in flight, so a burst of messages waits in a cheap queue
 * instead of holding many half-done turns (and their queries) in memory at once.
 *
 * ```ts
 * const turns = new ConcurrencyLimit(16);
 * await turns.run(() => handle(message));
 * ```
 */
export class ConcurrencyLimit {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {
    if (!(limit >= 1)) throw new Error('limit must be at least 1');
  }

  /** Run `task` when a slot is free; resolves with its result. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}
