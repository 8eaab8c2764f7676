/**
 * The admin CLI's domain commands: jobs import, events create/list, broadcast (with --wait
 * following the progress until the residents opened their inboxes), bindcode, and the
 * domains' CSV exports without personal data. Most run in-process over a temp database; the
 * real script is spawned for exit codes, the bind code (PII key under DATA_DIR) and --wait.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliEnv } from '../../src/admin/cli/env.js';
import { runAdminCli } from '../../src/admin/cli/program.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { GridDirectory } from '../../src/domains/hazards/grids.js';
import { StaffService } from '../../src/domains/hazards/staff.js';
import { loadPolicy } from '../../src/domains/insurance/policy.js';
import { InsuranceService } from '../../src/domains/insurance/service.js';
import { SignupService } from '../../src/domains/events/signups.js';
import { createLogger } from '../../src/log.js';
import { maskPersonalData } from '../../src/privacy/mask.js';
import { loadMasterKey, PiiVault } from '../../src/privacy/vault.js';
import { IDS } from '../domains/insurance/helpers.js';
import { startTestApp } from '../helpers/app.js';
import { keywordNlu } from '../helpers/keyword-nlu.js';

const NOW = new Date('2026-11-30T02:00:00Z');
let dir: string;
let db: Database;
let out: string;
let err: string;

function env(): CliEnv {
  const o = new PassThrough();
  const e = new PassThrough();
  o.on('data', (c) => (out += String(c)));
  e.on('data', (c) => (err += String(c)));
  return { db: async () => db, out: o, err: e, stdin: new PassThrough(), interactive: false, progress: false, clock: () => NOW };
}
const run = (...argv: string[]) => runAdminCli(argv, env());

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'linli-admin-cli-domains-'));
  db = await openDatabase({ url: `file:${join(dir, 'linli.db')}` });
  out = '';
  err = '';
});
afterEach(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function resident(channel: string, externalId: string, village: string | null = null): Promise<number> {
  const r = await db.prisma.resident.create({
    data: { displayName: externalId, village, createdAt: NOW, updatedAt: NOW, identities: { create: { channel, externalId, createdAt: NOW, lastSeenAt: NOW } } },
  });
  return r.id;
}

const CSV = [
  '岗位编号,用工单位,岗位名称,类别,村社,薪资,计薪方式,招聘人数,发布日期,有效期至,状态',
  'JH-1,安居农贸市场,市场日结保洁,保洁,五湖村,150,天,2,2026-11-28,2026-12-31,招聘中',
  'JH-2,某公司,算命先生,算命,五湖村,100,天,1,2026-11-28,2026-12-31,招聘中',
].join('\r\n');

/** Run the real script; resolves with its exit code and output. */
function script(args: string[], extraEnv: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // No PII_KEY from the outside: the script takes the development key under DATA_DIR.
    const { PII_KEY: _ignored, ...inherited } = process.env;
    execFile('npx', ['tsx', 'scripts/admin.ts', ...args], { env: { ...inherited, ...extraEnv } }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('jobs import', () => {
  it('imports a GBK file through the domain reader, reports rejected rows and audits as the CLI', async () => {
    const file = join(dir, 'jobs.csv');
    writeFileSync(file, iconv.encode(CSV, 'gbk'));
    expect(await run('jobs', 'import', file)).toBe(0);
    expect(out).toContain(`${file} (CSV, gbk): 1 created, 0 updated, 1 rejected`);
    expect(out).toMatch(/line 3 \(JH-2\): 岗位类别不认识/);
    expect(await db.prisma.jobPosting.count()).toBe(1);
    expect((await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'jobs.import' } })).actor).toBe('cli:jobs:import');
  });

  it('fails with exit code 1 and one line when the file cannot be read (real script)', async () => {
    const missing = await script(['jobs', 'import', join(dir, 'nope.csv'), '--db', `file:${join(dir, 'linli.db')}`]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: cannot read .*nope\.csv: ENOENT/);
    const file = join(dir, 'jobs.csv');
    writeFileSync(file, CSV);
    const ok = await script(['jobs', 'import', file, '--db', `file:${join(dir, 'linli.db')}`, '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ created: 1, updated: 0, rejected: [{ line: 3, externalId: 'JH-2' }] });
  }, 60_000);
});

describe('events', () => {
  it('creates an event (times in Quzhou time) and lists it', async () => {
    expect(await run('events', 'create', '--title', '乡村音乐唱想生活', '--hall', 'bingang-hall', '--start', '2026-12-12 14:00', '--end', '2026-12-12 16:00', '--capacity', '40', '--tags', '文艺,老年')).toBe(0);
    expect(out).toMatch(/Created event #1 "乡村音乐唱想生活" at 滨港村文化礼堂/);
    const e = await db.prisma.event.findFirstOrThrow();
    expect(e.startsAt.toISOString()).toBe('2026-12-12T06:00:00.000Z');
    expect(e.tags).toBe('文艺,老年');
    expect((await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'event.create' } })).actor).toBe('cli');
    out = '';
    expect(await run('events', 'list')).toBe(0);
    expect(out).toMatch(/#1\s+2026-12-12 14:00\s+open\s+cap 40\s+bingang-hall\s+乡村音乐唱想生活 \[文艺,老年\]/);
  });

  it('refuses bad input with one line and exit code 1, creating nothing', async () => {
    const base = ['events', 'create', '--title', '茶话会', '--hall', 'wuhu-hall', '--capacity', '20'];
    const cases: Array<[string[], RegExp]> = [
      [[...base, '--start', '2026-12-12 16:00', '--end', '2026-12-12 14:00'], /event not created: endsAt: ends before it starts/],
      [[...base, '--start', '明天下午', '--end', '2026-12-12 14:00'], /--start must be a time like/],
      [['events', 'create', '--title', '茶话会', '--hall', 'nowhere', '--capacity', '20', '--start', '2026-12-12 14:00', '--end', '2026-12-12 16:00'], /unknown hall "nowhere"/],
      [[...base, '--start', '2026-12-12 14:00', '--end', '2026-12-12 16:00', '--tags', '唱歌'], /unknown tag\(s\) 唱歌/],
      [['events', 'create', '--title', '茶话会'], /required option '--hall <hall id>'/],
    ];
    for (const [argv, message] of cases) {
      err = '';
      expect(await run(...argv)).toBe(1);
      expect(err).toMatch(message);
    }
    expect(await db.prisma.event.count()).toBe(0);
  });
});

