/**
 * The admin CLI: staff accounts, figures and CSV exports, run in-process over a temp database;
 * one run of the real script checks the exit code a shell sees.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StaffAccounts } from '../../src/admin/accounts.js';
import type { CliEnv } from '../../src/admin/cli/env.js';
import { csvLine } from '../../src/admin/cli/csv.js';
import { runAdminCli } from '../../src/admin/cli/program.js';
import { openDatabase, type Database } from '../../src/db/client.js';

let dir: string;
let db: Database;
let out: string;
let err: string;

function env(): CliEnv {
  const o = new PassThrough();
  const e = new PassThrough();
  o.on('data', (c) => (out += String(c)));
  e.on('data', (c) => (err += String(c)));
  return { db: async () => db, out: o, err: e, stdin: new PassThrough(), interactive: false, progress: false, clock: () => new Date('2026-11-30T02:00:00Z') };
}
const run = (...argv: string[]) => runAdminCli(argv, env());

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'linli-admin-cli-'));
  db = await openDatabase({ url: `file:${join(dir, 'linli.db')}` });
  out = '';
  err = '';
});
afterEach(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function resident(channel: string, externalId: string, name = '居民'): Promise<number> {
  const now = new Date();
  const r = await db.prisma.resident.create({
    data: { displayName: name, createdAt: now, updatedAt: now, identities: { create: { channel, externalId, createdAt: now, lastSeenAt: now } } },
  });
  return r.id;
}

describe('staff', () => {
  it('creates an account that can log in, linked to a chat resident, and lists it', async () => {
    const residentId = await resident('http', 'duty-desk');
    expect(await run('staff', 'create', '--username', 'Wang', '--role', 'admin', '--name', '王芳', '--password', 'long-enough-1', '--resident-user', 'http:duty-desk')).toBe(0);
    expect(out).toContain('Created admin account "wang"');
    const row = await db.prisma.staffAccount.findUniqueOrThrow({ where: { username: 'wang' } });
    expect(row.residentId).toBe(residentId);
    const accounts = new StaffAccounts(db.prisma, { maxFailedLogins: 5, lockoutMinutes: 15, clock: () => new Date() });
    expect((await accounts.authenticate('wang', 'long-enough-1')).ok).toBe(true);
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'staff.create' } });
    expect(audit.actor).toBe('cli');
    expect(audit.after).not.toContain('long-enough-1');

    out = '';
    expect(await run('staff', 'list')).toBe(0);
    expect(out).toMatch(/wang\s+admin\s+-\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+active\s+王芳/);
  });

  it('refuses bad input with one clear line and exit code 1, creating nothing', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--username', 'a b', '--role', 'admin', '--name', '甲', '--password', 'long-enough-1'], /username must be/],
      [['--username', 'li', '--role', 'boss', '--name', '甲', '--password', 'long-enough-1'], /role must be one of: admin, grid_worker, hub_staff/],
      [['--username', 'li', '--role', 'grid_worker', '--name', '甲', '--password', 'long-enough-1'], /needs --grid/],
      [['--username', 'li', '--role', 'admin', '--name', '甲', '--password', 'short'], /at least 8 characters/],
      [['--username', 'li', '--role', 'admin', '--name', '甲'], /no password/],
      [['--username', 'li', '--role', 'admin', '--name', '甲', '--password', 'long-enough-1', '--resident-user', 'wechat:nobody'], /no resident has written from wechat:nobody/],
      [['--username', 'li', '--role', 'admin', '--name', '甲', '--password', 'long-enough-1', '--resident-user', 'nocolon'], /channel:externalId/],
      [['--role', 'admin', '--name', '甲'], /required option '--username <name>'/],
    ];
    for (const [args, message] of cases) {
      err = '';
      expect(await run('staff', 'create', ...args)).toBe(1);
      expect(err).toMatch(message);
    }
    expect(await db.prisma.staffAccount.count()).toBe(0);
  });

  it('refuses a taken username', async () => {
    await run('staff', 'create', '--username', 'li', '--role', 'hub_staff', '--name', '李', '--password', 'long-enough-1');
    expect(await run('staff', 'create', '--username', 'LI', '--role', 'admin', '--name', '李', '--password', 'long-enough-2')).toBe(1);
    expect(err).toContain('username "li" is taken');
  });

  it('disables an account (audited); an unknown one is an error', async () => {
    await run('staff', 'create', '--username', 'li', '--role', 'grid_worker', '--grid', 'wuhu-1', '--name', '李', '--password', 'long-enough-1');
    expect(await run('staff', 'disable', 'li')).toBe(0);
    expect((await db.prisma.staffAccount.findUniqueOrThrow({ where: { username: 'li' } })).disabledAt).not.toBeNull();
    expect(await db.prisma.auditLog.count({ where: { action: 'staff.disable', actor: 'cli' } })).toBe(1);
    expect(await run('staff', 'disable', 'zhao')).toBe(1);
    expect(err).toContain('no account "zhao"');
  });
});

describe('stats', () => {
  it('prints the core figures, also as JSON', async () => {
    const id = await resident('wechat', 'wx1');
    await db.prisma.handoffRequest.create({ data: { residentId: id, text: '转人工', createdAt: new Date() } });
    expect(await run('stats')).toBe(0);
    expect(out).toMatch(/Residents:\s+1/);
    expect(out).toMatch(/Residents by channel:\s+wechat 1/);
    expect(out).toMatch(/Hand-over requests:\s+open 1/);
    out = '';
    expect(await run('stats', '--json')).toBe(0);
    expect(JSON.parse(out).handoffs).toEqual({ open: 1 });
  });
});

describe('export', () => {
  it('writes feedback as UTF-8 CSV with a BOM, without phones, formulas defused', async () => {
    const id = await resident('http', 'u1');
    await db.prisma.feedback.create({
      data: { residentId: id, topic: '建议', content: '=HYPERLINK("http://x")，路灯"坏了",\n请修', phoneCipher: 'c', phoneMasked: '138****5678', createdAt: new Date('2026-11-29T02:05:00Z') },
    });
    const file = join(dir, 'fb.csv');
    expect(await run('export', 'feedback', '--out', file)).toBe(0);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text).toBe(
      'id,created_at,resident_id,topic,content,status\r\n' + `1,2026-11-29 10:05:00,${id},建议,"'=HYPERLINK(""http://x"")，路灯""坏了"",\n请修",new\r\n`,
    );
    expect(text).not.toContain('138');
    expect(out).toContain('Wrote 1 feedback rows');
  });

  it('writes GBK for Excel with --gbk, across more rows than one batch', async () => {
    const id = await resident('http', 'u1');
    await db.prisma.handoffRequest.createMany({
      data: Array.from({ length: 1203 }, (_, i) => ({ residentId: id, text: `请人工回复 ${i}`, createdAt: new Date() })),
    });
    const file = join(dir, 'h.csv');
    expect(await run('export', 'handoff_requests', '--out', file, '--gbk')).toBe(0);
    const text = iconv.decode(readFileSync(file), 'gbk');
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(1204);
    expect(lines[1]).toContain('请人工回复 0');
    expect(lines[1203]).toContain('请人工回复 1202');
    expect(readFileSync(file).includes(Buffer.from('请', 'utf8'))).toBe(false);
  });

  it('refuses an unknown table or a missing --out, and lists the tables', async () => {
    expect(await run('export', 'residents', '--out', join(dir, 'x.csv'))).toBe(1);
    expect(err).toContain('unknown table "residents" (known: audit_log, feedback, handoff_requests, job_postings, job_applications, enrolment_applications, hazard_reports, event_signups)');
    expect(await run('export', 'audit_log')).toBe(1);
    expect(err).toContain('--out <file> is required');
    expect(await run('export', 'audit_log', '--out', join(dir, 'no-such-dir', 'x.csv'))).toBe(1);
    expect(err).toContain('cannot write');
    expect(await run('export', '--list')).toBe(0);
    expect(out).toContain('handoff_requests');
  });

  it('quotes cells as RFC 4180 wants', () => {
    expect(csvLine([1, 'a,b', 'say "hi"', null, '-3', '@x'])).toBe('1,"a,b","say ""hi""",,\'-3,\'@x\r\n');
  });
});

describe('the script', () => {
  it('exits 1 with the error on stderr, 0 on success', async () => {
    const exec = promisify(execFile);
    const url = `file:${join(dir, 'script.db')}`;
    const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
    const ok = await exec(tsx, ['scripts/admin.ts', '--db', url, 'staff', 'list']);
    expect(ok.stdout).toContain('No accounts yet');
    const failed = await exec(tsx, ['scripts/admin.ts', '--db', url, 'staff', 'disable', 'ghost']).catch((e: { code: number; stderr: string }) => e);
    expect((failed as { code: number }).code).toBe(1);
    expect((failed as { stderr: string }).stderr).toContain('error: no account "ghost"');
  });
});
