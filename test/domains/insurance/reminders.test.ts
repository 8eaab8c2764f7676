import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REMINDER_TASK } from '../../../src/domains/insurance/index.js';
import { IDS, startInsuranceApp, textOf, type InsuranceTestApp } from './helpers.js';

let app: InsuranceTestApp;
beforeAll(async () => {
  app = await startInsuranceApp();
}, 120_000);
afterAll(async () => {
  await app.dispose();
});

const residentOf = async (userId: string) =>
  (await app.db.prisma.channelIdentity.findFirstOrThrow({ where: { channel: 'http', externalId: userId } })).residentId;

describe('enrolment reminders (insurance.reminders)', () => {
  it('reminds, once, residents with a known household who have not applied; honours the opt-out', async () => {
    // Everyone says hello first, so they exist and can be reached.
    for (const user of ['known', 'applied', 'unknown', 'opted-out', 'last-year']) await app.say(user, '你好');
    for (const user of ['known', 'applied', 'opted-out']) {
      await app.db.prisma.resident.update({ where: { id: await residentOf(user) }, data: { village: 'meijia' } });
    }
    // Applied for 2027 already.
    await app.insurance.service.apply({ residentId: await residentOf('applied'), relation: '本人', name: '钱多多', idNumber: IDS.adult, village: 'meijia', category: 'none', phone: null, now: app.clock.now });
    // Known only from an application for 2026 (made during the 2025 window).
    await app.insurance.service.apply({ residentId: await residentOf('last-year'), relation: '本人', name: '孙悟', idNumber: IDS.senior, village: 'wuhu', category: 'none', phone: null, now: new Date('2025-10-08T10:00:00+08:00') });
    // Says so in their own words.
    expect(textOf(await app.say('opted-out', '以后不用提醒医保了'))).toContain('不再提醒');

    // 29 November: 32 days before the deadline, outside the 14-day window.
    await app.scheduler.runNow(REMINDER_TASK);
    expect(await app.db.prisma.insuranceReminder.count()).toBe(0);

    app.clock.now = new Date('2026-12-20T09:00:00+08:00');
    const first = await app.insurance.sendReminders(app.clock.now);
    expect(first).toEqual({ sent: 2, coverageYear: 2027 });
    const known = await app.inbox('known');
    expect(known).toHaveLength(1);
    expect(known[0].text).toContain('还有11天截止');
    expect(known[0].text).toContain('2026年12月31日');
    expect(known[0].options).toEqual(['办理参保', '不用提醒医保']);
    expect(await app.inbox('last-year')).toHaveLength(1);
    for (const user of ['applied', 'unknown', 'opted-out']) expect(await app.inbox(user)).toHaveLength(0);

    // Never twice, whatever the scheduler does.
    app.clock.now = new Date('2026-12-28T09:00:00+08:00');
    await app.scheduler.runNow(REMINDER_TASK);
    expect(await app.inbox('known')).toHaveLength(0);

    // The option in the reminder, sent back as its label, opts out too. (A notification's
    // options cannot be picked by number yet: the core remembers only a turn's reply options.)
    expect(textOf(await app.say('known', '不用提醒医保'))).toContain('不再提醒');
    expect(await app.db.prisma.insuranceReminderOptOut.count()).toBe(2);

    // After the deadline nothing goes out.
    app.clock.now = new Date('2027-01-02T09:00:00+08:00');
    expect(await app.insurance.sendReminders(app.clock.now)).toEqual({ sent: 0, coverageYear: null });
  });
});
