/**
 * The event form and the broadcast form: reading the posted fields into the events service's
 * input, rendering the forms (values kept, each refusal in Chinese next to its field), and
 * turning the service's zod errors into those per-field messages.
 */
import { z } from 'zod';
import { allHalls } from '../../../domains/events/halls.js';
import { EVENT_TAGS } from '../../../domains/events/text.js';
import type { NewEvent } from '../../../domains/events/service.js';
import type { NewBroadcast } from '../../../domains/events/broadcast.js';
import { allPlaces } from '../../../nlu/entities/places.js';
import { html, type SafeHtml } from '../../html.js';
import type { StaffContext } from '../../http.js';
import { csrfField } from '../../layout.js';
import { eventsAdminText as t } from './text.js';

/** Field name → the message shown next to it. */
export type FieldErrors = Record<string, string>;

/**
 * A `datetime-local` value (`2026-12-05T14:00`) read as Quzhou time; null when empty or not a
 * time (the service then refuses the field).
 */
export function shanghaiLocal(value: string | null): Date | null {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})$/.exec((value ?? '').trim());
  if (!m) return null;
  const d = new Date(`${m[1]}T${m[2]}:00+08:00`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** An instant as a `datetime-local` value in Quzhou time. */
export function toLocalInput(at: Date | null | undefined): string {
  return at ? new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16) : '';
}

/** The posted event fields as the service's input (strings left for the service to judge). */
export function eventInput(form: URLSearchParams): NewEvent {
  const village = form.get('village');
  const deadline = shanghaiLocal(form.get('signupDeadline'));
  const capacity = (form.get('capacity') ?? '').trim();
  return {
    title: form.get('title') ?? '',
    description: form.get('description') ?? '',
    hallId: form.get('hallId') ?? '',
    ...(village ? { village } : {}),
    // An unreadable time is passed as an invalid date so the service names the field.
    startsAt: shanghaiLocal(form.get('startsAt')) ?? new Date(Number.NaN),
    endsAt: shanghaiLocal(form.get('endsAt')) ?? new Date(Number.NaN),
    capacity: /^\d{1,6}$/.test(capacity) ? Number(capacity) : Number.NaN,
    ...(deadline ? { signupDeadline: deadline } : {}),
    tags: form.getAll('tags') as NewEvent['tags'],
    ...(form.get('status') ? { status: form.get('status') as 'open' | 'cancelled' } : {}),
  };
}

/** The first problem of each field of a ZodError, in Chinese. */
export function fieldErrors(err: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of err.issues) {
    const top = String(issue.path[0] ?? '');
    const field = top === 'audience' ? 'audience' : top;
    if (!(field in out)) out[field] = t.errors[field] ?? t.form.invalid;
  }
  return out;
}

/** The values a form shows (as posted, or from the event being edited). */
export type FormValues = Record<string, string | string[]>;

const value = (v: FormValues, k: string) => (Array.isArray(v[k]) ? '' : ((v[k] as string | undefined) ?? ''));
const errorOf = (errors: FieldErrors, k: string) => (errors[k] ? html`<span class="field-error notice-error" role="alert" id="error-${k}">${errors[k]}</span>` : '');

function field(label: string, name: string, control: SafeHtml, errors: FieldErrors): SafeHtml {
  return html`<p class="field"><label>${label}<br>${control}</label> ${errorOf(errors, name)}</p>`;
}

