/**
 * The residents domain: who a resident is across channels. For now, account linking
 * ("关联账号" on one platform, "关联 123456" on the other).
 */
import type { Bot } from '../../core/bot.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { PiiVault } from '../../privacy/vault.js';
import { LINK_CODE_MINUTES, LinkService } from './linking.js';
import { residentsText as t } from './text.js';

export { LinkService } from './linking.js';

const ASK_CODE = /^关联(账号|帳號|帐号|其他平台)?$/;
const REDEEM = /^关联\s*(\d{6})$/;
/** Wrong codes allowed per identity per hour, against guessing. */
const MAX_FAILURES = 5;

/** Register the account-linking dialogue. */
export function registerResidents(bot: Bot, deps: { prisma: PrismaClient; vault: PiiVault }): LinkService {
  const links = new LinkService(deps.prisma, deps.vault);
  bot.filter(
    (ctx) => ASK_CODE.test(ctx.text.replace(/\s/g, '')),
    async (ctx) => {
      const code = await links.issue(ctx.resident.id, ctx.now);
      await ctx.reply(t.codeIssued(code, LINK_CODE_MINUTES));
    },
  );
  bot.filter(
    (ctx) => REDEEM.test(ctx.text.normalize('NFKC').trim()),
    async (ctx) => {
      const hourAgo = ctx.now.getTime() - 3600_000;
      const failures = ((ctx.memory.linkFailures as number[] | undefined) ?? []).filter((t) => t > hourAgo);
      if (failures.length >= MAX_FAILURES) {
        await ctx.reply(t.tooManyAttempts);
        return;
      }
      const code = REDEEM.exec(ctx.text.normalize('NFKC').trim())![1]!;
      const result = await links.redeem(code, { channel: ctx.inbound.channel, externalId: ctx.inbound.userId }, ctx.now);
      if (result.ok) {
        delete ctx.memory.linkFailures;
        await ctx.reply(t.linked);
      } else if (result.reason === 'same') {
        await ctx.reply(t.alreadyLinked);
      } else {
        ctx.memory.linkFailures = [...failures, ctx.now.getTime()];
        await ctx.reply(t.invalid);
      }
    },
  );
  return links;
}
