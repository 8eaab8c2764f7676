/**
 * Runs tasks one at a time per key, and tasks of different keys concurrently. The pipeline
 * keys by sender so that two messages of one resident are handled in the order they came.
 *
 * ```ts
 * const queue = new KeyedQueue();
 * queue.run('wechat:u1', () => handle(m1));
 * queue.run('wechat:u1', () => handle(m2)); // starts after m1 finishes
 * ```
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Schedule `task` after every earlier task of the same key; resolves with its result. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => {});
    this.tails.set(key, tail);
    // Forget the key once its last task is done, so idle senders do not leak memory.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Number of keys with work queued or running. */
  get size(): number {
    return this.tails.size;
  }

  /** Resolves when everything queued so far has finished. */
  async drain(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }
}
