/**
 * The jobs forms: seeker registration (求职登记, also used to edit a profile) and a
 * labour-rights request (维权求助).
 */
import { z } from 'zod';
import { defineForm, type FormDefinition } from '../../core/forms.js';
import { parseMobile } from '../../nlu/entities/phone.js';
import { findPlaces, placeById } from '../../nlu/entities/places.js';
import { maskPhone } from '../../privacy/mask.js';
import { CATEGORY_NAMES, categoriesIn } from './categories.js';
import type { LaborService } from './labor.js';
import type { Availability, SeekerService } from './seekers.js';
import { jobsText } from './text.js';

const t = jobsText.register;
/** Form names, for `ctx.startForm`. */
export const REGISTER_FORM = 'jobs.register';
export const EDIT_FORM = 'jobs.register.edit';
export const LABOR_FORM = 'jobs.labor';

const ANY = /^(都行|都可以|不限|随便|哪里都行|什么都行|啥都行|都能干|无所谓)[。!！]?$/;
const NONE = /^(没有|无|不会|啥也不会|没啥|没)[。!！]?$/;
const PHONE = z.string({ error: t.phone.invalid }).regex(/^1[3-9]\d{9}$/, t.phone.invalid);
const AVAILABILITY: ReadonlyArray<readonly [RegExp, Availability]> = [
  [/都可以|都行|不限|随便/, 'any'],
  [/日结|临时|零工|短期/, 'daywork'],
  [/兼职|半天|钟点|小时/, 'parttime'],
  [/全职|长期|正式/, 'fulltime'],
];
const AVAILABILITY_NAMES: Record<Availability, string> = { fulltime: '全职长期', daywork: '日结/临时', parttime: '兼职（半天、钟点）', any: '都可以' };

const joined = (v: unknown, empty: string): string => ((v as string[]).length ? (v as string[]).join('、') : empty);

/** Build the registration form over the seeker service; `edit` opens on the confirmation of a saved profile. */
export function registerForm(seekers: SeekerService, edit: boolean): FormDefinition {
  return defineForm({
    name: edit ? EDIT_FORM : REGISTER_FORM,
    title: t.title,
    intro: edit ? t.editIntro : t.intro,
    confirm: true,
    slots: [
      {
        name: 'name',
        label: t.name.label,
        prompt: t.name.prompt,
        parse: (text) => text.replace(/^(我叫|我是|叫我|姓名[:：]?|名字[:：]?)/, '').trim(),
        schema: z.string().min(2, t.name.invalid).max(20, t.name.invalid),
      },
      { name: 'phone', label: t.phone.label, prompt: t.phone.prompt, parse: (text) => parseMobile(text), schema: PHONE, display: (v) => maskPhone(String(v)) },
      {
        name: 'skills',
        label: t.skills.label,
        prompt: t.skills.prompt,
        options: [...t.skills.options],
        parse: (text) => (NONE.test(text.trim()) ? [] : text.split(/[,，、;；\s]+|和|还有/).map((s) => s.trim()).filter(Boolean)),
        schema: z.array(z.string().max(20, t.skills.invalid), { error: t.skills.invalid }).max(10, t.skills.invalid),
        display: (v) => joined(v, t.none),
      },
      {
        name: 'categories',
        label: t.categories.label,
        prompt: t.categories.prompt,
        options: [...CATEGORY_NAMES.slice(0, 8), t.categories.any],
        parse: (text) => (ANY.test(text.trim()) ? [] : categoriesIn(text).length ? categoriesIn(text) : null),
        schema: z.array(z.string(), { error: t.categories.invalid }),
        display: (v) => joined(v, t.anywhere),
      },
      {
        name: 'areas',
        label: t.areas.label,
        prompt: t.areas.prompt,
        parse: (text) => (ANY.test(text.trim()) ? [] : findPlaces(text).length ? [...new Set(findPlaces(text).map((p) => p.value.id))] : null),
        schema: z.array(z.string(), { error: t.areas.invalid }),
        display: (v) => joined((v as string[]).map((id) => placeById(id)?.name ?? id), t.anywhere),
      },
      {
        name: 'availability',
        label: t.availability.label,
        prompt: t.availability.prompt,
        options: [...t.availability.options],
        parse: (text) => AVAILABILITY.find(([re]) => re.test(text))?.[1] ?? text,
        schema: z.enum(['fulltime', 'daywork', 'parttime', 'any'], { error: t.availability.invalid }),
        display: (v) => AVAILABILITY_NAMES[v as Availability],
      },
      {
        name: 'notify',
        label: t.notify.label,
        prompt: t.notify.prompt,
        options: [...t.notify.options],
        parse: (text) => (/不用|不要|不需要|否|别|算了/.test(text) ? false : /要|好|是|可以|行|通知|接收|嗯/.test(text) ? true : null),
        schema: z.boolean({ error: t.notify.invalid }),
        display: (v) => (v ? t.notify.yes : t.notify.no),
      },
    ],
    async submit(values, ctx) {
      const { profile, created } = await seekers.save(
        ctx.resident.id,
        {
          name: values.name as string,
          phone: values.phone as string,
          skills: values.skills as string[],
          categories: values.categories as string[],
          areas: values.areas as string[],
          availability: values.availability as Availability,
          notify: values.notify as boolean,
        },
        ctx.now,
      );
      await ctx.reply(created ? t.saved(profile.phoneMasked ?? '', profile.notify) : t.updated(profile.phoneMasked ?? ''));
    },
  });
}

/** Build the labour-rights form: what happened, the employer, an optional phone; forwarded to hub staff. */
export function laborForm(labor: LaborService): FormDefinition {
  const l = jobsText.labor;
  return defineForm({
    name: LABOR_FORM,
    title: l.title,
    confirm: true,
    slots: [
      { name: 'what', label: l.what.label, prompt: l.what.prompt, schema: z.string().trim().min(5, l.what.tooShort).max(1000, l.what.tooLong) },
      { name: 'employer', label: l.employer.label, prompt: l.employer.prompt, optional: true, schema: z.string().trim().min(1, l.employer.invalid).max(100, l.employer.invalid) },
      {
        name: 'phone',
        label: l.phone.label,
        prompt: l.phone.prompt,
        optional: true,
        parse: (text) => parseMobile(text),
        schema: z.string({ error: l.phone.invalid }).regex(/^1[3-9]\d{9}$/, l.phone.invalid),
        display: (v) => maskPhone(String(v)),
      },
    ],
    async submit(values, ctx) {
      const employer = (values.employer as string | null) ?? null;
      const saved = await labor.create({ residentId: ctx.resident.id, what: values.what as string, employer, phone: (values.phone as string | null) ?? null, at: ctx.now });
      await ctx.reply(l.saved(saved.id));
      const who = ctx.resident.displayName ?? jobsText.apply.anonymous;
      await ctx.notify({ role: 'hub_staff' }, l.staffNotice(saved.id, who, values.what as string, employer, saved.phoneMasked));
    },
  });
}
