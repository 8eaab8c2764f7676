import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databasePath, openDatabase, type Database } from '../../src/db/client.js';

let dir: string;
let db: Database | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'linli-client-'));
});

afterEach(async () => {
  await db?.close();
  db = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('databasePath', () => {
  it('resolves a file: URL against the working directory', () => {
    expect(databasePath('file:./data/linli.db')).toBe(resolve('data/linli.db'));
    expect(databasePath('/srv/linli/linli.db')).toBe('/srv/linli/linli.db');
    expect(databasePath(':memory:')).toBe(':memory:');
  });
});

describe('openDatabase', () => {
  it('creates the folder and a migrated database, with WAL and foreign keys on', async () => {
    const url = `file:${join(dir, 'nested', 'data', 'linli.db')}`;
    db = await openDatabase({ url });

    expect(existsSync(join(dir, 'nested', 'data', 'linli.db'))).toBe(true);
    expect(db.url).toBe(url);
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(Number(db.sqlite.pragma('foreign_keys', { simple: true }))).toBe(1);
    expect(Number(db.sqlite.pragma('busy_timeout', { simple: true }))).toBe(5000);
    expect(await db.prisma.resident.count()).toBe(0);
  });

  it('rejects a row that points at a resident who does not exist', async () => {
    db = await openDatabase({ url: join(dir, 'linli.db') });
    const now = new Date();

    await expect(
      db.prisma.channelIdentity.create({
        data: { channel: 'http', externalId: 'u1', residentId: 999, createdAt: now, lastSeenAt: now },
      }),
    ).rejects.toThrow(/foreign key/i);
  });

  it('lets raw statements and Prisma see each other’s writes on the one connection', async () => {
    db = await openDatabase({ url: join(dir, 'linli.db') });
    const at = Date.UTC(2024, 2, 1, 8, 30);

    db.sqlite
      .prepare(`INSERT INTO residents (display_name, role, created_at, updated_at) VALUES (?, 'resident', ?, ?)`)
      .run('王阿姨', at, at);
    const viaPrisma = await db.prisma.resident.findFirstOrThrow({ where: { displayName: '王阿姨' } });
    expect(viaPrisma.createdAt).toEqual(new Date(at));

    const created = await db.prisma.resident.create({
      data: { displayName: '李师傅', createdAt: new Date(at), updatedAt: new Date(at) },
    });
    const viaRaw = db.sqlite
      .prepare(`SELECT id, display_name, created_at FROM residents WHERE id = ?`)
      .safeIntegers(false)
      .get(created.id);
    expect(viaRaw).toEqual({ id: created.id, display_name: '李师傅', created_at: at });
  });

  it('keeps the data across close and reopen, applying no migration the second time', async () => {
    const url = join(dir, 'linli.db');
    db = await openDatabase({ url });
    const now = new Date();
    await db.prisma.resident.create({ data: { displayName: '张大爷', createdAt: now, updatedAt: now } });
    const migrations = db.sqlite.prepare(`SELECT count(*) AS n FROM _prisma_migrations`).safeIntegers(false).get();
    await db.close();

    db = await openDatabase({ url });
    expect(await db.prisma.resident.count()).toBe(1);
    expect(db.sqlite.prepare(`SELECT count(*) AS n FROM _prisma_migrations`).safeIntegers(false).get()).toEqual(
      migrations,
    );
  });

  it('leaves the database empty when asked not to migrate', async () => {
    db = await openDatabase({ url: join(dir, 'linli.db'), migrate: false });

    expect(db.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all()).toEqual([]);
  });

  it('keeps working after prisma.$disconnect() and closes the connection on close()', async () => {
    db = await openDatabase({ url: join(dir, 'linli.db') });

    await db.prisma.$disconnect();
    expect(await db.prisma.resident.count()).toBe(0);
    expect(db.sqlite.open).toBe(true);

    const { sqlite } = db;
    await db.close();
    db = undefined;
    expect(sqlite.open).toBe(false);
  });
});
