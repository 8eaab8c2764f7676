/**
 * The outbox's rows: every reply and notification is a row of `outbound_messages` written
 * before it is sent. Prepared raw statements on the connection Prisma shares (see store.ts);
 * the Outbox (outbox.ts) delivers them, the HTTP channel reads its inbox from them.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { optionLabel, type Attachment, type OutboundEnvelope, type Reply } from './types.js';

/** A reply or notification about to be written to the outbox. */
export interface OutboundDraft {
  channel: string;
  address: string;
  residentId: number | null;
  kind: 'reply' | 'notification';
  reply: Reply;
  /** `sent` for replies the channel returns inline (HTTP), `pending` for the outbox to deliver. */
  status: 'pending' | 'sent';
  /** The broadcast this notification belongs to (its progress is counted by this id). */
  broadcastId?: number | null;
}

/** One row of the outbox: what a channel is asked to send, with `attempts` made so far. */
export interface OutboxRow extends OutboundEnvelope {
  createdAt: number;
}

interface OutboxDbRow {
  id: number;
  channel: string;
  address: string;
  kind: 'reply' | 'notification';
  text: string;
  options: string | null;
  attachments: string | null;
  resident_id: number | null;
  attempts: number;
  created_at: number;
}

function toOutboxRow(r: OutboxDbRow): OutboxRow {
  return {
    id: r.id,
    channel: r.channel,
    address: r.address,
    kind: r.kind,
    text: r.text,
    options: r.options ? (JSON.parse(r.options) as string[]) : [],
    attachments: r.attachments ? (JSON.parse(r.attachments) as Attachment[]) : [],
    residentId: r.resident_id,
    attempts: r.attempts,
    createdAt: r.created_at,
  };
}

/**
 * Prepared statements over `outbound_messages`.
 *
 * ```ts
 * const rows = new OutboxStore(db.sqlite);
 * rows.insert({ channel: 'wechat', address: 'wxid_1', residentId: 1, kind: 'notification', reply: { text: '您好' }, status: 'pending' }, null, Date.now());
 * ```
 */
export class OutboxStore {
  private readonly s;

  constructor(private readonly db: BetterSqlite3.Database) {
    const prep = (sql: string) => db.prepare(sql).safeIntegers(false);
    this.s = {
      repliesOf: prep(
        "SELECT text, options FROM outbound_messages WHERE inbound_id = ? AND kind = 'reply' ORDER BY id",
      ),

      insert: prep(
        'INSERT INTO outbound_messages (inbound_id, resident_id, channel, address, kind, text, options, attachments, status, attempts, next_attempt_at, created_at, sent_at, broadcast_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)',
      ),

      duePending: prep(
        // Oldest first; a row waits while an earlier row to the same address is being sent or
        // waiting for its retry, so each address gets its messages in order.
        `SELECT * FROM outbound_messages o
          WHERE status = 'pending' AND next_attempt_at <= @now AND channel IN (SELECT value FROM json_each(@channels))
            AND NOT EXISTS (SELECT 1 FROM outbound_messages e
              WHERE e.channel = o.channel AND e.address = o.address AND e.id < o.id
                AND (e.status = 'sending' OR (e.status = 'pending' AND e.next_attempt_at > @now)))
          ORDER BY id LIMIT @limit`,
      ),

      nextDue: prep(
        "SELECT MIN(next_attempt_at) AS at FROM outbound_messages WHERE status = 'pending' AND channel IN (SELECT value FROM json_each(?))",
      ),

      markSending: prep("UPDATE outbound_messages SET status = 'sending', attempts = attempts + 1 WHERE id = ? AND status = 'pending'"),

      markSent: prep("UPDATE outbound_messages SET status = 'sent', sent_at = ?, last_error = NULL WHERE id = ?"),

      markRetry: prep("UPDATE outbound_messages SET status = 'pending', next_attempt_at = ?, last_error = ? WHERE id = ?"),

      markFailed: prep("UPDATE outbound_messages SET status = 'failed', last_error = ? WHERE id = ?"),

      dueNow: prep("UPDATE outbound_messages SET next_attempt_at = ? WHERE channel = ? AND status = 'pending' AND next_attempt_at > ?"),

      resetSending: prep("UPDATE outbound_messages SET status = 'pending' WHERE status = 'sending'"),

      inbox: prep(
        "SELECT * FROM outbound_messages WHERE channel = ? AND address = ? AND status = 'pending' ORDER BY id",
      ),

      markDelivered: prep("UPDATE outbound_messages SET status = 'delivered', sent_at = ? WHERE id = ?"),

      broadcastWritten: prep('SELECT 1 FROM outbound_messages WHERE broadcast_id = ? LIMIT 1'),
      countByStatus: prep('SELECT status, COUNT(*) AS n FROM outbound_messages GROUP BY status'),
    };
  }

