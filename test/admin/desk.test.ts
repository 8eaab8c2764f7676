/**
 * The office desk in the console: a staff reply reaches the resident's chat, "mark answered"
 * changes the record once and leaves an audit row, and bad requests change nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { adminText } from '../../src/admin/text.js';
import { PASSWORD, startConsoleApp, type ConsoleClient, type ConsoleTestApp } from './helpers.js';

let t: ConsoleTestApp;
afterEach(async () => {
  await t?.dispose();
});

async function loggedIn(): Promise<ConsoleClient> {
  await t.staff('wang', 'admin');
  const client = t.client();
  await client.login('wang', PASSWORD);
  return client;
}

describe('hand-over requests', () => {
  it('lists a request, sends a reply to the resident chat and marks it answered, with audit rows', async () => {
    t = await startConsoleApp();
    await t.app.say('zhang', '我要找人工，医保卡丢了怎么办');
    const client = await loggedIn();
    const list = await client.get('/admin/handoffs');
    expect(list.text).toContain('医保卡丢了怎么办');
    const id = (await t.app.db.prisma.handoffRequest.findFirstOrThrow()).id;

    const reply = await client.post(`/admin/handoffs/${id}/reply`, { _csrf: await client.csrf(), text: '请带身份证到便民服务中心补办。' });
    expect(reply.status).toBe(303);
    expect(reply.headers.get('location')).toBe('/admin/handoffs?notice=replied');
    const inbox = await t.app.inbox('zhang');
    expect(inbox.map((m) => m.text)).toEqual([adminText.desk.replyToResident('请带身份证到便民服务中心补办。')]);

    const answer = await client.post(`/admin/handoffs/${id}/answer`, { _csrf: await client.csrf() });
    expect(answer.headers.get('location')).toBe('/admin/handoffs?notice=answered');
    const row = await t.app.db.prisma.handoffRequest.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe('answered');
    expect(row.answeredAt).not.toBeNull();

    const audit = await t.app.db.prisma.auditLog.findMany({ where: { entity: 'handoff_request' }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.actor, a.action, a.entityId])).toEqual([
      ['console:wang', 'handoff_request.reply', String(id)],
      ['console:wang', 'handoff_request.answer', String(id)],
    ]);
    expect(JSON.parse(audit[1]!.before!)).toEqual({ status: 'open' });
    expect(JSON.parse(audit[1]!.after!)).toEqual({ status: 'answered' });

    // Answered requests leave the default list but stay under "all".
    expect((await client.get('/admin/handoffs')).text).not.toContain('医保卡丢了怎么办');
    expect((await client.get('/admin/handoffs?show=all')).text).toContain('医保卡丢了怎么办');
  });

  it('answering twice changes nothing the second time and says so', async () => {
    t = await startConsoleApp();
    await t.app.say('zhang', '转人工');
    const client = await loggedIn();
    const id = (await t.app.db.prisma.handoffRequest.findFirstOrThrow()).id;
    await client.post(`/admin/handoffs/${id}/answer`, { _csrf: await client.csrf() });
    const again = await client.post(`/admin/handoffs/${id}/answer`, { _csrf: await client.csrf() });
    expect(again.headers.get('location')).toBe('/admin/handoffs?notice=alreadyAnswered');
    expect((await client.get('/admin/handoffs?notice=alreadyAnswered')).text).toContain(adminText.desk.notices.alreadyAnswered);
    expect(await t.app.db.prisma.auditLog.count({ where: { action: 'handoff_request.answer' } })).toBe(1);
  });

  it('an empty or oversized reply is refused and nothing is sent; an unknown id is a 404', async () => {
    t = await startConsoleApp();
    await t.app.say('zhang', '转人工');
    const client = await loggedIn();
    const id = (await t.app.db.prisma.handoffRequest.findFirstOrThrow()).id;
    const empty = await client.post(`/admin/handoffs/${id}/reply`, { _csrf: await client.csrf(), text: '   ' });
    expect(empty.headers.get('location')).toBe('/admin/handoffs?notice=emptyReply');
    const long = await client.post(`/admin/handoffs/${id}/reply`, { _csrf: await client.csrf(), text: '好'.repeat(1001) });
    expect(long.headers.get('location')).toBe('/admin/handoffs?notice=replyTooLong');
    expect(await t.app.inbox('zhang')).toEqual([]);
    expect((await client.post('/admin/handoffs/9999/answer', { _csrf: await client.csrf() })).status).toBe(404);
    expect((await client.post('/admin/handoffs/abc/answer', { _csrf: await client.csrf() })).status).toBe(404);
  });
});

describe('feedback', () => {
  it('shows feedback with the masked phone only, replies to the resident and marks it answered', async () => {
    t = await startConsoleApp();
    await t.app.say('li', '你好');
    const resident = await t.app.db.prisma.resident.findFirstOrThrow();
    const fb = await t.app.db.prisma.feedback.create({
      data: { residentId: resident.id, topic: '建议', content: '村口路灯不亮', phoneCipher: 'cipher', phoneMasked: '138****5678', createdAt: new Date() },
    });
    const client = await loggedIn();
    const page = await client.get('/admin/feedback');
    expect(page.text).toContain('村口路灯不亮');
    expect(page.text).toContain('138****5678');
    await client.post(`/admin/feedback/${fb.id}/reply`, { _csrf: await client.csrf(), text: '已经报修，两天内修好。' });
    expect((await t.app.inbox('li')).map((m) => m.text)).toContain(adminText.desk.replyToResident('已经报修，两天内修好。'));
    await client.post(`/admin/feedback/${fb.id}/answer`, { _csrf: await client.csrf() });
    expect((await t.app.db.prisma.feedback.findUniqueOrThrow({ where: { id: fb.id } })).status).toBe('answered');
    expect(await t.app.db.prisma.auditLog.count({ where: { entity: 'feedback', entityId: String(fb.id) } })).toBe(2);
  });
});

describe('audit log page', () => {
  it('filters by entity and actor and pages fifty rows at a time', async () => {
    t = await startConsoleApp();
    const client = await loggedIn();
    const now = new Date();
    await t.app.db.prisma.auditLog.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({ at: new Date(now.getTime() - i * 1000), actor: i % 2 ? 'resident:1' : 'system', action: `thing.${i}`, entity: 'hazard_report', entityId: String(i) })),
    });
    const first = await client.get('/admin/audit?entity=hazard_report');
    expect(first.text).toContain('第 1 / 2 页，共 60 条');
    expect(first.text).toContain('thing.0<');
    expect(first.text).not.toContain('thing.55<');
    const second = await client.get('/admin/audit?entity=hazard_report&page=2');
    expect(second.text).toContain('thing.55<');
    const bySystem = await client.get('/admin/audit?actor=system');
    expect(bySystem.text).toContain('共 30 条');
    expect(bySystem.text).not.toContain('resident:1');
  });
});
