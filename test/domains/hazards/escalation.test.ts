import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ESCALATE_TASK } from '../../../src/domains/hazards/index.js';
import { caseCode, startHazardApp, type HazardApp } from './helpers.js';

let h: HazardApp;
beforeEach(async () => {
  h = await startHazardApp({ env: { HAZARD_ACK_HOURS: '4', HAZARD_URGENT_ACK_MINUTES: '15' } });
  await h.bindStaff('w-wuhu', 'wuhu-1-m1');
  await h.bindStaff('w-leader', 'wuhu-1-leader');
  await h.bindStaff('w-duty', 'duty-desk-m1');
  for (const u of ['w-wuhu', 'w-leader', 'w-duty']) await h.inbox(u);
});
afterEach(async () => {
  await h.dispose();
});

async function file(text: string): Promise<string> {
  const first = await h.say('reporter', text);
  if (first.join().includes('具体在哪儿') === false) await h.say('reporter', '五湖村');
  await h.say('reporter', '村委会旁边');
  await h.say('reporter', '没有');
  await h.say('reporter', '实名');
  const code = caseCode(await h.say('reporter', '确认'));
  await h.inbox('w-wuhu');
  await h.inbox('w-leader');
  return code;
}
const escalate = () => h.app.scheduler.runNow(ESCALATE_TASK);

describe('escalation of unacknowledged cases', () => {
  it('goes to the grid leader after HAZARD_ACK_HOURS, then the duty desk, each once', async () => {
    const code = await file('五湖村路边垃圾堆了一个礼拜没人清');
    h.advance(3 * 60 + 59);
    await escalate();
    expect(await h.inbox('w-leader')).toEqual([]);

    h.advance(2);
    await escalate();
    const leader = await h.inbox('w-leader');
    expect(leader).toEqual([expect.stringContaining(`#${code}`)]);
    expect(leader[0]).toContain('督办');
    expect(await h.inbox('w-duty')).toEqual([]);
    await escalate();
    expect(await h.inbox('w-leader')).toEqual([]);

    h.advance(4 * 60);
    await escalate();
    expect(await h.inbox('w-duty')).toEqual([expect.stringContaining(`#${code}`)]);
    h.advance(24 * 60);
    await escalate();
    expect(await h.inbox('w-duty')).toEqual([]);
    expect(await h.inbox('w-leader')).toEqual([]);

    const report = await h.app.db.prisma.hazardReport.findUniqueOrThrow({ where: { code } });
    const steps = await h.kit.reports.timeline(report.id);
    expect(steps.filter((s) => s.kind === 'escalated').map((s) => s.note)).toEqual([expect.stringContaining('网格长'), expect.stringContaining('值班室')]);
    expect(await h.app.db.prisma.auditLog.count({ where: { action: 'hazard.escalate', entityId: code } })).toBe(2);
    // The reporter is not bothered with internal escalations.
    expect(await h.inbox('reporter')).toEqual([]);
  });

  it('escalates an urgent case after HAZARD_URGENT_ACK_MINUTES', async () => {
    const code = await file('五湖村有房子冒烟了');
    h.advance(14);
    await escalate();
    expect(await h.inbox('w-leader')).toEqual([]);
    h.advance(1);
    await escalate();
    expect(await h.inbox('w-leader')).toEqual([expect.stringContaining(`#${code}`)]);
  });

  it('leaves acknowledged cases alone, and restarts the clock when a case is transferred', async () => {
    const acked = await file('五湖村路灯坏了三盏');
    await h.say('w-wuhu', `受理 #${acked}`);
    const moved = await file('五湖村有人在河边乱倒建筑垃圾');
    h.advance(3 * 60);
    await h.say('w-leader', `转派 #${moved} 五湖村第2网格`);
    h.advance(2 * 60);
    await escalate();
    expect(await h.inbox('w-leader')).toEqual([]);
    expect(await h.inbox('w-duty')).toEqual([]);
    h.advance(2 * 60 + 1);
    await escalate();
    // wuhu-2's leader is not bound: the duty desk gets it.
    expect(await h.inbox('w-duty')).toEqual([expect.stringContaining(`#${moved}`)]);
  });
});
