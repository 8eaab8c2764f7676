/**
 * The 随手拍 form: category (inferred when the words say it), description, village or shared
 * location, address, up to three photos, anonymous or not, then confirmation. Photos sent at
 * any step are kept (conversation memory) so a resident who sends a picture first loses nothing.
 */
import { z } from 'zod';
import type { Context } from '../../core/context.js';
import { defineForm, type FormDefinition } from '../../core/forms.js';
import { normaliseControl } from '../../core/text.js';
import { allPlaces, findPlaces } from '../../nlu/entities/places.js';
import type { UrgentKind } from '../../nlu/urgent-words.js';
import { CATEGORIES, categoryFromAnswer, categoryName, type CategoryCode } from './categories.js';
import { MAX_DESCRIPTION, MAX_PHOTOS, type ReportPhoto } from './service.js';
import { PHOTOS_DONE_WORDS, hazardsText as t } from './text.js';

/** The form's name, for `ctx.startForm`. */
export const HAZARD_FORM = 'hazard.report';
/** Conversation memory: photos received while the form runs. */
export const PHOTOS_KEY = 'hazardPhotos';
/** Conversation memory: the urgent kind, when the report is urgent. */
export const URGENT_KEY = 'hazardUrgent';

/** Where a report is: a village (or none: other places) and the sub-place named, or a shared location. */
export interface PlaceAnswer {
  placeId: string | null;
  via?: string | null;
  latitude?: number;
  longitude?: number;
}

/** What the form hands to `submit`. */
export interface HazardAnswers {
  category: CategoryCode;
  description: string;
  place: PlaceAnswer;
  address: string | null;
  photos: ReportPhoto[];
  anonymous: boolean;
  urgentKind: UrgentKind | null;
}

/** An answer that is not one: parse returns it to re-ask with `say` as the reason. */
type Say = { say: string };
const isSay = (v: unknown): v is Say => typeof v === 'object' && v !== null && 'say' in v;
const sayable = (schema: z.ZodType) =>
  z
    .unknown()
    .superRefine((v, ctx) => {
      if (isSay(v)) ctx.addIssue({ code: 'custom', message: v.say });
    })
    .pipe(schema);

/** Photos received so far in this form. */
export function photosInMemory(ctx: Context): ReportPhoto[] {
  return (ctx.memory[PHOTOS_KEY] as ReportPhoto[] | undefined) ?? [];
}

/**
 * Keep the images of this message, unless they would make more than three: then none of them
 * is kept (`refused`) and the resident is told. Returns what to say, or null when the message
 * had no image.
 */
export function collectPhotos(ctx: Context): { say: string; refused: boolean } | null {
  const images = (ctx.inbound.attachments ?? []).filter((a) => a.kind === 'image');
  if (images.length === 0) return null;
  const had = photosInMemory(ctx);
  if (had.length + images.length > MAX_PHOTOS) return { say: t.photos.tooMany(had.length), refused: true };
  const kept = [...had, ...images.map((a) => ({ path: a.path, sha256: a.sha256, ...(a.mime ? { mime: a.mime } : {}) }))];
  ctx.memory[PHOTOS_KEY] = kept;
  return { say: t.photos.received(kept.length), refused: false };
}

/** A slot parser that first keeps any photo of the message; a photo with no words re-asks. */
function photoAware(parse: (text: string, ctx: Context) => unknown) {
  return (text: string, ctx: Context): unknown => {
    const said = collectPhotos(ctx);
    if (said !== null && !text.trim()) return { say: said.refused ? said.say : t.photos.photoInOtherStep(photosInMemory(ctx).length) };
    return parse(text, ctx);
  };
}

/** Parse a place answer: a shared location, a village named, or “other places”. */
export function parsePlace(text: string, ctx: Context): PlaceAnswer | Say | undefined {
  const location = ctx.inbound.location;
  if (location) return { placeId: null, via: null, latitude: location.latitude, longitude: location.longitude };
  const found = findPlaces(text)[0];
  if (found) return { placeId: found.value.id, via: found.value.via ?? null };
  if (text.includes(t.place.other) || /不在(这些|上面)|别的地方|外面/.test(text)) return { placeId: null, via: null };
  return undefined;
}

