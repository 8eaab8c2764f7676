import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseCode, startHazardApp, type HazardApp } from './helpers.js';

let h: HazardApp;
beforeEach(async () => {
  h = await startHazardApp();
  await h.bindStaff('w-wuhu', 'wuhu-1-m1');
});
afterEach(async () => {
  await h.dispose();
});

/** File a report in 五湖村 as `userId` and return its code. */
async function fileReport(userId = 'reporter', text = '五湖村3组楼道里有人飞线充电'): Promise<string> {
  await h.say(userId, text);
  await h.say(userId, '3组12号');
  await h.say(userId, '没有');
  await h.say(userId, '实名');
  const code = caseCode(await h.say(userId, '确认'));
  await h.inbox(userId);
  await h.inbox('w-wuhu');
  return code;
}

const audit = (code: string) => h.app.db.prisma.auditLog.findMany({ where: { entity: 'hazard_report', entityId: code }, orderBy: { id: 'asc' } });

describe('binding a grid worker', () => {
  it('binds with a one-time code, gives the role, and refuses the code a second time', async () => {
    const worker = await h.kit.staff.workerByKey('meijia-1-leader');
    const { code } = await h.kit.staff.issueStaffBindCode(worker!.id, h.now());
    expect((await h.say('w-meijia', `绑定 ${code}`)).join()).toContain('梅家村第1网格');
    const bound = await h.kit.staff.workerByKey('meijia-1-leader');
    const resident = await h.app.db.prisma.resident.findUniqueOrThrow({ where: { id: bound!.residentId! } });
    expect(resident.role).toBe('grid_worker');
    expect((await h.say('someone-else', `绑定 ${code}`)).join()).toContain('绑定码不对或已经过期');
    // Codes are stored hashed only.
    const stored = await h.app.db.prisma.staffBindCode.findMany();
    expect(stored.every((c) => c.codeHash !== code && c.codeHash.length === 64)).toBe(true);
  });

  it('refuses an expired code', async () => {
    const worker = await h.kit.staff.workerByKey('nancun-1-leader');
    const { code } = await h.kit.staff.issueStaffBindCode(worker!.id, h.now());
    h.advance(25 * 60);
    expect((await h.say('w-nancun', `绑定 ${code}`)).join()).toContain('已经过期');
    expect((await h.kit.staff.workerByKey('nancun-1-leader'))!.residentId).toBeNull();
  });
});

