import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeText, readPostingsFile } from '../../../src/domains/jobs/import-file.js';
import { JobsService } from '../../../src/domains/jobs/service.js';
import { openTestDb, REFERENCE, type TestDb } from './helpers.js';

const HEADER = '岗位编号,用工单位,岗位名称,类别,岗位描述,村社,工作地点,薪资,薪资上限,计薪方式,招聘人数,年龄下限,年龄上限,技能要求,证书要求,福利,日结,兼职,联系方式,发布日期,有效期至,状态,来源';
const GOOD = [
  'T-1,六禾物业,小区保洁员,保洁,楼道保洁,五湖村,,2600,,月,2,,60,,,,否,否,王经理 0570-8000001,2026-11-25,2026-12-25,招聘中,',
  'T-2,安居农贸市场,日结装卸,搬运,凌晨卸货,五湖,安居农贸市场,200,,天,5,,55,,,,是,否,,2026-11-28,2026-12-10,,',
];
const BAD = [
  'T-3,六禾物业,,保洁,,五湖村,,2600,,月,2,,60,,,,否,否,,2026-11-25,2026-12-25,招聘中,', // no title
  'T-4,六禾物业,保洁,挖矿,,五湖村,,2600,,月,2,,60,,,,否,否,,2026-11-25,2026-12-25,招聘中,', // unknown category
  'T-5,六禾物业,保洁,保洁,,火星村,,2600,,月,2,,60,,,,否,否,,2026-11-25,2026-12-25,招聘中,', // not a village here
  'T-6,六禾物业,保洁,保洁,,五湖村,,2600,,,2,,60,,,,否,否,,2026-11-25,2026-12-25,招聘中,', // pay without unit
  'T-7,六禾物业,保洁,保洁,,五湖村,,2600,,月,2,,60,,,,否,否,,2026-11-25,2026/13/45,招聘中,', // bad date
  'T-8,六禾物业,保洁,保洁,,五湖村,,2600,,月,2,60,40,,,,否,否,,2026-11-25,2026-12-25,招聘中,', // age range reversed
  'T-1,六禾物业,小区保洁员,保洁,,五湖村,,2600,,月,2,,60,,,,否,否,,2026-11-25,2026-12-25,招聘中,', // duplicate id
];
const csv = (rows: string[]) => `${[HEADER, ...rows].join('\n')}\n`;
const records = (text: string) => readPostingsFile(Buffer.from(text, 'utf8'), 'x.csv').records;

describe('importing the hub’s postings', () => {
  let t: TestDb;
  let jobs: JobsService;
  beforeEach(async () => {
    t = await openTestDb();
    jobs = new JobsService(t.prisma);
  });
  afterEach(() => t.close());

  it('imports good rows and reports each bad row with its line and reason', async () => {
    const report = await jobs.importPostings(records(csv([...GOOD, ...BAD])), REFERENCE);
    expect(report.created).toBe(2);
    expect(report.rejected).toEqual([
      { line: 4, reason: '缺少岗位名称（或超过60个字）', externalId: 'T-3' },
      { line: 5, reason: expect.stringContaining('岗位类别不认识'), externalId: 'T-4' },
      { line: 6, reason: '村社名称不在本街道的村社名单里', externalId: 'T-5' },
      { line: 7, reason: '写了薪资就要写计薪方式：时/天/月/件', externalId: 'T-6' },
      { line: 8, reason: '有效期格式不对，应为 2026-12-20', externalId: 'T-7' },
      { line: 9, reason: '年龄下限不能高于年龄上限', externalId: 'T-8' },
      { line: 10, reason: '岗位编号与第2行重复', externalId: 'T-1' },
    ]);
    const stored = await t.prisma.jobPosting.findUniqueOrThrow({ where: { externalId: 'T-2' }, include: { employer: true } });
    expect(stored).toMatchObject({ category: '搬运装卸', village: 'wuhu', payAmount: 200, payUnit: 'day', dayWork: true, status: 'open' });
    expect(stored.employer.name).toBe('安居农贸市场');
    // “有效期至 2026-12-10” lasts to the end of that day in Shanghai.
    expect(stored.validUntil.toISOString()).toBe('2026-12-10T15:59:59.999Z');
    expect(await t.prisma.jobPosting.count()).toBe(2);
  });

  it('re-importing updates by external id and never duplicates', async () => {
    await jobs.importPostings(records(csv(GOOD)), REFERENCE);
    const changed = GOOD[0]!.replace('2600', '2900');
    const again = await jobs.importPostings(records(csv([changed, GOOD[1]!])), REFERENCE);
    expect(again).toEqual({ created: 0, updated: 2, rejected: [] });
    expect(await t.prisma.jobPosting.count()).toBe(2);
    expect(await t.prisma.employer.count()).toBe(2);
    expect((await t.prisma.jobPosting.findUniqueOrThrow({ where: { externalId: 'T-1' } })).payAmount).toBe(2900);
  });

  it('reads a GBK file as Excel saves it, and UTF-8 with a BOM', async () => {
    const gbk = iconv.encode(csv(GOOD), 'gbk');
    expect(decodeText(gbk).encoding).toBe('gbk');
    const parsed = readPostingsFile(gbk, 'hub.csv');
    expect(parsed.records[0]!.record['用工单位']).toBe('六禾物业');
    expect((await jobs.importPostings(parsed.records, REFERENCE)).created).toBe(2);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv(GOOD), 'utf8')]);
    const withBom = readPostingsFile(bom, 'hub.csv');
    expect(withBom.encoding).toBe('utf-8');
    expect(withBom.records[1]!.record['岗位编号']).toBe('T-2');
  });

  it('reads a JSON array with English field names', async () => {
    const json = JSON.stringify([
      { externalId: 'J-1', employer: '禾亩农场', title: '采摘工', category: '农业/采摘', village: 'nancun', payAmount: 130, payUnit: 'day', postedAt: '2026-11-30', validUntil: '2026-12-30' },
      { externalId: 'J-2', employer: '禾亩农场', title: '采摘工', category: '农业/采摘', postedAt: '2026-11-30' },
    ]);
    const parsed = readPostingsFile(Buffer.from(json), 'postings.json');
    const report = await jobs.importPostings(parsed.records, REFERENCE);
    expect(report.created).toBe(1);
    expect(report.rejected).toEqual([{ line: 2, reason: '有效期格式不对，应为 2026-12-20', externalId: 'J-2' }]);
  });

  it('marks a posting whose valid-until has passed as expired', async () => {
    const old = GOOD[0]!.replace('2026-12-25', '2026-11-26');
    await jobs.importPostings(records(csv([old])), REFERENCE);
    expect((await t.prisma.jobPosting.findUniqueOrThrow({ where: { externalId: 'T-1' } })).status).toBe('expired');
  });

  it('the CLI imports a file, reports rejected rows, and exits non-zero on an unreadable file', async () => {
    const run = promisify(execFile);
    const file = join(t.dir, 'hub.csv');
    writeFileSync(file, iconv.encode(csv([...GOOD, BAD[0]!]), 'gbk'));
    const db = `file:${join(t.dir, 'cli.db')}`;
    const ok = await run('npx', ['tsx', 'scripts/jobs-import.ts', file, '--db', db]);
    expect(ok.stdout).toContain('新增 2 条');
    expect(ok.stdout).toContain('第4行（T-3）：缺少岗位名称');
    await expect(run('npx', ['tsx', 'scripts/jobs-import.ts', join(t.dir, 'missing.csv'), '--db', db])).rejects.toMatchObject({ code: 1 });
  }, 60_000);
});
