/**
 * The feedback (留言) form: category, content, optional phone, then confirmation.
 */
import { z } from 'zod';
import { defineForm, type FormDefinition } from '../../core/forms.js';
import { parseMobile } from '../../nlu/entities/phone.js';
import { maskPhone } from '../../privacy/mask.js';
import type { FeedbackService } from './service.js';
import { feedbackText as t } from './text.js';

/** The form's name, for `ctx.startForm`. */
export const FEEDBACK_FORM = 'feedback';

/** Build the feedback form over a feedback service. */
export function feedbackForm(service: FeedbackService): FormDefinition {
  return defineForm({
    name: FEEDBACK_FORM,
    title: t.title,
    intro: t.intro,
    confirm: true,
    slots: [
      {
        name: 'topic',
        label: t.topic.label,
        prompt: t.topic.prompt,
        options: [...t.topic.options],
        // Words that name a category (“我想提个建议”, “投诉一下”) count as choosing it.
        parse: (text) => t.topic.options.find((o) => text.includes(o) || t.topic.keywords[o]!.some((k) => text.includes(k))) ?? text,
        schema: z.enum(t.topic.options, { error: t.topic.notAnOption }),
      },
      {
        name: 'content',
        label: t.content.label,
        prompt: t.content.prompt,
        schema: z.string().trim().min(5, t.content.tooShort).max(1000, t.content.tooLong),
      },
      {
        name: 'phone',
        label: t.phone.label,
        prompt: t.phone.prompt,
        optional: true,
        parse: (text) => parseMobile(text),
        schema: z.string({ error: t.phone.invalid }).regex(/^1[3-9]\d{9}$/, t.phone.invalid),
        display: (v) => maskPhone(String(v)),
      },
    ],
    async submit(values, ctx) {
      const phone = (values.phone as string | null) ?? null;
      const saved = await service.create({
        residentId: ctx.resident.id,
        topic: values.topic as string,
        content: values.content as string,
        phone,
        at: ctx.now,
      });
      await ctx.reply(t.thanks(saved.id));
      await ctx.notify(
        { role: 'admin' },
        t.staffNotice(saved.id, values.topic as string, values.content as string, saved.phoneMasked),
      );
    },
  });
}