describe('staff acting on cases', () => {
  it('walks a case through acknowledged → in progress → resolved, telling the reporter each time, then takes a rating', async () => {
    const code = await fileReport();
    h.advance(20);
    expect((await h.say('w-wuhu', `受理 #${code}`)).join()).toContain(`已受理 #${code}`);
    expect(await h.inbox('reporter')).toEqual([expect.stringContaining('已由「五湖村第1网格」受理')]);
    h.advance(10);
    await h.say('w-wuhu', `处理 #${code.toLowerCase()}`);
    expect(await h.inbox('reporter')).toEqual([expect.stringContaining('正在处理')]);
    h.advance(60);
    expect((await h.say('w-wuhu', `办结 #${code} 已上门劝导，拆除飞线`)).join()).toContain('已办结');
    const resolved = await h.inbox('reporter');
    expect(resolved).toEqual([expect.stringContaining('已办结：已上门劝导，拆除飞线')]);
    expect(resolved[0]).toContain('评价');

    const status = await h.say('reporter', '我反映的问题怎么样了');
    expect(status.join('\n')).toContain(`#${code} 电动车违规充电`);
    expect(status.join('\n')).toContain('已办结');
    expect(status.join('\n')).toMatch(/受理[\s\S]*开始处理[\s\S]*办结：已上门劝导/);

    expect((await h.say('reporter', '评价 5')).join()).toContain('5分');
    expect((await h.say('reporter', '评价 4')).join()).toContain('没有可以评价的问题');
    expect((await h.say('reporter', `评价 #${code} 4`)).join()).toContain('已经评价过了');
    const report = await h.app.db.prisma.hazardReport.findUniqueOrThrow({ where: { code } });
    expect(report).toMatchObject({ status: 'resolved', rating: 5 });
    expect((await audit(code)).map((a) => a.action)).toEqual(['hazard.submit', 'hazard.acknowledge', 'hazard.start', 'hazard.resolve', 'hazard.rate']);
    const steps = await h.kit.reports.timeline(report.id);
    expect(steps.map((s) => s.kind)).toEqual(['submitted', 'acknowledged', 'in_progress', 'resolved', 'rated']);
  });

  it('returns a case with a reason, and marks a duplicate; closed cases take no more actions', async () => {
    const a = await fileReport('reporter', '五湖村3组楼道里有人飞线充电');
    const b = await fileReport('neighbour', '五湖村3组那边电动车从窗户拉线充电');
    expect((await h.say('w-wuhu', `退回 #${a}`)).join()).toContain('请写上退回原因');
    await h.say('w-wuhu', `退回 #${a} 现场核实无此情况`);
    expect(await h.inbox('reporter')).toEqual([expect.stringContaining('原因：现场核实无此情况')]);
    await h.say('w-wuhu', `重复 #${b} #${a}`);
    expect(await h.inbox('neighbour')).toEqual([expect.stringContaining(`和 #${a} 是同一件事`)]);
    expect((await h.say('w-wuhu', `受理 #${a}`)).join()).toContain('不能再操作');
    expect(await h.inbox('reporter')).toEqual([]);
    expect((await h.say('reporter', `评价 #${a} 3`)).join()).toContain('还没有办结');
  });

  it('transfers a case to another grid, whose staff get it and may then act', async () => {
    await h.bindStaff('w-meijia', 'meijia-1-leader');
    const code = await fileReport();
    await h.say('w-wuhu', `转派 #${code} 梅家村`);
    expect(h.lastOptions()).toEqual([`转派 #${code} 梅家村第1网格`, `转派 #${code} 梅家村第2网格`, `转派 #${code} 梅家村第3网格`]);
    expect((await h.say('w-wuhu', '1')).join()).toContain('已转派给「梅家村第1网格」');
    expect(await h.inbox('reporter')).toEqual([expect.stringContaining('已转给「梅家村第1网格」')]);
    const meijia = await h.inbox('w-meijia');
    expect(meijia[0]).toContain(`#${code}`);
    expect(meijia[0]).toContain('由「五湖村第1网格」转派');
    // The old grid no longer may act; the new one may.
    expect((await h.say('w-wuhu', `受理 #${code}`)).join()).toContain('不在您的网格');
    expect((await h.say('w-meijia', `受理 #${code}`)).join()).toContain(`已受理 #${code}`);
    expect((await h.say('w-meijia', `转派 #${code} 火星第9网格`)).join()).toContain('没找到');
  });

  it('refuses residents and staff of other grids, and says when a case does not exist; nothing changes', async () => {
    await h.bindStaff('w-meijia', 'meijia-1-leader');
    const code = await fileReport();
    expect((await h.say('nosy', `受理 #${code}`)).join()).toContain('只有网格员');
    expect((await h.say('w-meijia', `办结 #${code} 弄好了`)).join()).toContain('由「五湖村第1网格」负责');
    expect((await h.say('w-wuhu', '受理 #ZZZZZ')).join()).toContain('没有找到编号 #ZZZZZ');
    const report = await h.app.db.prisma.hazardReport.findUniqueOrThrow({ where: { code } });
    expect(report.status).toBe('submitted');
    expect((await audit(code)).map((a) => a.action)).toEqual(['hazard.submit']);
    expect(await h.inbox('reporter')).toEqual([]);
  });

  it('lets an admin act on any case, and issue bind codes in chat', async () => {
    const code = await fileReport();
    const admin = await h.app.db.prisma.resident.create({
      data: { role: 'admin', createdAt: h.now(), updatedAt: h.now(), identities: { create: { channel: 'http', externalId: 'desk', createdAt: h.now(), lastSeenAt: h.now() } } },
    });
    expect(admin.id).toBeGreaterThan(0);
    expect((await h.say('desk', `受理 #${code}`)).join()).toContain('已受理');
    const issued = (await h.say('desk', '绑定码 lixian-1-leader')).join();
    const bindCode = /绑定码是 (\d{6})/.exec(issued)?.[1];
    expect(bindCode).toBeDefined();
    expect((await h.say('w-lixian', `绑定 ${bindCode}`)).join()).toContain('礼贤社区第1网格');
    expect((await h.say('w-wuhu', '绑定码 lixian-2-leader')).join()).toContain('只有街道管理员');
  });

  it('tells a resident with no reports how to make one', async () => {
    expect((await h.say('newbie', '我反映的问题怎么样了')).join()).toContain('还没有反映过问题');
  });
});
