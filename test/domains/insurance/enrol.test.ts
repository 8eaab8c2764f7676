import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDS, optionsOf, startInsuranceApp, textOf } from './helpers.js';

type App = Awaited<ReturnType<typeof startInsuranceApp>>;
let app: App;

beforeAll(async () => {
  app = await startInsuranceApp();
}, 120_000);
afterAll(async () => {
  await app.dispose();
});

/** Walk a resident through the form up to the confirmation. */
async function fillForm(user: string, opening: string, answers: string[]) {
  let res = await app.say(user, opening);
  for (const a of answers) res = await app.say(user, a);
  return res;
}

describe('insurance.enroll: the form end to end', () => {
  it('enrols a child with a correction at the confirmation, masked throughout', async () => {
    let res = await app.say('mum', '我要给孩子参保');
    // 孩子 already says who: the form asks the name next.
    expect(textOf(res)).toContain('2027年度');
    expect(textOf(res)).toContain('参保人的姓名');
    res = await app.say('mum', '周小雨');
    expect(textOf(res)).toContain('身份证');
    res = await app.say('mum', IDS.child);
    expect(textOf(res)).toContain('户口在哪个村');
    expect(optionsOf(res)).toContain('梅家村');
    res = await app.say('mum', '梅家村');
    expect(optionsOf(res)[0]).toBe('普通居民（无资助）');
    res = await app.say('mum', '1');
    expect(textOf(res)).toContain('手机号');
    res = await app.say('mum', '13812345678');
    let text = textOf(res);
    expect(text).toContain('周*雨');
    expect(text).toContain('3308**********2248（未成年人，11岁）');
    expect(text).toContain('梅家村');
    expect(text).toContain('138****5678');
    expect(text).not.toContain(IDS.child);
    expect(text).not.toContain('13812345678');

    res = await app.say('mum', '修改联系电话');
    expect(textOf(res)).toContain('手机号');
    res = await app.say('mum', '139 0000 1111');
    text = textOf(res);
    expect(text).toContain('139****1111');
    expect(text).not.toContain('138****5678');

    res = await app.say('mum', '确认');
    text = textOf(res);
    expect(text).toMatch(/已提交参保登记（编号 #\d+，2027年度）/);
    expect(text).toContain('440元');
    expect(text).toContain('2026年12月31日');

    const rows = await app.db.prisma.enrolmentApplication.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ coverageYear: 2027, relation: '子女', village: 'meijia', category: 'none', ageGroup: 'minor', status: 'submitted', phoneMasked: '139****1111' });
    expect(app.vault.decrypt(rows[0]!.phoneCipher!)).toBe('13900001111');
    expect(app.vault.decrypt(rows[0]!.idCipher)).toBe(IDS.child);

    // The duty desk hears of it, masked.
    const audit = await app.db.prisma.auditLog.findMany({ where: { action: 'insurance.apply' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).not.toContain(IDS.child);
  });

  it('shows the subsidy proof to bring and the reduced amount', async () => {
    const res = await fillForm('dibao-son', '帮我老娘登记一下医保', ['李桂花', IDS.senior, '礼贤社区', '低保', '13700001234']);
    expect(textOf(res)).toContain('低保对象（请带：最低生活保障证（低保证））');
    expect(textOf(res)).toContain('3308**********1285（老年人，68岁）');
    const done = await app.say('dibao-son', '确认');
    expect(textOf(done)).toContain('个人需缴费 0元');
    expect(textOf(done)).toContain('最低生活保障证');
  });

  it('cancels without storing anything', async () => {
    const before = await app.db.prisma.enrolmentApplication.count();
    await fillForm('canceller', '我要办居民医保', ['本人', '张三丰', IDS.adult]);
    const res = await app.say('canceller', '取消');
    expect(textOf(res)).toContain('已取消「医保参保登记」');
    expect(await app.db.prisma.enrolmentApplication.count()).toBe(before);
    // And the next message is understood afresh, not taken by the form.
    expect(textOf(await app.say('canceller', '医保交多少钱'))).toContain('650元');
  });

  it('refuses a second application for the same ID number and year, naming the first', async () => {
    const res = await fillForm('dad', '给我家孩子办医保', ['周小雨', IDS.child, '梅家', '普通', '13600002222']);
    expect(textOf(res)).toContain('请核对');
    const done = await app.say('dad', '确认');
    const first = await app.db.prisma.enrolmentApplication.findFirstOrThrow({ where: { relation: '子女', village: 'meijia' } });
    expect(textOf(done)).toContain(`编号 #${first.id}`);
    expect(textOf(done)).toContain('已提交，等待审核');
    expect(textOf(done)).toContain('2026年11月29日');
    expect(textOf(done)).toContain('不用重复办理');
    expect(await app.db.prisma.enrolmentApplication.count({ where: { village: 'meijia', relation: '子女' } })).toBe(1);
  });

  it('does not take a relation word for a name', async () => {
    await fillForm('confused', '我要给我跟老伴交明年的医保', []);
    const res = await app.say('confused', '本人');
    expect(textOf(res)).toContain('姓名好像不对');
  });

  it('accepts an X check character typed in lowercase', async () => {
    const res = await fillForm('x-user', '我要参保', ['本人', '刘晓', IDS.xCheck.toLowerCase()]);
    expect(textOf(res)).toContain('户口在哪个村');
  });
});

describe('insurance.enroll: ID number vectors', () => {
  const toId = async (user: string) => {
    await fillForm(user, '我要参保', ['本人', '陈平']);
  };

  it.each([
    ['bad checksum', '330802199001011233', '校验不通过'],
    ['impossible birth date', '330802199002301235', '出生日期不对'],
    ['future birth date', '330802203001011234', '出生日期不对'],
    ['too short', '33080219900101', '18位'],
    ['15-digit legacy number', '330802900101123', '15位的老身份证号'],
  ])('%s is answered with what to fix and the question again', async (_case, id, problem) => {
    const user = `vector-${id}`;
    await toId(user);
    const res = await app.say(user, id);
    expect(textOf(res)).toContain(problem);
    expect(textOf(res)).toContain('请输入参保人的18位身份证号码');
    // The form is still at the ID number: a valid one moves on.
    expect(textOf(await app.say(user, IDS.adult))).toContain('户口在哪个村');
  });

  it('15-digit legacy numbers get guidance about the 18-digit card', async () => {
    await toId('legacy');
    const text = textOf(await app.say('legacy', '330802900101123'));
    expect(text).toContain('派出所');
    expect(text).toContain('18位');
  });
});

describe('insurance.status and staff transitions', () => {
  it('lists the resident’s own and family members’ applications, and tells them of each change', async () => {
    await fillForm('family', '我要办居民医保', ['本人', '吴国强', IDS.adult, '汪村', '普通', '13512345678']);
    await app.say('family', '确认');
    await fillForm('family', '继续给家人登记', ['配偶', '郑美兰', IDS.xCheck, '汪村', '重度残疾', '13512345678']);
    await app.say('family', '确认');

    let res = await app.say('family', '我的医保办好了没');
    let text = textOf(res);
    expect(text).toContain('吴*强');
    expect(text).toContain('郑*兰');
    expect(text.match(/已提交，等待审核/g)).toHaveLength(2);

    const [mine, wife] = await app.db.prisma.enrolmentApplication.findMany({ where: { village: 'wangcun' }, orderBy: { id: 'asc' } });
    const service = app.insurance.service;
    expect((await service.approve(mine!.id, 'staff:1', app.clock.now)).ok).toBe(true);
    expect((await service.markEnrolled(mine!.id, 'staff:1', app.clock.now)).ok).toBe(true);
    expect((await service.returnApplication(wife!.id, '请补交残疾证复印件', 'staff:1', app.clock.now)).ok).toBe(true);
    // Not allowed: a returned application cannot be enrolled.
    expect(await service.markEnrolled(wife!.id, 'staff:1', app.clock.now)).toEqual({ ok: false, reason: 'not_allowed' });

    const inbox = (await app.inbox('family')).map((m) => m.text).join('\n');
    expect(inbox).toContain(`#${mine!.id}（吴*强）已审核通过。个人需缴费 650元`);
    expect(inbox).toContain(`#${mine!.id}（吴*强）2027年度城乡居民医保已参保成功`);
    expect(inbox).toContain('请补交残疾证复印件');
    const audit = await app.db.prisma.auditLog.findMany({ where: { entityId: String(mine!.id), entity: 'enrolment_application' }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['insurance.apply', 'insurance.approved', 'insurance.enrolled']);

    res = await app.say('family', '查一下我的参保状态');
    text = textOf(res);
    expect(text).toContain('参保成功');
    expect(text).toContain('退回原因：请补交残疾证复印件');
  });

  it('says so when the resident has applied for nothing', async () => {
    const res = await app.say('stranger', '我的医保办好了没');
    expect(textOf(res)).toContain('还没有通过这里办理过参保登记');
  });
});
