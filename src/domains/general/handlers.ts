/**
 * The general dialogue: greeting, the help menu, thanks, handing over to a person, and what to
 * say when a message is out of scope.
 */
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { Bot } from '../../core/bot.js';
import type { Context } from '../../core/context.js';
import { isOfficeOpen, type OfficeHours } from './office-hours.js';
import { generalText, menuItems } from './text.js';

/** The help menu as reply options; each routes straight to its intent. */
export const menuOptions = () => menuItems.map((m) => ({ label: m.label, intent: m.intent }));

async function showMenu(ctx: Context, intro: string): Promise<void> {
  await ctx.reply(`${intro}`, { options: menuOptions() });
}

export interface GeneralDeps {
  prisma: PrismaClient;
  officeHours: OfficeHours;
  officePhone: string;
}

/**
 * Register the general handlers on the bot. Call it after the domains: its fallback answers
 * only what no domain took.
 */
export function registerGeneral(bot: Bot, deps: GeneralDeps): void {
  bot.intent('greeting', (ctx) => ctx.reply(generalText.greeting(ctx.resident.displayName), { options: menuOptions() }));
  bot.intent('help', (ctx) => showMenu(ctx, generalText.menuTitle));
  bot.intent('thanks', (ctx) => ctx.reply(generalText.thanks));
  bot.intent('human.handoff', async (ctx) => {
    const request = await deps.prisma.handoffRequest.create({
      data: { residentId: ctx.resident.id, text: ctx.text, createdAt: ctx.now },
    });
    const open = isOfficeOpen(deps.officeHours, ctx.now);
    const say = open ? generalText.handoff.open : generalText.handoff.closed;
    await ctx.reply(say(deps.officeHours.label, deps.officePhone));
    const who = ctx.resident.displayName ?? generalText.anonymous;
    await ctx.notify({ role: 'admin' }, generalText.handoff.staffNotice(request.id, who, ctx.text));
  });
  bot.fallback((ctx) => showMenu(ctx, generalText.none));
}
