/**
 * The enrolment form (医保参保登记): relation, name, ID number, household village, category,
 * phone, then a confirmation with masked data. Personal answers are sealed as soon as they are
 * parsed — the form state saved between turns holds ciphertext and masked copies only — and
 * the stored inbound message that carried them is masked.
 */
import { z } from 'zod';
import type { Context } from '../../core/context.js';
import { defineForm, type FormDefinition, type SlotDefinition } from '../../core/forms.js';
import { checkIdNumber, findIdNumbers } from '../../nlu/entities/idNumber.js';
import { parseMobile } from '../../nlu/entities/phone.js';
import { allPlaces, findPlaces, placeById } from '../../nlu/entities/places.js';
import { maskIdNumber, maskPhone } from '../../privacy/mask.js';
import type { PiiVault } from '../../privacy/vault.js';
import type { InboundRedactor } from '../privacy/redact.js';
import { ageGroupFor, NO_SUBSIDY, type AgeGroup } from './policy.js';
import { maskName, NAME_PATTERN, RELATIONS, type InsuranceService } from './service.js';
import { insuranceText as t, shortDate } from './text.js';

/** The form's name, for `ctx.startForm`. */
export const ENROL_FORM = 'insurance.enroll';

/** A personal value as the form keeps it: encrypted, with a masked copy to show. */
export interface Sealed {
  cipher: string;
  masked: string;
}
/** A sealed ID number with what the form shows and needs. */
export interface SealedId extends Sealed {
  group: AgeGroup;
  age: number;
}

type Parsed<T> = T | { problem: string };

/** Accepts a parsed value, or fails with the problem the parser found (shown to the resident). */
const parsedOrProblem = z.any().superRefine((v, ctx) => {
  if (v === null || v === undefined || typeof v !== 'object') ctx.addIssue({ code: 'custom', message: '请再说一遍。' });
  else if ('problem' in v) ctx.addIssue({ code: 'custom', message: String((v as { problem: string }).problem) });
});

/** The relation named in a text (“给我爸办” → 父母), or undefined. A bare `我` counts (as 本人) only when `loose`. */
export function relationIn(text: string, loose: boolean): string | undefined {
  const kw = t.form.relation.keywords;
  const order = ['配偶', '子女', '父母', '其他', '本人'] as const;
  const found = order.find((r) => kw[r]!.some((k) => (k === '我' ? loose && text.includes(k) : text.includes(k))));
  return found;
}

/** Seal an ID number typed in a text, or say what is wrong with it. */
export function sealIdNumber(text: string, vault: PiiVault, now: Date, coverageStart: string): Parsed<SealedId> {
  const candidate = findIdNumbers(text, { today: now })[0]?.text ?? text;
  const checked = checkIdNumber(candidate, { today: now });
  if (!checked.ok) return { problem: t.form.idNumber.problems[checked.reason]! };
  const { group, age } = ageGroupFor(checked.birthDate, coverageStart);
  return { cipher: vault.encrypt(checked.normalised), masked: maskIdNumber(checked.normalised), group, age };
}

/** Seal a mobile number typed in a text, or say what is wrong with it. */
export function sealPhone(text: string, vault: PiiVault): Parsed<Sealed> {
  const phone = parseMobile(text);
  return phone ? { cipher: vault.encrypt(phone), masked: maskPhone(phone) } : { problem: t.form.phone.invalid };
}

/** The subsidy category named in a text (label, alias, or the “普通” option). */
function categoryIn(text: string, service: InsuranceService, now: Date): string | undefined {
  const year = service.policy.enrolmentYear(now);
  if (text.includes(t.form.category.none) || t.form.category.noneWords.some((w) => text.includes(w))) return NO_SUBSIDY;
  return year.subsidisedCategories.find((c) => text.includes(c.label) || c.aliases.some((a) => text.includes(a)))?.id;
}

