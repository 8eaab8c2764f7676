import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_SIZE } from '../../../src/domains/jobs/listing.js';
import { ageIn, parseJobQuery } from '../../../src/domains/jobs/query.js';
import { meets } from '../../../src/domains/jobs/ranking.js';
import { JobsService, type PostingView } from '../../../src/domains/jobs/service.js';
import { loadDemoPostings, openTestDb, REFERENCE, type TestDb } from './helpers.js';

interface FixtureQuery {
  text: string;
  home?: string;
  expect: string[];
  absent?: string[];
}
const fixture = JSON.parse(readFileSync(new URL('./search-fixture.json', import.meta.url), 'utf8')) as { queries: FixtureQuery[] };

describe('reading a job question', () => {
  it('finds category, day work and nearness in 附近有没有日结的保洁', () => {
    const q = parseJobQuery('附近有没有日结的保洁');
    expect(q).toMatchObject({ categories: ['保洁'], dayWork: true, near: true, villages: [] });
  });
  it('reads ages as a resident says them', () => {
    expect(ageIn('五十多岁能干啥')).toEqual({ min: 50, max: 59 });
    expect(ageIn('我今年53了')).toEqual({ min: 53, max: 53 });
    expect(ageIn('六十来岁')).toEqual({ min: 60, max: 69 });
    expect(ageIn('干了三天了')).toBeUndefined();
  });
  it('reads pay and its unit, villages and perks', () => {
    expect(parseJobQuery('一天两百的活').pay).toEqual({ amount: 200, unit: 'day' });
    expect(parseJobQuery('双水桥那边招不招人').villages).toEqual(['shuangshuiqiao']);
    expect(parseJobQuery('有没有包吃住的').perks).toEqual(['包吃', '包住']);
    expect(parseJobQuery('会开叉车').categories).toEqual(['叉车']);
    expect(parseJobQuery('周末兼职有没有').partTime).toBe(true);
  });
});

describe('search over the demo postings', () => {
  let t: TestDb;
  let jobs: JobsService;
  let byId: Map<number, PostingView>;

  beforeAll(async () => {
    t = await openTestDb();
    const report = await loadDemoPostings(t.prisma);
    expect(report.rejected).toEqual([]);
    jobs = new JobsService(t.prisma);
    byId = new Map((await jobs.openPostings(REFERENCE)).map((p) => [p.id, p]));
  });
  afterAll(() => t.close());

  it('has a fixture of at least 30 resident questions', () => {
    expect(fixture.queries.length).toBeGreaterThanOrEqual(30);
  });

  it.each(fixture.queries)('“$text” shows the expected postings on the first page', async ({ text, home, expect: wanted, absent }) => {
    const q = parseJobQuery(text);
    const found = await jobs.search(q, { home: home ?? null }, REFERENCE);
    const firstPage = found.slice(0, PAGE_SIZE).map((p) => p.externalId);
    for (const id of wanted) expect(firstPage, `${id} for “${text}”`).toContain(id);
    for (const id of absent ?? []) expect(found.map((p) => p.externalId)).not.toContain(id);
    // Every result meets what was asked (category, village, age, pay…), and none has expired.
    for (const p of found) {
      expect(meets(p, q)).toBe(true);
      expect(p.validUntil.getTime()).toBeGreaterThanOrEqual(REFERENCE.getTime());
    }
  });

  it('never shows an expired or filled posting, even when nothing else matches', async () => {
    const open = [...byId.values()].map((p) => p.externalId);
    expect(open).not.toContain('JH-X01');
    expect(open).not.toContain('JH-X03');
    const filled = await t.prisma.jobPosting.findMany({ where: { status: 'filled' }, select: { externalId: true } });
    expect(filled.length).toBeGreaterThan(0);
    for (const f of filled) expect(open).not.toContain(f.externalId);
  });

  it('ranks postings in the resident’s own village first when the rest is equal', async () => {
    const q = parseJobQuery('附近有没有保洁');
    const nearMeijia = await jobs.search(q, { home: 'meijia' }, REFERENCE);
    expect(nearMeijia[0]!.village).toBe('meijia');
    const nearLixian = await jobs.search(q, { home: 'lixian' }, REFERENCE);
    expect(nearLixian[0]!.village).toBe('lixian');
  });

  it('a posting past its valid-until disappears by itself as time passes', async () => {
    const later = new Date(REFERENCE.getTime() + 40 * 86_400_000);
    const found = await jobs.search(parseJobQuery('会开叉车'), {}, later);
    expect(found.map((p) => p.externalId)).not.toContain('JH-A02');
  });
});
