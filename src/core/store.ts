/**
 * The core's persistence: residents, channel identities, conversations and inbound messages
 * (the outbox rows are in outbox-store.ts, on the same connection). It runs prepared raw statements on the same better-sqlite3 connection Prisma
 * uses, because this is the per-message hot path: Prisma costs ~1 ms a row, a prepared
 * statement ~0.1 ms. Tables are defined in prisma/schema/; timestamps are epoch ms.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { OutboxStore, type OutboundDraft } from './outbox-store.js';
import type { Inbound } from './types.js';

export type { OutboundDraft, OutboxRow } from './outbox-store.js';

type Db = BetterSqlite3.Database;

/** A resident as the core sees one. */
export interface ResidentRecord {
  id: number;
  displayName: string | null;
  village: string | null;
  role: string;
}

/** The dialogue state of one resident. */
export interface ConversationRecord {
  id: number;
  residentId: number;
  activeForm: string | null;
  formState: unknown;
  memory: Record<string, unknown>;
  lastActivityAt: number;
}

/** What one handled message writes at the end of its turn, in one transaction. */
export interface TurnResult {
  inboundId: number;
  /** The channel the message came in on (the conversation's last channel). */
  channel: string;
  status: 'handled' | 'failed';
  intent: string | null;
  score: number | null;
  errorId: string | null;
  outbound: OutboundDraft[];
  conversation: ConversationRecord;
  now: number;
}

