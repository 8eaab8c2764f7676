import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { registerJobs, seedJobsDemo, JOBS_TASKS } from '../../../src/domains/jobs/index.js';
import { matchReasons, RecommendationService } from '../../../src/domains/jobs/recommend.js';
import { SeekerService, type SeekerInput } from '../../../src/domains/jobs/seekers.js';
import { JobsService, type ImportRecord } from '../../../src/domains/jobs/service.js';
import { jobsMonthlyStats } from '../../../src/domains/jobs/stats.js';
import { eraseJobsPersonalData } from '../../../src/domains/jobs/privacy.js';
import { startTestApp, type TestApp } from '../../helpers/app.js';
import { makeResident, openTestDb, REFERENCE, type TestDb } from './helpers.js';

const HOUR = 3_600_000;
let serial = 0;
/** A posting record; dates relative to the reference day. */
function posting(fields: Record<string, unknown> = {}): ImportRecord {
  serial++;
  return {
    line: serial + 1,
    record: { 岗位编号: `R-${serial}`, 用工单位: '六禾物业', 岗位名称: '保洁员', 类别: '保洁', 村社: '五湖村', 薪资: 2600, 计薪方式: '月', 发布日期: '2026-12-01', 有效期至: '2026-12-31', ...fields },
  };
}
const seeker = (over: Partial<SeekerInput> = {}): SeekerInput => ({
  name: '李阿姨', phone: '13957012345', skills: [], categories: ['保洁'], areas: ['wuhu'], availability: 'any', notify: true, ...over,
});

describe('matching a posting to a seeker', () => {
  const base = { id: 1, externalId: 'x', title: '保洁员', category: '保洁', employer: 'e', description: '', village: 'wuhu', location: '', payAmount: 100, payMax: null, payUnit: 'day', headcount: 1, ageMin: null, ageMax: null, skills: [], certificates: [], perks: [], dayWork: true, partTime: false, contact: '', postedAt: REFERENCE, validUntil: REFERENCE, status: 'open' };
  it('says why: the category and the area registered', () => {
    expect(matchReasons(seeker(), base)).toEqual(['保洁', '五湖村']);
  });
  it('matches on a skill when the category was not registered', () => {
    expect(matchReasons(seeker({ categories: [], skills: ['叉车'], areas: [] }), { ...base, category: '叉车' })).toEqual(['叉车']);
  });
  it('does not match another area, another category or the wrong kind of time', () => {
    expect(matchReasons(seeker(), { ...base, village: 'nancun' })).toBeNull();
    expect(matchReasons(seeker(), { ...base, category: '保安' })).toBeNull();
    expect(matchReasons(seeker({ availability: 'parttime' }), base)).toBeNull();
  });
});

