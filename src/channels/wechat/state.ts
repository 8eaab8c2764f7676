/**
 * The WeChat channel's own small state file, `<DATA_DIR>/wechat/state.db`: the identity book
 * (which contact ids are which resident) and the daily send counts. It is separate from the
 * main database because it belongs to this channel alone and must survive a lost memory card.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS wechat_identity (
  user_id    TEXT PRIMARY KEY,   -- the userId the core knows (the first contact id seen)
  contact_id TEXT NOT NULL,      -- the contact id seen last: where messages go
  handle     TEXT UNIQUE,        -- 微信号, when the puppet reports it
  token      TEXT UNIQUE,        -- the token Linli wrote into the contact's remark
  created_at INTEGER NOT NULL,
  seen_at    INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS wechat_contact (
  contact_id TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES wechat_identity(user_id)
);
CREATE TABLE IF NOT EXISTS wechat_daily_sends (
  day   TEXT PRIMARY KEY,        -- YYYY-MM-DD in Asia/Shanghai
  count INTEGER NOT NULL
);
`;

/**
 * Open (creating when missing) the channel's state database.
 *
 * @example
 * ```ts
 * const db = openWechatState('./data/wechat/state.db');
 * const book = new IdentityBook(db);
 * ```
 */
export function openWechatState(path: string): BetterSqlite3.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new BetterSqlite3(path);
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  return db;
}
