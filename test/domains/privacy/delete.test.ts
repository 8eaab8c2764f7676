import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerPersonalDataEraser } from '../../../src/domains/privacy/index.js';
import { yesOrNo } from '../../../src/domains/privacy/index.js';
import { IDS, startInsuranceApp, textOf, type InsuranceTestApp } from '../insurance/helpers.js';

let app: InsuranceTestApp;
const erasedByOtherDomain: number[] = [];

beforeAll(async () => {
  // What the lead does for jobs, hazards and events: one line per domain.
  registerPersonalDataEraser('test-domain', async (_prisma, residentId) => erasedByOtherDomain.push(residentId));
  app = await startInsuranceApp();
}, 120_000);
afterAll(async () => {
  await app.stop();
  rmSync(app.dir, { recursive: true, force: true });
});

const PHONE = '13812345678';

async function residentOf(userId: string) {
  return (await app.db.prisma.channelIdentity.findFirstOrThrow({ where: { channel: 'http', externalId: userId } })).residentId;
}

/** A resident who left feedback with a phone, enrolled a family member and asked for a link code. */
async function busyResident(user: string, idNumber: string, phone: string) {
  for (const text of ['我想给街道留个言', '意见建议', '小区门口的路灯坏了好几天了', phone, '确认']) await app.say(user, text);
  for (const text of ['我要给我爸办医保', '王大爷', idNumber, '梅家村', '普通', phone, '确认']) await app.say(user, text);
  await app.say(user, '关联账号');
  await app.db.prisma.resident.update({ where: { id: await residentOf(user) }, data: { displayName: '王小二' } });
}

describe('privacy.delete: 删除我的信息', () => {
  it('asks first; “不删了” keeps everything', async () => {
    await busyResident('keeper', IDS.adult, '13900001111');
    const ask = await app.say('keeper', '删除我的信息');
    expect(textOf(ask)).toContain('确定要删除吗');
    expect(ask.body.replies.at(-1).options).toEqual(['确认删除', '不删了']);
    expect(textOf(await app.say('keeper', '不删了'))).toContain('没有删除');
    const id = await residentOf('keeper');
    expect((await app.db.prisma.resident.findUniqueOrThrow({ where: { id } })).displayName).toBe('王小二');
    expect(await app.db.prisma.feedback.count({ where: { residentId: id, phoneCipher: { not: null } } })).toBe(1);
    expect(erasedByOtherDomain).not.toContain(id);
  });

  it('after “确认删除” erases the resident’s personal data in every domain and keeps the counts', async () => {
    await busyResident('leaver', IDS.child, PHONE);
    const id = await residentOf('leaver');
    const keeperId = await residentOf('keeper');
    const before = {
      applications: await app.db.prisma.enrolmentApplication.count({ where: { status: 'submitted', village: 'meijia' } }),
      feedback: await app.db.prisma.feedback.count(),
      inbound: await app.db.prisma.inboundMessage.count(),
    };

    expect(textOf(await app.say('leaver', '把我的资料都删掉'))).toContain('确定要删除吗');
    expect(textOf(await app.say('leaver', '确认删除'))).toContain('已删除您的个人信息');

    const resident = await app.db.prisma.resident.findUniqueOrThrow({ where: { id } });
    expect(resident.displayName).toBeNull();
    expect(resident.anonymisedAt).not.toBeNull();
    const feedback = await app.db.prisma.feedback.findFirstOrThrow({ where: { residentId: id } });
    expect(feedback).toMatchObject({ phoneCipher: null, phoneMasked: null, content: '[已删除]', topic: '意见建议' });
    expect(await app.db.prisma.linkCode.count({ where: { residentId: id } })).toBe(0);
    const texts = await app.db.prisma.inboundMessage.findMany({ where: { residentId: id } });
    expect(texts.every((m) => m.text === '[已删除]')).toBe(true);
    expect(await app.db.prisma.enrolmentApplication.count({ where: { residentId: id } })).toBe(0);
    expect(erasedByOtherDomain).toEqual([id]);

    // Statistics stand: the rows are there, anonymised.
    expect(await app.db.prisma.enrolmentApplication.count({ where: { status: 'submitted', village: 'meijia' } })).toBe(before.applications);
    expect(await app.db.prisma.feedback.count()).toBe(before.feedback);
    expect(await app.db.prisma.inboundMessage.count()).toBeGreaterThanOrEqual(before.inbound);
    const anonymised = await app.db.prisma.enrolmentApplication.findFirstOrThrow({ where: { anonymisedAt: { not: null } } });
    expect(anonymised).toMatchObject({ idHash: null, idMasked: '[已删除]', nameMasked: '[已删除]', phoneCipher: null });

    // The other resident is untouched.
    expect((await app.db.prisma.resident.findUniqueOrThrow({ where: { id: keeperId } })).displayName).toBe('王小二');
    expect(await app.db.prisma.enrolmentApplication.count({ where: { residentId: keeperId } })).toBe(1);

    // One audit entry, with counts and no personal data.
    const audit = await app.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'privacy.erase' } });
    expect(audit.entityId).toBe(String(id));
    const after = JSON.parse(audit.after!);
    expect(Object.keys(after.erased)).toEqual(expect.arrayContaining(['insurance', 'feedback', 'linkCodes', 'messages', 'profile', 'test-domain']));
    expect(after.failed).toEqual([]);
    for (const secret of [IDS.child, PHONE, '王小二', '王大爷']) expect(audit.after).not.toContain(secret);

    // The person can enrol again afterwards: the old ID hash no longer blocks it.
    for (const text of ['我要给我爸办医保', '王大爷', IDS.child, '梅家村', '普通', PHONE]) await app.say('leaver', text);
    expect(textOf(await app.say('leaver', '确认'))).toContain('已提交参保登记');
  });

  it('leaves no trace of the erased phone and ID number in the database file', async () => {
    await app.stop();
    for (const file of ['linli.db', 'linli.db-wal'].map((f) => join(app.dir, f)).filter(existsSync)) {
      const bytes = readFileSync(file);
      // The feedback form keeps the phone typed in the message (its own matter); erasure must
      // remove it, free space included.
      for (const secret of [IDS.child, PHONE]) expect(bytes.includes(Buffer.from(secret)), `${secret} in ${file}`).toBe(false);
    }
  });
});

describe('yesOrNo', () => {
  it.each([
    ['确认删除', 'yes'],
    ['删吧', 'yes'],
    ['好的', 'yes'],
    ['不删了', 'no'],
    ['不要删', 'no'],
    ['再想想', 'no'],
    ['今天天气', undefined],
  ])('%s → %s', (text, expected) => {
    expect(yesOrNo(text)).toBe(expected);
  });
});