const placeSchema = z.object(
  {
    placeId: z.string().nullable(),
    via: z.string().nullable().optional(),
    latitude: z.number().optional(),
    longitude: z.number().optional(),
  },
  { error: t.place.notFound },
);

/** How a place answer reads at confirmation. */
export function displayPlace(value: unknown): string {
  const p = value as PlaceAnswer;
  if (p.latitude !== undefined && p.longitude !== undefined) return t.place.location(p.latitude, p.longitude);
  if (!p.placeId) return t.place.unplaced;
  const name = allPlaces().find((x) => x.id === p.placeId)?.name ?? p.placeId;
  return p.via ? `${name}（${p.via}）` : name;
}

const photoSchema = z.array(z.object({ path: z.string(), sha256: z.string(), mime: z.string().optional() }).strict()).max(MAX_PHOTOS);

/** Build the form; `submit` gets the answers and the context. */
export function hazardForm(submit: (answers: HazardAnswers, ctx: Context) => Promise<void>): FormDefinition {
  return defineForm({
    name: HAZARD_FORM,
    title: t.title,
    intro: t.intro,
    confirm: true,
    slots: [
      {
        name: 'category',
        label: t.category.label,
        prompt: t.category.prompt,
        options: CATEGORIES.map((c) => c.name),
        parse: photoAware((text) => categoryFromAnswer(text) ?? text),
        schema: sayable(z.enum(CATEGORIES.map((c) => c.code) as [CategoryCode, ...CategoryCode[]], { error: t.category.notAnOption })),
        display: (v) => categoryName(String(v)),
      },
      {
        name: 'description',
        label: t.description.label,
        prompt: t.description.prompt,
        parse: photoAware((text) => text),
        schema: sayable(z.string().trim().min(4, t.description.tooShort).max(MAX_DESCRIPTION, t.description.tooLong(MAX_DESCRIPTION))),
      },
      {
        name: 'place',
        label: t.place.label,
        prompt: t.place.prompt,
        options: [...allPlaces().map((p) => p.name), t.place.other],
        parse: photoAware(parsePlace),
        schema: sayable(placeSchema),
        display: displayPlace,
      },
      {
        name: 'address',
        label: t.address.label,
        prompt: t.address.prompt,
        // A shared location says where already.
        when: (values) => (values.place as PlaceAnswer | undefined)?.latitude === undefined,
        parse: photoAware((text) => text),
        schema: sayable(z.string().trim().min(2, t.address.tooShort).max(100, t.address.tooLong)),
      },
      {
        name: 'photos',
        label: t.photos.label,
        prompt: t.photos.prompt,
        parse: (text, ctx) => {
          const said = collectPhotos(ctx);
          if (said !== null) return { say: said.say };
          if (PHOTOS_DONE_WORDS.includes(normaliseControl(text))) return photosInMemory(ctx);
          return { say: t.photos.waiting };
        },
        schema: sayable(photoSchema),
        display: (v) => ((v as ReportPhoto[]).length > 0 ? t.photos.count((v as ReportPhoto[]).length) : t.photos.none),
      },
      {
        name: 'anonymous',
        label: t.anonymous.label,
        prompt: t.anonymous.prompt,
        options: [...t.anonymous.options],
        parse: photoAware((text) => (/不匿名|不用匿名|实名|留名|真名/.test(text) ? false : /匿名|不留名|保密|不要名字|不想留名/.test(text) ? true : undefined)),
        schema: sayable(z.boolean({ error: t.anonymous.notAnOption })),
        display: (v) => (v ? t.anonymous.yes : t.anonymous.no),
      },
    ],
    async submit(values, ctx) {
      await submit(
        {
          category: values.category as CategoryCode,
          description: values.description as string,
          place: values.place as PlaceAnswer,
          address: (values.address as string | undefined) ?? null,
          // Memory, not the slot's value: a correction of the photo step adds to what was sent.
          photos: photosInMemory(ctx).slice(0, MAX_PHOTOS),
          anonymous: values.anonymous as boolean,
          urgentKind: (ctx.memory[URGENT_KEY] as UrgentKind | undefined) ?? null,
        },
        ctx,
      );
    },
  });
}
