/**
 * The jobs dialogue end to end through the HTTP API with the real NLU: searching and paging,
 * a posting's detail, applying (and applying twice), “我的报名”, registration, labour-rights help
 * answered by hub staff.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUB_STAFF_USER, registerJobs, seedJobsDemo } from '../../../src/domains/jobs/index.js';
import { startTestApp, type TestApp } from '../../helpers/app.js';
import { REFERENCE } from './helpers.js';

const texts = (body: any): string => body.replies.map((r: any) => r.text).join('\n');
const options = (body: any): string[] => (body.replies.at(-1)?.options ?? []).map((o: any) => (typeof o === 'string' ? o : o.label));

describe('jobs dialogue', () => {
  let app: TestApp;
  let now = REFERENCE;

  beforeAll(async () => {
    app = await startTestApp({ domains: [registerJobs], scheduler: false, clock: () => now, env: { DEMO_DATA: 'false' } });
    await seedJobsDemo({ prisma: app.db.prisma, now });
  }, 120_000);
  afterAll(() => app.dispose());

  it('searches, pages, shows a detail and applies from it; hub staff hear of it', async () => {
    const first = await app.say('ana', '有没有保洁的活');
    expect(texts(first.body)).toMatch(/为您找到 \d+ 个岗位（第1\/\d+页）/);
    expect(options(first.body)).toContain('下一页');
    const second = await app.say('ana', '下一页');
    expect(texts(second.body)).toMatch(/第2\/\d+页/);
    const detail = await app.say('ana', '2');
    expect(texts(detail.body)).toContain('报名截止');
    expect(options(detail.body)).toContain('我要报名');
    const title = /【(.+?)】/.exec(texts(detail.body))![1]!;
    const applied = await app.say('ana', '我要报名');
    expect(texts(applied.body)).toContain(`报名成功！您报名了「${title}」`);
    const staff = await app.inbox(HUB_STAFF_USER);
    expect(staff.map((m) => m.text).join('\n')).toContain(`报名了「${title}」`);
  });

  it('“报名第1个” applies for the first of the last page; a second time is refused with the date', async () => {
    const list = await app.say('bo', '五湖村有没有日结的保洁');
    expect(texts(list.body)).toContain('1. 市场日结保洁');
    const ok = await app.say('bo', '报名第1个');
    expect(texts(ok.body)).toContain('报名成功！您报名了「市场日结保洁」');
    expect(texts(ok.body)).toContain('登记求职'); // not registered yet: told how
    await app.say('bo', '五湖村有没有日结的保洁');
    const again = await app.say('bo', '报名第1个');
    expect(texts(again.body)).toBe('您在12月1日已经报名过「市场日结保洁」了，不用重复报名，工作人员会联系您的。');
    expect(await app.db.prisma.jobApplication.count({ where: { posting: { externalId: 'JH-A01' } } })).toBe(1);
  });

  it('lists “我投的工作”, and asks which kind when “我的报名” could mean events too', async () => {
    const mine = await app.say('bo', '我投的工作');
    expect(texts(mine.body)).toContain('1. 市场日结保洁（安居农贸市场）｜12月1日报名｜已报名，等待联系');
    const unclear = await app.say('bo', '我的报名');
    expect(options(unclear.body)).toEqual(['我报名的工作', '我报名的活动']);
    const picked = await app.say('bo', '1');
    expect(texts(picked.body)).toContain('市场日结保洁');
  });

  it('understands a skill or an age alone as a job question', async () => {
    expect(texts((await app.say('fay', '会开叉车')).body)).toContain('1. 叉车司机｜衢州恒力包装有限公司');
    const age = await app.say('fay', '五十多岁能干啥');
    expect(texts(age.body)).toMatch(/按“50-59岁”为您找到 \d+ 个岗位/);
  });

  it('on the last page, numbers still open the postings and “我要报名” typed applies for the one shown', async () => {
    await app.say('gus', '附近有没有日结的保洁');
    expect(texts((await app.say('gus', '下一页')).body)).toContain('已经是最后一页了');
    const detail = await app.say('gus', '1');
    expect(texts(detail.body)).toContain('【市场日结保洁】安居农贸市场');
    expect(texts((await app.say('gus', '我要报名')).body)).toContain('报名成功！您报名了「市场日结保洁」');
    expect(texts((await app.say('gus', '报名第9个')).body)).toBe('这一页只有 5 个岗位，没有第9个。请回复 1 到 5 之间的数字。');
  });

  it('says so and offers alternatives when nothing matches', async () => {
    const none = await app.say('cy', '白凉亭村有没有叉车的活');
    expect(texts(none.body)).toContain('暂时没有找到符合“白凉亭村·叉车”的在招岗位');
    expect(options(none.body)).toContain('登记求职，有活通知我');
    expect(options(none.body)).toContain('看看全部岗位');
  });

  it('registers a seeker: a bad phone is asked again, the good one is stored encrypted and shown masked', async () => {
    expect(texts((await app.say('dee', '我要登记找工作')).body)).toContain('怎么称呼');
    expect(texts((await app.say('dee', '王秀英')).body)).toContain('手机号');
    const bad = await app.say('dee', '1385701234');
    expect(texts(bad.body)).toContain('手机号好像不对');
    expect(texts((await app.say('dee', '13857012345')).body)).toContain('技能');
    await app.say('dee', '没有');
    await app.say('dee', '保洁');
    await app.say('dee', '五湖村');
    await app.say('dee', '都可以');
    const confirm = await app.say('dee', '1');
    expect(texts(confirm.body)).toContain('手机号：138****2345');
    expect(texts(confirm.body)).not.toContain('13857012345');
    const saved = await app.say('dee', '确认');
    expect(texts(saved.body)).toContain('求职登记好了！联系电话 138****2345');
    const row = await app.db.prisma.jobSeeker.findFirstOrThrow({ where: { name: '王秀英' } });
    expect(row.phoneCipher).not.toContain('13857012345');
    expect(app.vault.decrypt(row.phoneCipher!)).toBe('13857012345');
    expect(row.phoneHash).toBe(app.vault.lookupHash('13857012345'));
    expect(JSON.parse(row.areas)).toEqual(['wuhu']);

    // Editable later: the saved profile opens at the confirmation, one item can be changed.
    const edit = await app.say('dee', '修改求职登记');
    expect(texts(edit.body)).toContain('工作地点：五湖村');
    await app.say('dee', '修改工作地点');
    const changed = await app.say('dee', '南村');
    expect(texts(changed.body)).toContain('工作地点：南村');
    expect(texts((await app.say('dee', '确认')).body)).toContain('求职信息已更新');
    expect(await app.db.prisma.jobSeeker.count()).toBe(1);
  });

  it('labour-rights help: explains, records a case for hub staff, and staff can answer', async () => {
    const help = await app.say('eve', '老板拖欠工资三个月不给');
    expect(texts(help.body)).toContain('12333');
    expect(texts((await app.say('eve', '登记维权求助')).body)).toContain('遇到了什么问题');
    await app.say('eve', '在双西港工地干了两个月小工，包工头不给钱');
    await app.say('eve', '振兴建筑劳务');
    await app.say('eve', '跳过');
    const saved = await app.say('eve', '确认');
    const caseId = Number(/案件号 #(\d+)/.exec(texts(saved.body))![1]);
    const staff = (await app.inbox(HUB_STAFF_USER)).map((m) => m.text).join('\n');
    expect(staff).toContain(`【劳动维权 #${caseId}】`);
    const reply = await app.say(HUB_STAFF_USER, `回复 #${caseId} 已联系包工头，周五前结清`);
    expect(texts(reply.body)).toContain(`已把回复发给案件 #${caseId}`);
    expect((await app.inbox('eve')).map((m) => m.text)).toContain(`【零工之家回复·维权案件 #${caseId}】已联系包工头，周五前结清`);
    // A resident cannot answer cases.
    const impostor = await app.say('eve', `回复 #${caseId} 我是工作人员`);
    expect(texts(impostor.body)).not.toContain('已把回复发给');
  });
});
