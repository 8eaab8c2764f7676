/**
 * Forms (slot filling), declared by domains and driven by the core, in the spirit of Rasa's
 * forms: a form lists its slots, each with a prompt and a zod schema; the engine asks, checks,
 * re-asks with what was wrong, supports 上一步 (back), 取消 (cancel), an optional confirmation
 * with corrections, and expiry after a period of silence.
 *
 * ```ts
 * bot.form(defineForm({
 *   name: 'feedback', title: '留言', confirm: true,
 *   slots: [
 *     { name: 'topic', label: '主题', prompt: '请问留言的主题是？', schema: z.string().min(2, '主题太短了') },
 *   ],
 *   submit: async (values, ctx) => { await save(values); await ctx.reply('已收到'); },
 * }));
 * ```
 */
import { z } from 'zod';
import type { Context } from './context.js';
import type { Option } from './types.js';
import { optionLabel } from './types.js';
import { BACK_WORDS, CANCEL_WORDS, CONFIRM_WORDS, EDIT_WORDS, SKIP_WORDS, coreText, normaliseControl } from './text.js';

/** One question of a form. */
export interface SlotDefinition {
  /** Key in the collected values. */
  name: string;
  /** Short label shown at confirmation and when choosing what to correct. */
  label: string;
  /** The question. */
  prompt: string | ((values: Record<string, unknown>) => string);
  /** Validates the (parsed) answer; its issue message is shown to the resident when it fails. */
  schema: z.ZodType;
  /** Turns the answer text into what the schema checks (e.g. pick a phone out of a sentence). */
  parse?: (text: string, ctx: Context) => unknown;
  /** Options offered with the question. */
  options?: Option[] | ((values: Record<string, unknown>) => Option[]);
  /** The resident may answer “跳过”; the value is then `null`. */
  optional?: boolean;
  /** How the value shows at confirmation (mask personal data here). */
  display?: (value: unknown) => string;
  /** Skip this question when the predicate says so (e.g. asked only for family members). */
  when?: (values: Record<string, unknown>) => boolean;
}

/** A declared form. */
export interface FormDefinition {
  name: string;
  /** What the resident is doing, e.g. “留言”, “医保参保登记”. */
  title: string;
  /** Said once before the first question. */
  intro?: string;
  slots: SlotDefinition[];
  /** Show the collected values and ask for confirmation before submitting. */
  confirm?: boolean;
  /** Called with the validated values once the form is complete (and confirmed). */
  submit(values: Record<string, unknown>, ctx: Context): Promise<void> | void;
}

/** Declare a form (an identity function that gives type checking). */
export function defineForm(definition: FormDefinition): FormDefinition {
  return definition;
}

/** The stored state of a form in progress. */
interface FormState {
  /** Index of the slot being asked, or `confirm` / `choose-edit`. */
  step: number | 'confirm' | 'choose-edit';
  values: Record<string, unknown>;
  /** Slot indexes answered, in order, for 上一步. */
  history: number[];
  /** Set while correcting one slot from the confirmation step. */
  editing?: boolean;
}

const isOneOf = (words: readonly string[], text: string) => words.includes(normaliseControl(text));

/**
 * Holds the declared forms and drives the one in progress. The core's pipeline calls
 * {@link FormEngine.handle} before classification; domains call `ctx.startForm(name)`.
 */
export class FormEngine {
  private readonly forms = new Map<string, FormDefinition>();

  constructor(private readonly expiryMs: number) {}

  /** Register a form. Names are unique. */
  register(form: FormDefinition): void {
    if (this.forms.has(form.name)) throw new Error(`form ${form.name} declared twice`);
    this.forms.set(form.name, form);
  }

  /** A registered form by name. */
  get(name: string): FormDefinition | undefined {
    return this.forms.get(name);
  }

  /** Begin a form, prefilled with `initial` values that validate; asks the first open slot. */
  async start(ctx: Context, name: string, initial: Record<string, unknown> = {}): Promise<void> {
    const form = this.forms.get(name);
    if (!form) throw new Error(`unknown form ${name}`);
    const values: Record<string, unknown> = {};
    for (const slot of form.slots) {
      if (!(slot.name in initial)) continue;
      const checked = slot.schema.safeParse(initial[slot.name]);
      if (checked.success) values[slot.name] = checked.data;
    }
    const state: FormState = { step: 0, values, history: [] };
    ctx.conversation.activeForm = name;
    if (form.intro) await ctx.reply(form.intro);
    await this.advance(ctx, form, state);
  }

  /**
   * Let the form in progress take the message.
   * @returns true when the form consumed it, false when no form is active (or it just expired).
   */
  async handle(ctx: Context): Promise<boolean> {
    const name = ctx.conversation.activeForm;
    if (!name) return false;
    const form = this.forms.get(name);
    const state = ctx.conversation.formState as FormState | null;
    if (!form || !state) {
      this.clear(ctx);
      return false;
    }
    if (ctx.now.getTime() - ctx.conversation.lastActivityAt > this.expiryMs) {
      this.clear(ctx);
      await ctx.reply(coreText.form.expired(form.title));
      return false;
    }
    const text = ctx.text;
    if (isOneOf(CANCEL_WORDS, text)) {
      this.clear(ctx);
      await ctx.reply(coreText.form.cancelled(form.title));
      return true;
    }
    if (state.step === 'confirm') return this.onConfirm(ctx, form, state);
    if (state.step === 'choose-edit') return this.onChooseEdit(ctx, form, state);
    if (isOneOf(BACK_WORDS, text)) {
      const previous = state.history.pop();
      if (previous === undefined) {
        await ctx.reply(coreText.form.firstStep);
        await this.ask(ctx, form, state);
        return true;
      }
      delete state.values[form.slots[previous]!.name];
      state.step = previous;
      await this.ask(ctx, form, state);
      return true;
    }
    const slot = form.slots[state.step];
    if (!slot) {
      this.clear(ctx);
      return false;
    }
    if (slot.optional && isOneOf(SKIP_WORDS, text)) {
      state.values[slot.name] = null;
    } else {
      const raw = slot.parse ? slot.parse(text, ctx) : text;
      const checked = slot.schema.safeParse(raw);
      if (!checked.success) {
        const problem = checked.error.issues[0]?.message ?? '';
        await this.ask(ctx, form, state, problem);
        return true;
      }
      state.values[slot.name] = checked.data;
    }
    state.history.push(state.step);
    if (state.editing) {
      state.editing = false;
      state.step = 'confirm';
      await this.askConfirm(ctx, form, state);
      return true;
    }
    await this.advance(ctx, form, state);
    return true;
  }