describe('recommendation runs', () => {
  let t: TestDb;
  let jobs: JobsService;
  let recs: RecommendationService;
  let seekers: SeekerService;
  let ana: number;
  beforeEach(async () => {
    t = await openTestDb();
    jobs = new JobsService(t.prisma);
    recs = new RecommendationService(t.prisma);
    seekers = new SeekerService(t.prisma, t.vault);
    ana = await makeResident(t.prisma, 'ana');
    await seekers.save(ana, seeker(), REFERENCE);
  });
  afterEach(() => t.close());

  it('recommends matching postings once, never the same posting twice', async () => {
    await jobs.importPostings([posting(), posting({ 类别: '保安' }), posting({ 村社: '南村' })], REFERENCE);
    const first = await recs.run(REFERENCE, 3);
    expect(first.map((r) => [r.residentId, r.posting.externalId, r.reasons])).toEqual([[ana, `R-${serial - 2}`, ['保洁', '五湖村']]]);
    expect(await recs.run(REFERENCE, 3)).toEqual([]); // nothing new
    // Re-importing the same file makes the postings new to match, but nobody hears twice.
    await jobs.importPostings([posting({ 岗位编号: `R-${serial - 2}` })], new Date(REFERENCE.getTime() + HOUR));
    expect(await recs.run(new Date(REFERENCE.getTime() + 2 * HOUR), 3)).toEqual([]);
    expect(await t.prisma.jobRecommendation.count()).toBe(1);
  });

  it('sends at most N a day (Asia/Shanghai), the rest of the postings the next day only if new', async () => {
    await jobs.importPostings([1, 2, 3, 4, 5].map(() => posting()), REFERENCE);
    expect(await recs.run(REFERENCE, 3)).toHaveLength(3);
    await jobs.importPostings([posting(), posting()], new Date(REFERENCE.getTime() + HOUR));
    expect(await recs.run(new Date(REFERENCE.getTime() + HOUR), 3)).toHaveLength(0); // cap reached today
    // 23:30 Shanghai on the same day is still today; 00:30 the next day is a new day.
    const lateSameDay = new Date('2026-12-01T23:30:00+08:00');
    await jobs.importPostings([posting()], lateSameDay);
    expect(await recs.run(lateSameDay, 3)).toHaveLength(0);
    const nextDay = new Date('2026-12-02T00:30:00+08:00');
    await jobs.importPostings([posting(), posting(), posting(), posting()], nextDay);
    const tomorrow = await recs.run(nextDay, 3);
    expect(tomorrow).toHaveLength(3);
    const all = await t.prisma.jobRecommendation.findMany();
    expect(new Set(all.map((r) => r.postingId)).size).toBe(all.length);
  });

  it('stops after 停止推荐, skips expired postings, and erasing personal data keeps the counts', async () => {
    await jobs.importPostings([posting({ 发布日期: '2026-11-01', 有效期至: '2026-11-20' })], REFERENCE);
    expect(await recs.run(REFERENCE, 3)).toEqual([]);
    expect(await seekers.stopRecommendations(ana, REFERENCE)).toBe(true);
    await jobs.importPostings([posting()], REFERENCE);
    expect(await recs.run(REFERENCE, 3)).toEqual([]);

    await seekers.save(ana, seeker(), REFERENCE);
    await jobs.importPostings([posting()], REFERENCE);
    expect(await recs.run(REFERENCE, 3)).toHaveLength(1);
    const before = await jobsMonthlyStats(t.prisma, new Date('2026-11-01T00:00:00+08:00'), new Date('2026-12-31T00:00:00+08:00'));
    expect(before.map((m) => m.month)).toEqual(['2026-11', '2026-12']);
    expect(before[1]).toMatchObject({ seekers: 1, recommendations: 1 });
    await eraseJobsPersonalData(t.prisma, ana, REFERENCE);
    const row = await t.prisma.jobSeeker.findFirstOrThrow();
    expect(row).toMatchObject({ name: '[已删除]', phoneCipher: null, phoneHash: null, notify: false, residentId: null });
    expect(await jobsMonthlyStats(t.prisma, new Date('2026-11-01T00:00:00+08:00'), new Date('2026-12-31T00:00:00+08:00'))).toEqual(before);
  });
});

describe('recommendations reach the seeker through the outbox', () => {
  let app: TestApp;
  let now = REFERENCE;
  beforeAll(async () => {
    app = await startTestApp({ domains: [registerJobs], scheduler: false, clock: () => now, env: { DEMO_DATA: 'false', JOBS_RECOMMENDATIONS_PER_DAY: '2' } });
    await seedJobsDemo({ prisma: app.db.prisma, now });
    await app.scheduler.runNow(JOBS_TASKS.recommend); // the demo postings, before anyone registered
  }, 120_000);
  afterAll(() => app.dispose());

  it('says why it matched and how to stop; 停止推荐 works', async () => {
    for (const answer of ['登记求职', '李阿姨', '13957012345', '没有', '保洁', '五湖村', '都可以', '1', '确认']) await app.say('li', answer);
    const jobs = new JobsService(app.db.prisma);
    now = new Date(REFERENCE.getTime() + HOUR);
    await jobs.importPostings([posting({ 岗位名称: '菜场保洁', 用工单位: '安居农贸市场' }), posting({ 类别: '保安', 岗位名称: '门卫' })], now);
    await app.scheduler.runNow(JOBS_TASKS.recommend);
    const inbox = (await app.inbox('li')).map((m) => m.text);
    expect(inbox).toEqual([
      '【零工之家·岗位推荐】菜场保洁｜安居农贸市场｜五湖村｜2600元/月\n因为您登记了：保洁、五湖村。\n想了解或报名，回复“找工作”搜一搜；不想再收到推荐，回复“停止推荐”。',
    ]);
    expect(texts((await app.say('li', '停止推荐')).body)).toContain('已停止给您推送岗位推荐');
    await jobs.importPostings([posting({ 岗位名称: '楼道保洁' })], now);
    await app.scheduler.runNow(JOBS_TASKS.recommend);
    expect(await app.inbox('li')).toEqual([]);
  });
});

const texts = (body: any): string => body.replies.map((r: any) => r.text).join('\n');