/** Build the enrolment form. */
export function enrolForm(deps: { service: InsuranceService; vault: PiiVault; redactor: InboundRedactor }): FormDefinition {
  const { service, vault, redactor } = deps;
  const policy = service.policy;
  const coverageStart = (ctx: Context) => policy.enrolmentYear(ctx.now).coverage.start;

  const slots: SlotDefinition[] = [
    {
      name: 'relation',
      label: t.form.relation.label,
      prompt: t.form.relation.prompt,
      options: [...t.form.relation.options],
      parse: (text) => relationIn(text, true) ?? text,
      schema: z.enum(RELATIONS, { error: t.form.relation.invalid }),
    },
    {
      name: 'name',
      label: t.form.name.label,
      prompt: (v) => t.form.name.prompt(String(v.relation)),
      parse: (text, ctx) => {
        const name = text.replace(/^(我叫|名字是|名字叫|姓名是?|叫)[:：\s]*/, '').replace(/[。.!！\s]+$/, '').trim();
        redactor.replace(ctx.inboundId, '[姓名已隐藏]');
        const isRelationWord = Object.values(t.form.relation.keywords).some((words) => words.includes(name));
        return NAME_PATTERN.test(name) && !isRelationWord ? { cipher: vault.encrypt(name), masked: maskName(name) } : { problem: t.form.name.invalid };
      },
      schema: parsedOrProblem,
      display: (v) => (v as Sealed).masked,
    },
    {
      name: 'idNumber',
      label: t.form.idNumber.label,
      prompt: t.form.idNumber.prompt,
      parse: (text, ctx) => {
        const sealed = sealIdNumber(text, vault, ctx.now, coverageStart(ctx));
        redactor.replace(ctx.inboundId, 'masked' in sealed ? `[身份证号已隐藏 ${sealed.masked}]` : '[身份证号已隐藏]');
        return sealed;
      },
      schema: parsedOrProblem,
      display: (v) => t.form.idNumber.shown((v as SealedId).masked, (v as SealedId).group, (v as SealedId).age),
    },
    {
      name: 'village',
      label: t.form.village.label,
      prompt: t.form.village.prompt,
      options: allPlaces().map((p) => p.name),
      parse: (text) => findPlaces(text)[0]?.value.id ?? text,
      schema: z.string().refine((id) => placeById(id) !== undefined, t.form.village.invalid),
      display: (v) => placeById(String(v))?.name ?? String(v),
    },
    {
      name: 'category',
      label: t.form.category.label,
      prompt: t.form.category.prompt,
      options: () => [t.form.category.none, ...policy.years[0]!.subsidisedCategories.map((c) => c.label)],
      parse: (text, ctx) => categoryIn(text, service, ctx.now) ?? text,
      schema: z.string().refine((id) => id === NO_SUBSIDY || policy.years.some((y) => policy.category(y, id)), t.form.category.invalid),
      display: (v) => {
        const c = policy.years.map((y) => policy.category(y, String(v))).find(Boolean);
        return c ? t.form.category.shown(c.label, c.proof) : t.form.category.none;
      },
    },
    {
      name: 'phone',
      label: t.form.phone.label,
      prompt: t.form.phone.prompt,
      parse: (text, ctx) => {
        const sealed = sealPhone(text, vault);
        redactor.replace(ctx.inboundId, 'masked' in sealed ? `[手机号已隐藏 ${sealed.masked}]` : '[手机号已隐藏]');
        return sealed;
      },
      schema: parsedOrProblem,
      display: (v) => (v as Sealed).masked,
    },
  ];

  return defineForm({
    name: ENROL_FORM,
    title: t.form.title,
    confirm: true,
    slots,
    async submit(values, ctx) {
      await redactor.flush();
      const result = await service.apply({
        residentId: ctx.resident.id,
        relation: values.relation as (typeof RELATIONS)[number],
        name: vault.decrypt((values.name as Sealed).cipher),
        idNumber: vault.decrypt((values.idNumber as SealedId).cipher),
        village: values.village as string,
        category: values.category as string,
        phone: values.phone ? vault.decrypt((values.phone as Sealed).cipher) : null,
        now: ctx.now,
      });
      if (!result.ok) {
        if (result.reason === 'duplicate') {
          const e = result.existing;
          await ctx.reply(t.duplicate(e.id, e.idMasked, t.statusNames[e.status] ?? e.status, shortDate(e.createdAt)), {
            options: [{ label: t.statusOption, intent: 'insurance.status' }],
          });
          return;
        }
        // The form validated every answer; a refusal here means the policy changed under it.
        throw new Error(`enrolment refused: ${result.reason}`);
      }
      const a = result.application;
      const year = policy.year(a.coverageYear)!;
      const category = policy.category(year, a.category);
      await ctx.reply(
        t.submitted(a.id, year.label, result.personalShare, category?.proof ?? null, policy.windowState(year, ctx.now), year.enrolment.end),
        { options: [{ label: t.statusOption, intent: 'insurance.status' }, { label: t.enrolAnother, intent: 'insurance.enroll' }] },
      );
      await ctx.notify(
        { role: 'admin' },
        t.staffNew(a.id, year.label, a.relation, a.nameMasked, a.idMasked, placeById(a.village)?.name ?? a.village, category?.label ?? t.form.category.none),
      );
    },
  });
}
