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

describe('reporting a hazard (随手拍)', () => {
  it('infers the category and village from the first message and routes to that grid', async () => {
    const first = await h.say('r1', '五湖村3组楼道里有人飞线充电，电线从二楼拉下来的');
    expect(first.join('\n')).toContain('具体在哪儿');
    expect(await h.say('r1', '3组12号楼道')).toEqual([expect.stringContaining('照片')]);
    expect((await h.say('r1', '没有')).join()).toContain('匿名');
    const confirm = await h.say('r1', '实名');
    expect(confirm.join()).toContain('电动车违规充电');
    expect(confirm.join()).toContain('五湖村');
    const done = await h.say('r1', '确认');
    const code = caseCode(done);
    expect(done.join()).toContain('五湖村第1网格');

    const staff = await h.inbox('w-wuhu');
    expect(staff).toHaveLength(1);
    expect(staff[0]).toContain(`#${code}`);
    expect(staff[0]).toContain('电动车违规充电');
    expect(staff[0]).toContain('3组12号楼道');
    expect(await h.inbox('grid-wuhu-group')).toEqual([staff[0]]);
  });
});

describe('the urgent path', () => {
  it('tells the resident to call 119 before anything else and flags the case urgent', async () => {
    const first = await h.say('r2', '五湖村着火了！！冒烟很大');
    expect(first[0]).toContain('119');
    expect(first.join('\n')).not.toMatch(/建设中/);
    await h.say('r2', '村口小卖部后面');
    await h.say('r2', '没有');
    await h.say('r2', '匿名');
    const done = await h.say('r2', '确认');
    expect(done.join()).toContain('紧急');
    const code = caseCode(done);
    const report = await h.app.db.prisma.hazardReport.findUniqueOrThrow({ where: { code } });
    expect(report).toMatchObject({ urgent: true, urgentKind: 'fire', category: 'fire_safety', anonymous: true, gridId: 'wuhu-1' });
    const staff = await h.inbox('w-wuhu');
    expect(staff[0]).toContain('紧急');
    expect(staff[0]).toContain('反映人：匿名');
  });

  it('answers danger in the middle of a report and keeps the report going, now urgent', async () => {
    await h.say('r3', '随手拍');
    await h.say('r3', '燃气安全');
    const mid = await h.say('r3', '楼道里煤气味越来越重了');
    expect(mid[0]).toContain('关闭阀门');
    // The words still answer the question asked (the description), and the form goes on.
    expect(mid.join()).toContain('哪个村');
    const again = await h.say('r3', '美港社区，煤气味很重');
    expect(again.join()).not.toContain('关闭阀门');
    expect(again.join()).toContain('具体在哪儿');
    await h.say('r3', '6栋2单元');
    await h.say('r3', '没有');
    await h.say('r3', '实名');
    const code = caseCode(await h.say('r3', '确认'));
    const report = await h.app.db.prisma.hazardReport.findUniqueOrThrow({ where: { code } });
    expect(report).toMatchObject({ urgent: true, urgentKind: 'gas', category: 'gas', placeId: 'meigang', description: '楼道里煤气味越来越重了' });
  });
});

