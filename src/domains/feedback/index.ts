/**
 * The feedback domain: residents leave a message (留言) for the office through a form.
 */
import type { Bot } from '../../core/bot.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { PiiVault } from '../../privacy/vault.js';
import { FEEDBACK_FORM, feedbackForm } from './form.js';
import { FeedbackService } from './service.js';

export { FeedbackService } from './service.js';

/** Register the feedback form and the `feedback` intent. */
export function registerFeedback(bot: Bot, deps: { prisma: PrismaClient; vault: PiiVault }): FeedbackService {
  const service = new FeedbackService(deps.prisma, deps.vault);
  bot.form(feedbackForm(service));
  bot.intent('feedback', (ctx) => {
    const phone = ctx.entity('phone');
    return ctx.startForm(FEEDBACK_FORM, phone ? { phone: phone.value } : {});
  });
  return service;
}