describe('broadcast', () => {
  it('queues a notice for a village\u2019s residents; a bad audience is refused with exit 1', async () => {
    await resident('http', 'a', 'wuhu');
    await resident('http', 'b', 'wuhu');
    await resident('http', 'c', 'meijia');
    expect(await run('broadcast', '--text', '五湖村明天上午停水', '--audience', 'village:wuhu')).toBe(0);
    expect(out).toContain('Broadcast #1 queued for 2 recipient(s).');
    const rows = await db.prisma.outboundMessage.findMany({ where: { broadcastId: 1 } });
    expect(rows.map((r) => r.address).sort()).toEqual(['a', 'b']);
    expect((await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'broadcast.create' } })).actor).toBe('cli');

    for (const [audience, message] of [
      ['everyone', /--audience must be all, village:<id>/],
      ['village:atlantis', /nothing sent: audience.village: unknown village/],
      ['event:99', /nothing sent: eventId: unknown event/],
    ] as const) {
      err = '';
      expect(await run('broadcast', '--text', '通知内容', '--audience', audience)).toBe(1);
      expect(err).toMatch(message);
    }
    expect(await db.prisma.broadcast.count()).toBe(1);
  });

  it('--wait follows the progress until every resident opened their inbox, then prints the report (real script beside the bot)', async () => {
    await db.close();
    const app = await startTestApp({ dir, nlu: keywordNlu, scheduler: false, domains: [], env: { DEMO_DATA: 'false' } });
    try {
      for (const user of ['a', 'b']) await app.say(user, '你好');
      const eventId = (
        await app.db.prisma.event.create({
          data: { title: '重阳敬老茶话会', description: '', hallId: 'wuhu-hall', village: 'wuhu', startsAt: new Date('2026-12-10T06:00:00Z'), endsAt: new Date('2026-12-10T08:00:00Z'), capacity: 10, signupDeadline: new Date('2026-12-10T06:00:00Z'), createdAt: NOW, updatedAt: NOW },
        })
      ).id;
      const signups = new SignupService(app.db.prisma);
      for (const user of ['a', 'b']) {
        const residentId = (await app.db.prisma.channelIdentity.findFirstOrThrow({ where: { externalId: user } })).residentId;
        await signups.signup({ eventId, residentId, partySize: 1 }, NOW);
      }
      const child = spawn('npx', ['tsx', 'scripts/admin.ts', 'broadcast', '--text', '茶话会改到下午三点', '--audience', `event:${eventId}`, '--wait', '--db', app.config.DATABASE_URL], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c) => (stdout += String(c)));
      child.stderr.on('data', (c) => (stderr += String(c)));
      const exit = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
      // The residents open their inboxes once the CLI has queued the messages.
      const texts: string[] = [];
      for (const user of ['a', 'b']) {
        for (let i = 0; i < 200 && !texts.some((x) => x.startsWith(`${user}:`)); i++) {
          const inbox = await app.inbox(user);
          texts.push(...inbox.map((m) => `${user}:${m.text}`));
          if (inbox.length === 0) await new Promise((r) => setTimeout(r, 100));
        }
      }
      expect(texts.map((x) => x.split('\n')[0])).toEqual(['a:茶话会改到下午三点', 'b:茶话会改到下午三点']);
      expect(await exit).toBe(0);
      expect(stderr).toBe('');
      expect(stdout).toMatch(/Broadcast #1 queued for 2 recipient\(s\)\.\nBroadcast #1 done: 2 messages, 2 sent, 0 failed, in \d+ s\./);
    } finally {
      // The app owned the database (and deletes the folder): nothing left for afterEach to close.
      await app.dispose();
      db = { close: async () => {} } as unknown as Database;
    }
  }, 60_000);
});