describe('bad input', () => {
  it('asks again with the village list when no place is given', async () => {
    await h.say('r4', '路灯坏了好几天了');
    const asked = await h.say('r4', '不知道');
    expect(asked.join()).toContain('没找到这个村或社区');
    expect(h.lastOptions()).toContain('五湖村');
    expect(h.lastOptions()).toContain('其他地方');
  });

  it('keeps three photos and politely refuses a fourth, changing nothing', async () => {
    await h.say('r5', '梅家村有人在楼道里堆了好多纸箱子，堵住了消防通道');
    await h.say('r5', '2栋1单元');
    expect((await h.send('r5', { photos: 2 })).join()).toContain('收到第2张照片');
    expect((await h.send('r5', { photos: 1 })).join()).toContain('收到第3张照片');
    const fourth = await h.send('r5', { photos: 1 });
    expect(fourth.join()).toContain('最多只能发3张');
    expect(fourth.join()).toContain('已收到3张');
    await h.say('r5', '好了');
    const confirm = await h.say('r5', '实名');
    expect(confirm.join()).toContain('照片：3张');
    const code = caseCode(await h.say('r5', '确认'));
    const report = await h.app.db.prisma.hazardReport.findUniqueOrThrow({ where: { code } });
    expect(JSON.parse(report.photos)).toHaveLength(3);
    expect(report.gridId).toBe('meijia-1');
  });

  it('forwards the photos with the case to the grid’s staff', async () => {
    await h.bindStaff('w-wuhu-photos', 'wuhu-1-m1');
    await h.app.inbox('w-wuhu-photos');
    await h.say('r5b', '五湖村村口的井盖不见了，晚上很危险');
    await h.say('r5b', '村口小卖部旁边');
    await h.send('r5b', { photos: 2 });
    await h.say('r5b', '好了');
    await h.say('r5b', '实名');
    const code = caseCode(await h.say('r5b', '确认'));
    const [notice] = await h.app.inbox('w-wuhu-photos');
    expect(notice.text).toContain(`#${code}`);
    expect(notice.attachments).toHaveLength(2);
    const photo = await fetch(h.app.url(notice.attachments[0].url));
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
  });

  it('refuses an overlong description with a clear message, and a 10,000-character message outright', async () => {
    await h.say('r6', '随手拍');
    await h.say('r6', '其他');
    const tooLong = await h.say('r6', '很'.repeat(1500));
    expect(tooLong.join()).toContain('1000字以内');
    const res = await h.app.say('r6', '很'.repeat(10_000));
    expect(res.status).toBe(400);
    expect(await h.app.db.prisma.hazardReport.count()).toBe(0);
  });

  it('does not file the same report twice', async () => {
    const file = async () => {
      await h.say('r7', '五湖村路口井盖没了，很危险');
      await h.say('r7', '村委会门口');
      await h.say('r7', '没有');
      await h.say('r7', '实名');
      return h.say('r7', '确认');
    };
    const code = caseCode(await file());
    expect((await file()).join()).toContain(`已经反映过同样的问题（编号 #${code}）`);
    expect(await h.app.db.prisma.hazardReport.count()).toBe(1);
  });
});

describe('routing', () => {
  it('routes a named sub-place to the grid that covers it', async () => {
    await h.bindStaff('w-wuhu2', 'wuhu-2-leader');
    await h.say('r8', '莱利田铺那边有人在田里烧秸秆');
    await h.say('r8', '村东头的田');
    await h.say('r8', '没有');
    await h.say('r8', '实名');
    const done = await h.say('r8', '确认');
    expect(done.join()).toContain('五湖村第2网格');
    expect((await h.inbox('w-wuhu2')).join()).toContain('秸秆焚烧');
    expect(await h.inbox('w-wuhu')).toEqual([]);
  });

  it('sends an unplaced report to the duty desk, and a shared location without a village too', async () => {
    await h.bindStaff('w-duty', 'duty-desk-leader');
    await h.say('r9', '有条狗天天咬人，没人管');
    await h.say('r9', '其他');
    await h.say('r9', '其他地方');
    await h.say('r9', '高速出口边上');
    await h.say('r9', '没有');
    await h.say('r9', '实名');
    expect((await h.say('r9', '确认')).join()).toContain('街道综治中心值班室');

    await h.send('r10', { text: '这里路灯坏了', location: { latitude: 28.97, longitude: 118.87 } });
    // A shared location skips the address question.
    expect((await h.say('r10', '没有')).join()).toContain('匿名');
    const confirm = await h.say('r10', '实名');
    expect(confirm.join()).toContain('28.97000');
    expect((await h.say('r10', '确认')).join()).toContain('街道综治中心值班室');
    const duty = await h.inbox('w-duty');
    expect(duty).toHaveLength(2);
  });
});
