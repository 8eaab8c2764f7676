import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eraseHazardsPersonalData, hazardStats, seedHazardsDemo } from '../../../src/domains/hazards/index.js';
import { caseCode, startHazardApp, type HazardApp } from './helpers.js';

let h: HazardApp;
beforeEach(async () => {
  h = await startHazardApp({ start: '2026-10-31T02:00:00Z' });
  await h.bindStaff('w-wuhu', 'wuhu-1-m1');
});
afterEach(async () => {
  await h.dispose();
});

async function file(user: string, text: string): Promise<string> {
  await h.say(user, text);
  await h.say(user, '村委会旁边');
  await h.say(user, '没有');
  await h.say(user, '实名');
  return caseCode(await h.say(user, '确认'));
}

describe('statistics and erasure', () => {
  it('counts by category, grid and status, with median times overall and per month', async () => {
    const a = await file('r1', '五湖村楼道里有人飞线充电');
    h.advance(30);
    await h.say('w-wuhu', `受理 #${a}`);
    h.advance(90);
    await h.say('w-wuhu', `办结 #${a} 已拆除`);
    h.advance(60 * 24 * 2); // into November (Shanghai time)
    const b = await file('r2', '五湖村路口井盖没了');
    h.advance(10);
    await h.say('w-wuhu', `办结 #${b} 已补上井盖`);
    await file('r3', '梅家村河里有死鱼，水发臭');

    const s = await hazardStats(h.app.db.prisma);
    expect(s.total).toBe(3);
    expect(s.byCategory).toEqual({ ebike_charging: 1, roads_facilities: 1, environment: 1 });
    expect(s.byGrid).toEqual({ 'wuhu-1': 2, 'meijia-1': 1 });
    expect(s.byStatus).toEqual({ resolved: 2, submitted: 1 });
    expect(s.medianAckMinutes).toBe(20); // 30 and 10
    expect(s.medianResolveMinutes).toBe(65); // 120 and 10
    expect(s.perMonth).toEqual([
      { month: '2026-10', reports: 1, resolved: 1, medianAckMinutes: 30, medianResolveMinutes: 120 },
      { month: '2026-11', reports: 2, resolved: 1, medianAckMinutes: 10, medianResolveMinutes: 10 },
    ]);

    // Erasing the reporter keeps the figures, drops what identifies them.
    const r1 = (await h.app.db.prisma.hazardReport.findUniqueOrThrow({ where: { code: a } })).residentId!;
    expect(await eraseHazardsPersonalData(h.app.db.prisma, r1, h.now())).toEqual({ reports: 1 });
    const erased = await h.app.db.prisma.hazardReport.findUniqueOrThrow({ where: { code: a } });
    expect(erased).toMatchObject({ residentId: null, address: null, category: 'ebike_charging', status: 'resolved' });
    expect(erased.description).not.toContain('飞线');
    expect(await hazardStats(h.app.db.prisma)).toEqual(s);
    expect((await h.say('r1', '我反映的问题怎么样了')).join()).toContain('还没有反映过问题');
  });

  it('seeds demo staff who can act from the HTTP API', async () => {
    await seedHazardsDemo({ prisma: h.app.db.prisma, now: h.now() });
    expect((await h.say('laoli', '我反映的问题怎么样了')).join('\n')).toContain('已办结');
    const code = await file('r9', '五湖村有人在楼道里给电动车充电');
    expect((await h.inbox('grid-wuhu-leader')).join()).toContain(`#${code}`);
    expect((await h.say('grid-wuhu-1', `受理 #${code}`)).join()).toContain('已受理');
  });
});
