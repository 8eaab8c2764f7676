/**
 * The daily send cap: an account that suddenly sends a lot trips WeChat's risk control, so the
 * bot sends at most `cap` messages per day (Asia/Shanghai). Counts are kept in the channel's
 * state database, so a restart does not reset them.
 */
import type BetterSqlite3 from 'better-sqlite3';

const DAY_MS = 24 * 60 * 60 * 1000;
// China has had no daylight saving time since 1991: the offset is constant.
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The Asia/Shanghai calendar day of an instant, as `YYYY-MM-DD`. */
export function shanghaiDay(epochMs: number): string {
  return new Date(epochMs + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Milliseconds from an instant to the next midnight in Asia/Shanghai. */
export function msUntilNextShanghaiDay(epochMs: number): number {
  const local = epochMs + SHANGHAI_OFFSET_MS;
  return (Math.floor(local / DAY_MS) + 1) * DAY_MS - local;
}

/**
 * Counts sends per Asia/Shanghai day against a cap. A send takes a slot before it goes and
 * gives it back when it fails, so concurrent sends never overshoot the cap.
 *
 * @example
 * ```ts
 * const cap = new DailyCap(db, 800);
 * const slot = cap.take(Date.now());
 * if (!slot.ok) throw new SendError('daily cap reached', { retryable: true, retryAfterMs: slot.retryAfterMs });
 * ```
 */
export class DailyCap {
  private readonly s;

  constructor(
    db: BetterSqlite3.Database,
    readonly cap: number,
  ) {
    this.s = {
      count: db.prepare('SELECT count FROM wechat_daily_sends WHERE day = ?'),
      take: db.prepare(
        `INSERT INTO wechat_daily_sends (day, count) VALUES (?, 1)
         ON CONFLICT(day) DO UPDATE SET count = count + 1 WHERE count < ?`,
      ),
      refund: db.prepare('UPDATE wechat_daily_sends SET count = count - 1 WHERE day = ? AND count > 0'),
    };
  }

  /** Take one send of today's allowance, or learn how long until tomorrow's. */
  take(now: number): { ok: true; day: string } | { ok: false; retryAfterMs: number } {
    const day = shanghaiDay(now);
    const taken = this.s.take.run(day, this.cap).changes === 1;
    return taken ? { ok: true, day } : { ok: false, retryAfterMs: msUntilNextShanghaiDay(now) };
  }

  /** Give back a slot taken for a send that did not go out. */
  refund(day: string): void {
    this.s.refund.run(day);
  }

  /** Sends counted for the day of `now`. */
  used(now: number): number {
    return (this.s.count.get(shanghaiDay(now)) as { count: number } | undefined)?.count ?? 0;
  }
}