function parseJson<T>(text: string | null, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** How the store protects personal data at rest; the app supplies both (core knows no crypto). */
export interface StoreProtection {
  /** Applied to every inbound text before it is stored (e.g. mask ID numbers and phones). */
  redact?: (text: string) => string;
  /** Encrypts form state (it holds answers such as phones until a form is submitted). */
  seal?: { seal(plain: string): string; open(sealed: string): string };
}

/**
 * Prepared statements over the core tables. Create one per database connection.
 *
 * ```ts
 * const store = new MessageStore(db.sqlite);
 * const seen = store.findInbound('http', 'm1');
 * ```
 */
export class MessageStore {
  private readonly s;
  /** The outbox rows, on the same connection (a turn writes them in its own transaction). */
  readonly outbox: OutboxStore;

  constructor(
    private readonly db: Db,
    private readonly protection: StoreProtection = {},
  ) {
    this.outbox = new OutboxStore(db);
    const prep = (sql: string) => db.prepare(sql).safeIntegers(false);
    this.s = {
      findInbound: prep(
        'SELECT id, status, resident_id AS residentId FROM inbound_messages WHERE channel = ? AND platform_message_id = ?',
      ),
      findIdentity: prep(
        'SELECT id, resident_id AS residentId FROM channel_identities WHERE channel = ? AND external_id = ?',
      ),
      touchIdentity: prep(
        'UPDATE channel_identities SET last_seen_at = ?, display_name = COALESCE(?, display_name) WHERE id = ?',
      ),
      insertResident: prep(
        "INSERT INTO residents (display_name, role, created_at, updated_at) VALUES (?, 'resident', ?, ?)",
      ),
      insertIdentity: prep(
        'INSERT INTO channel_identities (channel, external_id, resident_id, display_name, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      resident: prep('SELECT id, display_name AS displayName, village, role FROM residents WHERE id = ?'),
      conversation: prep(
        'SELECT id, resident_id AS residentId, active_form AS activeForm, form_state AS formState, memory, last_activity_at AS lastActivityAt FROM conversations WHERE resident_id = ?',
      ),
      insertConversation: prep(
        "INSERT INTO conversations (resident_id, memory, last_activity_at, created_at, updated_at) VALUES (?, '{}', ?, ?, ?)",
      ),
      updateConversation: prep(
        'UPDATE conversations SET active_form = ?, form_state = ?, memory = ?, last_channel = ?, last_activity_at = ?, updated_at = ? WHERE id = ?',
      ),
      insertInbound: prep(
        "INSERT INTO inbound_messages (channel, platform_message_id, resident_id, sender_id, reply_address, text, attachments, location, status, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'received', ?)",
      ),
      interrupted: prep(
        "SELECT id, channel, platform_message_id AS messageId, sender_id AS userId, reply_address AS replyAddress, text, attachments, location FROM inbound_messages WHERE status = 'received' ORDER BY id",
      ),
      finishInbound: prep(
        'UPDATE inbound_messages SET status = ?, intent = ?, score = ?, error_id = ?, handled_at = ? WHERE id = ?',
      ),
      lastIdentityOf: prep(
        'SELECT channel, external_id AS address FROM channel_identities WHERE resident_id = ? ORDER BY last_seen_at DESC, id DESC LIMIT 1',
      ),
      residentsWithRole: prep('SELECT id FROM residents WHERE role = ? ORDER BY id'),
      offerOptions: prep("UPDATE conversations SET memory = json_set(memory, '$.' || ?, json(?)) WHERE resident_id = ?"),
    };
  }

  /** Run `fn` in one transaction (a savepoint when one is already open). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** True while a transaction (e.g. a Prisma interactive one) is open on the connection. */
  get inTransaction(): boolean {
    return this.db.inTransaction;
  }

  /** The earlier delivery of a platform message, if any. */
  findInbound(channel: string, messageId: string): { id: number; status: string; residentId: number } | undefined {
    return this.s.findInbound.get(channel, messageId) as never;
  }


  /**
   * Find the resident behind a channel identity, creating both on first contact.
   * @returns the resident and whether they are new.
   */
  resolveResident(
    channel: string,
    externalId: string,
    displayName: string | undefined,
    now: number,
  ): { resident: ResidentRecord; created: boolean } {
    const found = this.s.findIdentity.get(channel, externalId) as { id: number; residentId: number } | undefined;
    if (found) {
      this.s.touchIdentity.run(now, displayName ?? null, found.id);
      return { resident: this.resident(found.residentId)!, created: false };
    }
    const residentId = Number(this.s.insertResident.run(displayName ?? null, now, now).lastInsertRowid);
    this.s.insertIdentity.run(channel, externalId, residentId, displayName ?? null, now, now);
    return { resident: this.resident(residentId)!, created: true };
  }

  /** A resident by id. */
  resident(id: number): ResidentRecord | undefined {
    return this.s.resident.get(id) as ResidentRecord | undefined;
  }

  /** The resident's conversation, created empty when there is none. */
  conversation(residentId: number, now: number): ConversationRecord {
    let row = this.s.conversation.get(residentId) as
      | (Omit<ConversationRecord, 'formState' | 'memory'> & { formState: string | null; memory: string })
      | undefined;
    if (!row) {
      this.s.insertConversation.run(residentId, now, now, now);
      row = this.s.conversation.get(residentId) as never;
    }
    return {
      ...row!,
      formState: this.openFormState(row!.formState),
      memory: parseJson<Record<string, unknown>>(row!.memory, {}),
    };
  }

  /** Store a newly received message; returns its id. */
  insertInbound(m: Inbound, residentId: number, now: number): number {
    const attachments = m.attachments?.length ? JSON.stringify(m.attachments) : null;
    const location = m.location ? JSON.stringify(m.location) : null;
    const replyAddress = m.replyAddress ?? m.userId;
    const text = this.protection.redact ? this.protection.redact(m.text) : m.text;
    return Number(
      this.s.insertInbound.run(m.channel, m.messageId, residentId, m.userId, replyAddress, text, attachments, location, now)
        .lastInsertRowid,
    );
  }

  /** Messages stored but never finished (the process stopped mid-turn), oldest first, with their row id. */
  interrupted(): Array<{ id: number; inbound: Inbound }> {
    type Row = Omit<Inbound, 'attachments' | 'location'> & { id: number; attachments: string | null; location: string | null };
    return (this.s.interrupted.all() as Row[]).map(({ id, attachments, location, ...rest }) => ({
      id,
      inbound: {
        ...rest,
        ...(attachments ? { attachments: parseJson(attachments, undefined) } : {}),
        ...(location ? { location: parseJson(location, undefined) } : {}),
      },
    }));
  }

  /** Mark an inbound message failed outside a turn (e.g. it can no longer be handled). */
  failInbound(id: number, errorId: string, now: number): void {
    this.s.finishInbound.run('failed', null, null, errorId, now, id);
  }

  /** Write the end of a turn: inbound status, replies and notifications, conversation state. */
  commitTurn(turn: TurnResult): number[] {
    return this.transaction(() => {
      this.s.finishInbound.run(turn.status, turn.intent, turn.score, turn.errorId, turn.now, turn.inboundId);
      const ids = turn.outbound.map((o) => this.outbox.insert(o, o.kind === 'reply' ? turn.inboundId : null, turn.now));
      this.saveConversation(turn.conversation, turn.channel, turn.now);
      return ids;
    });
  }


  /** Persist a conversation's state. */
  saveConversation(c: ConversationRecord, channel: string | null, now: number): void {
    this.s.updateConversation.run(
      c.activeForm,
      c.formState === null || c.formState === undefined ? null : this.sealFormState(JSON.stringify(c.formState)),
      JSON.stringify(c.memory),
      channel,
      c.lastActivityAt,
      now,
      c.id,
    );
  }

  private sealFormState(json: string): string {
    return this.protection.seal ? this.protection.seal.seal(json) : json;
  }

  private openFormState(stored: string | null): unknown {
    if (!stored) return null;
    if (stored.startsWith('{')) return parseJson(stored, null); // stored before sealing was on
    try {
      return parseJson(this.protection.seal ? this.protection.seal.open(stored) : stored, null);
    } catch {
      return null; // sealed under another key: the form starts over rather than failing the turn
    }
  }

  /**
   * Remember options a notification offered, so the resident can answer it by number like a
   * reply (a resident with no conversation yet has nothing to remember them in: skipped).
   */
  offerOptions(residentId: number, key: string, options: unknown[]): void {
    this.s.offerOptions.run(key, JSON.stringify(options), residentId);
  }

  /** Where to reach a resident: the channel identity they used most recently. */
  addressOf(residentId: number): { channel: string; address: string } | undefined {
    return this.s.lastIdentityOf.get(residentId) as never;
  }

  /** Ids of residents holding a role (e.g. `admin`). */
  residentsWithRole(role: string): number[] {
    return (this.s.residentsWithRole.all(role) as Array<{ id: number }>).map((r) => r.id);
  }










}
