import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IDS, startInsuranceApp, textOf } from './helpers.js';

const PHONES = ['13812345678', '13987654321', '15011112222'] as const;
const SECRETS = [IDS.senior, IDS.adult, IDS.child, ...PHONES];

describe('personal data at rest, in replies and in logs', () => {
  it('leaves no plaintext ID number or phone in the database file, its WAL, any reply or any log line', async () => {
    const app = await startInsuranceApp();
    try {
      // The ID number and phone typed in the very first message are taken (and masked in storage).
      let res = await app.say('son', `帮我老爸办医保，身份证${IDS.senior}，电话${PHONES[0]}`);
      const replies: string[] = [textOf(res)];
      for (const answer of ['周大山', '五湖村', '普通']) {
        res = await app.say('son', answer);
        replies.push(textOf(res));
      }
      expect(replies.at(-1)).toContain('3308**********1285');
      expect(replies.at(-1)).toContain('138****5678');
      replies.push(textOf(await app.say('son', '确认')));

      // A form abandoned after the ID number and a wrong phone, and a mistyped ID number.
      for (const [text] of [['我要参保'], ['本人'], ['孙二娘'], [IDS.adult.slice(0, 17) + '9'], [IDS.adult], ['滨港村'], ['1'], [`我的电话是 ${PHONES[1].slice(0, 3)} ${PHONES[1].slice(3, 7)} ${PHONES[1].slice(7)}`], ['取消']] as const) {
        replies.push(textOf(await app.say('aunt', text)));
      }
      // A status check and the staff's review queue notice.
      replies.push(textOf(await app.say('son', '我爸的参保查一下')));
      const row = await app.db.prisma.enrolmentApplication.findFirstOrThrow();
      await app.insurance.service.approve(row.id, 'staff:1', app.clock.now);
      const inbox = (await app.inbox('son')).map((m) => m.text);

      for (const text of [...replies, ...inbox]) for (const secret of SECRETS) expect(text).not.toContain(secret);
      const logText = JSON.stringify(app.logs);
      for (const secret of SECRETS) expect(logText).not.toContain(secret);
      // The staff can still read them (decrypted on purpose).
      expect(await app.insurance.service.reveal(row.id)).toEqual({ name: '周大山', idNumber: IDS.senior, phone: PHONES[0] });
    } finally {
      await app.stop();
    }
    const files = ['linli.db', 'linli.db-wal'].map((f) => join(app.dir, f)).filter((f) => existsSync(f));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const secret of SECRETS) expect(bytes.includes(Buffer.from(secret, 'utf8')), `${secret} in ${file}`).toBe(false);
      // The masked forms are there: the check above is not vacuous.
      if (file.endsWith('.db')) expect(bytes.includes(Buffer.from('3308**********1285', 'utf8'))).toBe(true);
    }
    rmSync(app.dir, { recursive: true, force: true });
  }, 120_000);
});
