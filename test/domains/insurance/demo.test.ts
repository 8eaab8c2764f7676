import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insuranceDemoSeeder } from '../../../src/domains/insurance/index.js';
import { startInsuranceApp, textOf, type InsuranceTestApp } from './helpers.js';

let app: InsuranceTestApp;
beforeAll(async () => {
  app = await startInsuranceApp();
}, 120_000);
afterAll(async () => {
  await app.dispose();
});

describe('insurance demo data', () => {
  it('gives two demo residents applications in every status, readable through the chat', async () => {
    await insuranceDemoSeeder(app.vault)({ prisma: app.db.prisma, now: app.clock.now });
    const byStatus = await app.db.prisma.enrolmentApplication.groupBy({ by: ['status'], _count: { _all: true }, orderBy: { status: 'asc' } });
    expect(Object.fromEntries(byStatus.map((r) => [r.status, r._count._all]))).toEqual({ approved: 1, enrolled: 1, returned: 1, submitted: 2 });
    const text = textOf(await app.say('demo-insurance-li', '我的医保办好了没'));
    expect(text).toContain('李*花');
    expect(text).toContain('退回原因');
  });
});
