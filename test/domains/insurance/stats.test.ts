import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolmentStats, eraseInsurancePersonalData } from '../../../src/domains/insurance/index.js';
import { IDS, startInsuranceApp, type InsuranceTestApp } from './helpers.js';

let app: InsuranceTestApp;
beforeAll(async () => {
  app = await startInsuranceApp();
}, 120_000);
afterAll(async () => {
  await app.dispose();
});

describe('enrolment statistics', () => {
  it('counts enrolled against the target per village and overall, and applications by status; erasure keeps them', async () => {
    await app.say('counter', '你好');
    const residentId = (await app.db.prisma.resident.findFirstOrThrow({ where: { role: 'resident' } })).id;
    const { service } = app.insurance;
    const apply = async (idNumber: string, village: string) => {
      const r = await service.apply({ residentId, relation: '其他', name: '统计人', idNumber, village, category: 'none', phone: null, now: app.clock.now });
      if (!r.ok) throw new Error(r.reason);
      return r.application.id;
    };
    const a = await apply(IDS.adult, 'meijia');
    const b = await apply(IDS.child, 'meijia');
    const c = await apply(IDS.senior, 'lixian');
    await apply(IDS.xCheck, 'lixian');
    for (const id of [a, b]) {
      await service.approve(id, 'staff:1', app.clock.now);
      await service.markEnrolled(id, 'staff:1', app.clock.now);
    }
    await service.returnApplication(c, '材料不全', 'staff:1', app.clock.now);

    const stats = await enrolmentStats(app.db.prisma, app.insurance.policy, 2027);
    const meijia = stats.villages.find((v) => v.id === 'meijia')!;
    expect(meijia).toMatchObject({ name: '梅家村', target: 1020, enrolled: 2, applied: 2 });
    expect(meijia.rate).toBeCloseTo(2 / 1020);
    expect(stats.villages.find((v) => v.id === 'lixian')).toMatchObject({ target: 1402, enrolled: 0, applied: 1 });
    expect(stats.villages).toHaveLength(12);
    expect(stats.overall).toMatchObject({ target: 10770, enrolled: 2, applied: 3 });
    expect(stats.byStatus).toEqual({ submitted: 1, approved: 0, returned: 1, enrolled: 2 });

    await eraseInsurancePersonalData(app.db.prisma, residentId);
    expect(await enrolmentStats(app.db.prisma, app.insurance.policy, 2027)).toEqual(stats);
  });
});