describe('bindcode', () => {
  it('prints a code the worker can redeem; an unknown worker fails with exit 1 (real script)', async () => {
    const worker = await db.prisma.gridWorker.create({ data: { key: 'wuhu-1-leader', gridId: 'wuhu-1', role: 'leader', name: '王网格', createdAt: NOW, updatedAt: NOW } });
    const residentId = await resident('http', 'worker');
    const dbUrl = `file:${join(dir, 'linli.db')}`;
    const ok = await script(['bindcode', 'wuhu-1-leader', '--db', dbUrl], { DATA_DIR: dir });
    expect(ok.code).toBe(0);
    const code = /Bind code for 王网格 \(wuhu-1, leader\): (\d{6})/.exec(ok.stdout)?.[1];
    expect(code).toBeDefined();
    const vault = new PiiVault(loadMasterKey({ dataDir: dir, production: false, log: createLogger({ level: 'silent' }) }));
    const redeemed = await new StaffService(db.prisma, vault, GridDirectory.load()).redeemBindCode(code!, residentId, NOW);
    expect(redeemed.ok).toBe(true);
    expect((await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'grid_worker.bind_code' } })).actor).toBe('cli');

    const unknown = await script(['bindcode', String(worker.id + 10), '--db', dbUrl], { DATA_DIR: dir });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^error: no grid worker "\d+"/);
  }, 60_000);
});

describe('domain exports', () => {
  it('exports enrolment applications without names, ID numbers or phones, and hazard reports without the reporter', async () => {
    const residentId = await resident('http', 'zhang');
    const vault = new PiiVault(Buffer.alloc(32, 7));
    const insurance = new InsuranceService(db.prisma, vault, loadPolicy('seed/insurance-policy.json'));
    const applied = await insurance.apply({ residentId, relation: '本人', name: '张建国', idNumber: IDS.adult, village: 'wuhu', category: 'none', phone: '13812345678', now: NOW });
    expect(applied.ok).toBe(true);
    await db.prisma.hazardReport.create({
      data: {
        code: 'SP-1', residentId, source: 'wechat', category: 'road', description: '路灯坏了，联系我13812345678', gridId: 'wuhu-1', status: 'submitted',
        contactCipher: vault.encrypt('13812345678'), createdAt: NOW, updatedAt: NOW, assignedAt: NOW,
      },
    });
    const enrolFile = join(dir, 'enrol.csv');
    expect(await run('export', 'enrolment_applications', '--out', enrolFile)).toBe(0);
    const enrol = readFileSync(enrolFile, 'utf8');
    expect(enrol).toContain('2027,本人,adult,wuhu,none,submitted');
    for (const secret of [IDS.adult, '3308**', '张', '138']) expect(enrol).not.toContain(secret);

    const hazardFile = join(dir, 'hazards.csv');
    expect(await run('export', 'hazard_reports', '--out', hazardFile, '--gbk')).toBe(0);
    const hazards = iconv.decode(readFileSync(hazardFile), 'gbk');
    expect(hazards.split('\r\n')[0]).not.toMatch(/resident|contact|source/);
    expect(hazards).toContain(maskPersonalData('路灯坏了，联系我13812345678'));
    expect(hazards).not.toContain('13812345678');
    expect(hazards).not.toContain('wechat');
  });

  it('exports job postings and event sign-ups (no check-in codes)', async () => {
    const file = join(dir, 'jobs.csv');
    writeFileSync(file, CSV);
    await run('jobs', 'import', file);
    await run('events', 'create', '--title', '茶话会', '--hall', 'wuhu-hall', '--start', '2026-12-12 14:00', '--end', '2026-12-12 16:00', '--capacity', '20');
    const r = await new SignupService(db.prisma).signup({ eventId: 1, residentId: await resident('http', 'a'), partySize: 2 }, NOW);
    if (!r.ok) throw new Error('signup failed');
    const postings = join(dir, 'postings.csv');
    expect(await run('export', 'job_postings', '--out', postings)).toBe(0);
    expect(readFileSync(postings, 'utf8')).toMatch(/\n1,JH-1,安居农贸市场,市场日结保洁,保洁,wuhu,/);
    const signups = join(dir, 'signups.csv');
    expect(await run('export', 'event_signups', '--out', signups)).toBe(0);
    const text = readFileSync(signups, 'utf8');
    expect(text).toMatch(/\n1,1,茶话会,\d+,2,confirmed,/);
    expect(text).not.toContain(r.signup.checkInCode);
  });
});
