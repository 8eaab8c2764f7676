/**
 * The privacy domain: “删除我的信息” (privacy.delete). After a yes/no confirmation, every
 * registered personal-data eraser runs (see `registry.ts`); aggregate statistics remain.
 *
 * Wiring in app.ts: `registerPrivacy(domainDeps)` with the other domains, then one line per
 * domain eraser, e.g. `registerPersonalDataEraser('jobs', eraseJobsPersonalData)`.
 */
import { z } from 'zod';
import type { DomainDeps } from '../../app.js';
import { newErrorId } from '../../core/bot.js';
import { defineForm } from '../../core/forms.js';
import { normaliseControl } from '../../core/text.js';
import { eraseFeedbackPersonalData, eraseLinkCodes, eraseMessageTexts, eraseResidentProfile } from './erasers.js';
import { registerPersonalDataEraser } from './registry.js';
import { erasePersonalData } from './service.js';
import { privacyText as t } from './text.js';

export { registerPersonalDataEraser, personalDataErasers, type PersonalDataEraser } from './registry.js';
export { erasePersonalData, type ErasureResult } from './service.js';
export { InboundRedactor, maskPersonalData } from './redact.js';

/** The confirmation form's name. */
export const PRIVACY_FORM = 'privacy.delete';

/** Yes or no in a short answer; no wins when both appear (“不删”). */
export function yesOrNo(text: string): 'yes' | 'no' | undefined {
  const s = normaliseControl(text);
  const { yesWords, noWords } = t.confirm;
  if (noWords.some((w) => s === w) || noWords.some((w) => w.length > 1 && s.includes(w)) || s.startsWith('不')) return 'no';
  if (yesWords.some((w) => s === w || (w.length > 1 && s.includes(w))) || s.includes('删')) return 'yes';
  return undefined;
}

/**
 * Register the privacy flow and the foundation's erasers (profile, message texts, feedback,
 * link codes).
 *
 * ```ts
 * await registerPrivacy(domainDeps);
 * ```
 */
export async function registerPrivacy(deps: DomainDeps): Promise<void> {
  const { bot, prisma } = deps;
  registerPersonalDataEraser('feedback', eraseFeedbackPersonalData);
  registerPersonalDataEraser('linkCodes', eraseLinkCodes);
  registerPersonalDataEraser('messages', eraseMessageTexts);
  registerPersonalDataEraser('profile', eraseResidentProfile);

  bot.form(
    defineForm({
      name: PRIVACY_FORM,
      title: t.title,
      slots: [
        {
          name: 'confirm',
          label: t.confirm.label,
          prompt: t.confirm.prompt,
          options: [...t.confirm.options],
          parse: (text) => yesOrNo(text) ?? text,
          schema: z.enum(['yes', 'no'], { error: t.confirm.invalid }),
        },
      ],
      async submit(values, ctx) {
        if (values.confirm !== 'yes') {
          await ctx.reply(t.kept);
          return;
        }
        const result = await erasePersonalData(prisma, ctx.resident.id, { actor: `resident:${ctx.resident.id}`, now: ctx.now, log: ctx.log });
        // The core saves this turn's conversation after the handler: start it empty too.
        for (const key of Object.keys(ctx.memory)) delete ctx.memory[key];
        if (result.failed.length === 0) {
          await ctx.reply(t.done);
          return;
        }
        const errorId = newErrorId();
        ctx.log.error({ errorId, failed: result.failed }, 'personal data erasure incomplete');
        await ctx.reply(t.partly(errorId));
        await ctx.notify({ role: 'admin' }, t.staffFailed(ctx.resident.id, errorId, result.failed));
      },
    }),
  );

  bot.intent('privacy.delete', (ctx) => ctx.startForm(PRIVACY_FORM));
}
