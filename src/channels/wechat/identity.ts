/**
 * Who is who on WeChat. Web WeChat gives each contact a new id at every new login, so the id
 * alone cannot name a resident for long. The identity book keeps the rule:
 *
 * 1. A contact id seen before is the resident it was mapped to.
 * 2. A new contact id whose 微信号 (handle) is known is that handle's resident.
 * 3. A new contact id whose remark (备注) carries a token Linli wrote (`#LL` + 6 characters) is
 *    that token's resident.
 * 4. Anything else is a new resident — also when the handle and the token point at two
 *    different residents. Names are never used: two 张阿姨 stay two residents.
 *
 * The userId handed to the core is the first contact id seen for that resident; messages go to
 * the contact id seen last.
 */
import { randomInt } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';

/** What the book needs to know about a contact. */
export interface ContactFacts {
  id: string;
  /** 微信号, when the puppet reports it (web WeChat: only for some friends). */
  handle?: string | undefined;
  /** The remark (备注) the bot's account keeps for this contact. */
  remark?: string | undefined;
  /** Only friends can carry a remark. */
  friend: boolean;
}

/** How a contact was recognised. */
export type MatchedBy = 'contact-id' | 'handle' | 'remark-token' | 'new' | 'new-conflict';

export interface Resolution {
  userId: string;
  by: MatchedBy;
  /** Set for a new friend with neither handle nor remark: write it into the remark. */
  tokenToWrite?: string;
}

interface IdentityRow {
  user_id: string;
  contact_id: string;
  handle: string | null;
  token: string | null;
}

// Crockford base32 without I, L, O, U: no letters that read as digits.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TOKEN_RE = /#LL([0-9A-HJKMNP-TV-Z]{6})(?![0-9A-Z])/;

/** The token inside a remark, if Linli wrote one there. */
export function tokenInRemark(remark: string | undefined): string | undefined {
  return remark ? TOKEN_RE.exec(remark)?.[1] : undefined;
}

/**
 * The remark Linli writes for a new contact: their name (kept short) and the token, so the
 * account's owner still sees who it is.
 *
 * @example
 * ```ts
 * remarkWithToken('张阿姨', 'K3F9A2'); // '张阿姨 #LLK3F9A2'
 * ```
 */
export function remarkWithToken(name: string, token: string): string {
  const shown = [...name.trim()].slice(0, 16).join('');
  return shown ? `${shown} #LL${token}` : `#LL${token}`;
}

/**
 * The mapping between WeChat contacts and the stable userIds the core stores, kept in the
 * channel's state database.
 *
 * @example
 * ```ts
 * const book = new IdentityBook(openWechatState('data/wechat/state.db'));
 * const { userId } = book.resolve({ id: contact.id, handle: 'zhang_ayi', friend: true }, Date.now());
 * ```
 */
export class IdentityBook {
  private readonly s;

  constructor(private readonly db: BetterSqlite3.Database) {
    this.s = {
      byContact: db.prepare(
        'SELECT i.user_id, i.contact_id, i.handle, i.token FROM wechat_contact c JOIN wechat_identity i ON i.user_id = c.user_id WHERE c.contact_id = ?',
      ),
      byUser: db.prepare('SELECT user_id, contact_id, handle, token FROM wechat_identity WHERE user_id = ?'),
      byHandle: db.prepare('SELECT user_id, contact_id, handle, token FROM wechat_identity WHERE handle = ?'),
      byToken: db.prepare('SELECT user_id, contact_id, handle, token FROM wechat_identity WHERE token = ?'),
      insertIdentity: db.prepare(
        'INSERT INTO wechat_identity (user_id, contact_id, handle, token, created_at, seen_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      insertContact: db.prepare('INSERT OR REPLACE INTO wechat_contact (contact_id, user_id) VALUES (?, ?)'),
      seen: db.prepare('UPDATE wechat_identity SET contact_id = ?, seen_at = ? WHERE user_id = ?'),
      setHandle: db.prepare('UPDATE wechat_identity SET handle = ? WHERE user_id = ? AND handle IS NULL'),
      setToken: db.prepare('UPDATE wechat_identity SET token = ? WHERE user_id = ? AND token IS NULL'),
    };
  }

  /**
   * The userId of a contact, by the rule in this module's header. Records the contact id, and
   * the handle or remark token when they are new and nobody else's.
   */
  resolve(facts: ContactFacts, now: number): Resolution {
    return this.db.transaction((): Resolution => {
      const known = this.s.byContact.get(facts.id) as IdentityRow | undefined;
      if (known) {
        this.s.seen.run(facts.id, now, known.user_id);
        this.adoptKeys(known.user_id, facts);
        return { userId: known.user_id, by: 'contact-id' };
      }

      const remarkToken = tokenInRemark(facts.remark);
      const byHandle = facts.handle ? (this.s.byHandle.get(facts.handle) as IdentityRow | undefined) : undefined;
      const byToken = remarkToken ? (this.s.byToken.get(remarkToken) as IdentityRow | undefined) : undefined;
      const conflict = byHandle !== undefined && byToken !== undefined && byHandle.user_id !== byToken.user_id;

      const match = conflict ? undefined : (byHandle ?? byToken);
      if (match) {
        this.s.insertContact.run(facts.id, match.user_id);
        this.s.seen.run(facts.id, now, match.user_id);
        this.adoptKeys(match.user_id, facts);
        return { userId: match.user_id, by: byHandle ? 'handle' : 'remark-token' };
      }

      // A new resident. Keys already owned by someone else (the conflict case) are not taken.
      const handle = facts.handle && !byHandle ? facts.handle : null;
      let token = remarkToken && !byToken ? remarkToken : null;
      let tokenToWrite: string | undefined;
      if (!conflict && !token && !facts.handle && !facts.remark?.trim() && facts.friend) {
        token = tokenToWrite = this.freshToken();
      }
      this.s.insertIdentity.run(facts.id, facts.id, handle, token, now, now);
      this.s.insertContact.run(facts.id, facts.id);
      return { userId: facts.id, by: conflict ? 'new-conflict' : 'new', ...(tokenToWrite ? { tokenToWrite } : {}) };
    })();
  }

  /** The contact id a userId was seen with last (where to send), if the book knows it. */
  currentContactId(userId: string): string | undefined {
    return (this.s.byUser.get(userId) as IdentityRow | undefined)?.contact_id;
  }

  /** The stable keys kept for a userId, to find the contact again after its id changed. */
  stableKeys(userId: string): { handle?: string; token?: string } | undefined {
    const row = this.s.byUser.get(userId) as IdentityRow | undefined;
    if (!row) return undefined;
    return { ...(row.handle ? { handle: row.handle } : {}), ...(row.token ? { token: row.token } : {}) };
  }

  /** Record that a known userId is now reachable under another contact id. */
  moved(userId: string, contactId: string, now: number): void {
    this.db.transaction(() => {
      this.s.insertContact.run(contactId, userId);
      this.s.seen.run(contactId, now, userId);
    })();
  }

  private adoptKeys(userId: string, facts: ContactFacts): void {
    if (facts.handle && !this.s.byHandle.get(facts.handle)) this.s.setHandle.run(facts.handle, userId);
    const token = tokenInRemark(facts.remark);
    if (token && !this.s.byToken.get(token)) this.s.setToken.run(token, userId);
  }

  private freshToken(): string {
    for (;;) {
      const token = Array.from({ length: 6 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
      if (!this.s.byToken.get(token)) return token;
    }
  }
}