  /** The replies stored for an inbound message, in order. */
  repliesOf(inboundId: number): Reply[] {
    const rows = this.s.repliesOf.all(inboundId) as Array<{ text: string; options: string | null }>;
    return rows.map((r) => {
      const options = r.options ? (JSON.parse(r.options) as string[]) : null;
      return options?.length ? { text: r.text, options } : { text: r.text };
    });
  }

  /** Insert one outbox row; returns its id. */
  insert(o: OutboundDraft, inboundId: number | null, now: number): number {
    const options = o.reply.options?.length ? JSON.stringify(o.reply.options.map(optionLabel)) : null;
    const sentAt = o.status === 'sent' ? now : null;
    const attachments = o.reply.attachments?.length ? JSON.stringify(o.reply.attachments) : null;
    return Number(
      this.s.insert
        .run(inboundId, o.residentId, o.channel, o.address, o.kind, o.reply.text, options, attachments, o.status, now, now, sentAt, o.broadcastId ?? null)
        .lastInsertRowid,
    );
  }

  /** Pending outbox rows of the given channels due at `now`, oldest first. */
  duePending(channels: readonly string[], now: number, limit: number): OutboxRow[] {
    return (this.s.duePending.all({ now, channels: JSON.stringify(channels), limit }) as OutboxDbRow[]).map(toOutboxRow);
  }

  /** When the next pending row of the given channels falls due, or null when none is pending. */
  nextDue(channels: readonly string[]): number | null {
    return (this.s.nextDue.get(JSON.stringify(channels)) as { at: number | null }).at;
  }

  /** Claim a row for sending; false when another worker took it first. */
  markSending(id: number): boolean {
    return this.s.markSending.run(id).changes === 1;
  }

  markSent(id: number, now: number): void {
    this.s.markSent.run(now, id);
  }

  markRetry(id: number, at: number, error: string): void {
    this.s.markRetry.run(at, error.slice(0, 500), id);
  }

  markFailed(id: number, error: string): void {
    this.s.markFailed.run(error.slice(0, 500), id);
  }

  /** Make every pending row of a channel due now (its retries waited on a cause now gone). */
  makeDueNow(channel: string, now: number): number {
    return this.s.dueNow.run(now, channel, now).changes;
  }

  /** After a crash, rows caught mid-send go back to pending. Returns how many. */
  resetSending(): number {
    return this.s.resetSending.run().changes;
  }

  /** Everything pending for one address of a pull channel, marked delivered as it is read. */
  takeInbox(channel: string, address: string, now: number): OutboxRow[] {
    return this.db.transaction(() => {
      const rows = (this.s.inbox.all(channel, address) as OutboxDbRow[]).map(toOutboxRow);
      for (const r of rows) this.s.markDelivered.run(now, r.id);
      return rows;
    })();
  }

  /** Whether any row of a broadcast has been written. */
  hasBroadcast(broadcastId: number): boolean {
    return this.s.broadcastWritten.get(broadcastId) !== undefined;
  }

  /** Outbox rows per status, for health and benchmarks. */
  counts(): Record<string, number> {
    const rows = this.s.countByStatus.all() as Array<{ status: string; n: number }>;
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  }}
