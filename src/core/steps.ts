/**
 * The core's own middleware, run for every message before the domains' handlers:
 * picking an offered option by number, letting an active form take the message, answering a
 * message with no text, and classifying the text.
 */
import type { Context, Understander } from './context.js';
import type { MiddlewareFn } from './composer.js';
import type { FormEngine } from './forms.js';
import { coreText } from './text.js';
import { optionLabel, type Option } from './types.js';

/** Memory key holding the options offered with the last reply. */
export const LAST_OPTIONS = 'lastOptions';

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** The option number a short answer picks (“2”, “２”, “第二个”, “②”), if it is one. */
export function pickedNumber(text: string): number | undefined {
  const m = /^第?\s*([0-9]{1,2}|[一二两三四五六七八九十])\s*(个|项|号|条)?[。.!！]?$/u.exec(text.normalize('NFKC').trim());
  if (!m) return undefined;
  const token = m[1]!;
  return /^[0-9]+$/.test(token) ? Number(token) : CN_DIGITS[token];
}

/**
 * An option offered last turn can be answered by its number or its exact label. The text
 * becomes the option's text, and an option naming an intent routes straight to it.
 */
export const pickOption: MiddlewareFn<Context> = async (ctx, next) => {
  const options = ctx.memory[LAST_OPTIONS] as Option[] | undefined;
  if (options?.length) {
    const n = pickedNumber(ctx.text);
    const chosen =
      n !== undefined ? options[n - 1] : options.find((o) => optionLabel(o) === ctx.text.trim());
    if (chosen !== undefined) {
      if (typeof chosen === 'string') ctx.text = chosen;
      else {
        ctx.text = chosen.text ?? chosen.label;
        if (chosen.intent) ctx.intent = chosen.intent;
      }
    }
  }
  await next();
};

/**
 * An active form takes the message; nothing else runs for it. Except danger: a message the NLU
 * marks urgent (fire, gas…) goes to the handlers as if no form were open, and the form stays
 * where it was for the next message.
 */
export function formStep(forms: FormEngine, nlu: Understander): MiddlewareFn<Context> {
  return async (ctx, next) => {
    if (ctx.activeForm && ctx.text) {
      // Understood once: classify() reuses it if the message goes on to the handlers.
      ctx.understanding = nlu.understand(ctx.text, { now: ctx.now });
      if (ctx.understanding.urgent) return next();
    }
    if (await forms.handle(ctx)) return;
    await next();
  };
}

/** A photo or a location with no words: ask what it is about (forms may still take them). */
export const mediaWithoutText: MiddlewareFn<Context> = async (ctx, next) => {
  if (ctx.text.length > 0) return next();
  await ctx.reply(ctx.inbound.attachments?.length ? coreText.photoWithoutText : coreText.locationWithoutText);
};

/** Classify the text, unless an option already chose the intent. */
export function classify(nlu: Understander): MiddlewareFn<Context> {
  return async (ctx, next) => {
    ctx.understanding ??= nlu.understand(ctx.text, { now: ctx.now });
    ctx.intent ??= ctx.understanding.intent;
    await next();
  };
}
