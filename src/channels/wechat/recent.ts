/**
 * Message ids seen in the last few minutes. Web WeChat sometimes delivers one message twice;
 * the core would recognise the second by its id, but dropping it here saves a database round
 * and keeps two events of one message from racing through the pipeline.
 */
export class RecentIds {
  private readonly expiry = new Map<string, number>();

  constructor(private readonly ttlMs: number) {}

  /**
   * Remember an id. Returns false when it was already seen within the time to live.
   *
   * @example
   * ```ts
   * const recent = new RecentIds(10 * 60_000);
   * recent.add('m1', Date.now()); // true
   * recent.add('m1', Date.now()); // false
   * ```
   */
  add(id: string, now: number): boolean {
    const until = this.expiry.get(id);
    if (until !== undefined && until > now) return false;
    this.expiry.delete(id);
    this.expiry.set(id, now + this.ttlMs);
    // Entries are in insertion order, which is expiry order: drop the expired from the front.
    for (const [key, at] of this.expiry) {
      if (at > now) break;
      this.expiry.delete(key);
    }
    return true;
  }
}