  private async onConfirm(ctx: Context, form: FormDefinition, state: FormState): Promise<boolean> {
    const text = ctx.text;
    if (isOneOf(CONFIRM_WORDS, text)) {
      this.clear(ctx);
      await form.submit(state.values, ctx);
      return true;
    }
    const slotIndex = this.slotNamed(form, state, text);
    if (slotIndex !== undefined) return this.editSlot(ctx, form, state, slotIndex);
    if (isOneOf(EDIT_WORDS, text)) {
      state.step = 'choose-edit';
      this.save(ctx, state);
      await ctx.reply(coreText.form.chooseEdit, { options: this.editable(form, state).map((i) => form.slots[i]!.label) });
      return true;
    }
    await ctx.reply(coreText.form.unknownConfirm, { options: [...coreText.form.confirmOptions] });
    return true;
  }

  private async onChooseEdit(ctx: Context, form: FormDefinition, state: FormState): Promise<boolean> {
    const slotIndex = this.slotNamed(form, state, ctx.text);
    if (slotIndex !== undefined) return this.editSlot(ctx, form, state, slotIndex);
    if (isOneOf(BACK_WORDS, ctx.text) || isOneOf(CONFIRM_WORDS, ctx.text)) {
      state.step = 'confirm';
      await this.askConfirm(ctx, form, state);
      return true;
    }
    await ctx.reply(coreText.form.chooseEdit, { options: this.editable(form, state).map((i) => form.slots[i]!.label) });
    return true;
  }

  private async editSlot(ctx: Context, form: FormDefinition, state: FormState, index: number): Promise<boolean> {
    state.step = index;
    state.editing = true;
    await this.ask(ctx, form, state);
    return true;
  }

  /** A slot the text names (“修改电话”, “电话”), among those asked. */
  private slotNamed(form: FormDefinition, state: FormState, text: string): number | undefined {
    const said = normaliseControl(text).replace(/^(修改|改|更改)/, '');
    if (!said) return undefined;
    return this.editable(form, state).find((i) => normaliseControl(form.slots[i]!.label) === said);
  }

  private editable(form: FormDefinition, state: FormState): number[] {
    return form.slots.map((_, i) => i).filter((i) => form.slots[i]!.when?.(state.values) ?? true);
  }

  /** Move to the next unanswered slot, or to confirmation / submission when all are answered. */
  private async advance(ctx: Context, form: FormDefinition, state: FormState): Promise<void> {
    const next = form.slots.findIndex((s) => !(s.name in state.values) && (s.when?.(state.values) ?? true));
    if (next >= 0) {
      state.step = next;
      await this.ask(ctx, form, state);
      return;
    }
    if (form.confirm) {
      state.step = 'confirm';
      await this.askConfirm(ctx, form, state);
      return;
    }
    this.clear(ctx);
    await form.submit(state.values, ctx);
  }

  private async ask(ctx: Context, form: FormDefinition, state: FormState, problem?: string): Promise<void> {
    const slot = form.slots[state.step as number]!;
    const prompt = typeof slot.prompt === 'function' ? slot.prompt(state.values) : slot.prompt;
    const hint = slot.optional ? coreText.form.optionalHint : '';
    const question = `${prompt}${hint}`;
    const options = typeof slot.options === 'function' ? slot.options(state.values) : slot.options;
    const text = problem ? coreText.form.retry(problem, question) : question;
    this.save(ctx, state);
    await ctx.reply(state.history.length === 0 && !problem ? `${text}\n${coreText.form.controlsHint}` : text, { options });
  }

  private async askConfirm(ctx: Context, form: FormDefinition, state: FormState): Promise<void> {
    const lines = this.editable(form, state).map((i) => {
      const slot = form.slots[i]!;
      const value = state.values[slot.name];
      const shown =
        value === null || value === undefined ? coreText.form.notAnswered : slot.display ? slot.display(value) : String(value);
      return `${slot.label}：${shown}`;
    });
    this.save(ctx, state);
    await ctx.reply([coreText.form.confirmTitle(form.title), ...lines, coreText.form.confirmQuestion].join('\n'), {
      options: [...coreText.form.confirmOptions],
    });
  }

  private save(ctx: Context, state: FormState): void {
    ctx.conversation.formState = state;
  }

  private clear(ctx: Context): void {
    ctx.conversation.activeForm = null;
    ctx.conversation.formState = null;
  }
}

/** Labels of options, for rendering. */
export const labelsOf = (options: Option[] | undefined): string[] => (options ?? []).map(optionLabel);