/** The event form (create or edit). */
export function eventForm(input: { action: string; staff: StaffContext; values: FormValues; errors: FieldErrors; editing: boolean }): SafeHtml {
  const { values: v, errors: e } = input;
  const f = t.form.fields;
  const tags = Array.isArray(v.tags) ? v.tags : [];
  const selected = (on: boolean) => (on ? html` selected` : '');
  return html`<form method="post" action="${input.action}" class="event-form">${csrfField(input.staff)}
${field(f.title, 'title', html`<input name="title" value="${value(v, 'title')}" maxlength="60" required size="40">`, e)}
${field(f.description, 'description', html`<textarea name="description" rows="3" cols="60" maxlength="1000">${value(v, 'description')}</textarea>`, e)}
${field(
  f.hallId,
  'hallId',
  html`<select name="hallId" required><option value="">${t.broadcasts.choose}</option>${allHalls().map(
    (h) => html`<option value="${h.id}"${selected(value(v, 'hallId') === h.id)}>${h.name}</option>`,
  )}</select>`,
  e,
)}
${field(
  f.village,
  'village',
  html`<select name="village"><option value="">${t.form.villageDefault}</option>${allPlaces().map(
    (p) => html`<option value="${p.id}"${selected(value(v, 'village') === p.id)}>${p.name}</option>`,
  )}</select>`,
  e,
)}
${field(f.startsAt, 'startsAt', html`<input type="datetime-local" name="startsAt" value="${value(v, 'startsAt')}" required>`, e)}
${field(f.endsAt, 'endsAt', html`<input type="datetime-local" name="endsAt" value="${value(v, 'endsAt')}" required>`, e)}
${field(f.capacity, 'capacity', html`<input type="number" name="capacity" value="${value(v, 'capacity')}" min="1" max="5000" required>`, e)}
${field(f.signupDeadline, 'signupDeadline', html`<input type="datetime-local" name="signupDeadline" value="${value(v, 'signupDeadline')}">`, e)}
<fieldset class="field"><legend>${f.tags}</legend>${EVENT_TAGS.map(
    (tag) => html`<label><input type="checkbox" name="tags" value="${tag}"${tags.includes(tag) ? html` checked` : ''}> ${tag}</label> `,
  )} ${errorOf(e, 'tags')}</fieldset>
${
  input.editing
    ? field(
        f.status,
        'status',
        html`<select name="status">${(['open', 'cancelled'] as const).map((s) => html`<option value="${s}"${selected(value(v, 'status') === s)}>${t.list.status[s]}</option>`)}</select>`,
        e,
      )
    : ''
}
<p><button type="submit">${input.editing ? t.form.save : t.form.create}</button></p>
</form>`;
}

/** The posted broadcast fields as the service's input. */
export function broadcastInput(form: URLSearchParams): NewBroadcast {
  const kind = form.get('audience') ?? '';
  const id = (name: string) => {
    const raw = (form.get(name) ?? '').trim();
    return /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
  };
  const audience =
    kind === 'village'
      ? { kind, village: form.get('village') ?? '' }
      : kind === 'tag'
        ? { kind, tag: form.get('tag') ?? '' }
        : kind === 'event'
          ? { kind, eventId: id('audienceEvent') ?? 0 }
          : { kind };
  const eventId = id('eventId');
  // Shapes the service validates; a wrong kind or value comes back as a ZodError on `audience`.
  return { text: form.get('text') ?? '', audience: audience as NewBroadcast['audience'], ...(eventId ? { eventId } : {}) };
}

/** The broadcast form. `events` are the ones offered as audience or attachment. */
export function broadcastForm(input: {
  staff: StaffContext;
  values: FormValues;
  errors: FieldErrors;
  events: ReadonlyArray<{ id: number; title: string }>;
}): SafeHtml {
  const { values: v, errors: e } = input;
  const b = t.broadcasts;
  const selected = (on: boolean) => (on ? html` selected` : '');
  const kind = value(v, 'audience') || 'all';
  const eventOptions = (name: string) =>
    input.events.map((ev) => html`<option value="${ev.id}"${selected(value(v, name) === String(ev.id))}>#${ev.id} ${ev.title}</option>`);
  return html`<form method="post" action="/admin/broadcasts" class="broadcast-form">${csrfField(input.staff)}
${field(b.text, 'text', html`<textarea name="text" rows="4" cols="70" maxlength="1000" required>${value(v, 'text')}</textarea>`, e)}
<fieldset class="field"><legend>${b.audience}</legend>
${(['all', 'village', 'tag', 'event'] as const).map(
  (k) => html`<label><input type="radio" name="audience" value="${k}"${kind === k ? html` checked` : ''}> ${b.audiences[k]}</label> `,
)}
${errorOf(e, 'audience')}
<p><label>${b.village} <select name="village"><option value="">${b.choose}</option>${allPlaces().map(
    (p) => html`<option value="${p.id}"${selected(value(v, 'village') === p.id)}>${p.name}</option>`,
  )}</select></label>
<label>${b.tag} <select name="tag"><option value="">${b.choose}</option>${EVENT_TAGS.map((tag) => html`<option value="${tag}"${selected(value(v, 'tag') === tag)}>${tag}</option>`)}</select></label>
<label>${b.event} <select name="audienceEvent"><option value="">${b.choose}</option>${eventOptions('audienceEvent')}</select></label></p>
</fieldset>
${field(b.attachEvent, 'eventId', html`<select name="eventId"><option value="">${b.noEvent}</option>${eventOptions('eventId')}</select>`, e)}
<p><button type="submit">${b.send}</button></p>
</form>`;
}
