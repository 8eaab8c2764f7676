/**
 * Events pages (admins): the list, the create form and the edit form, all through
 * {@link EventService}. A bad field re-renders the form with the posted values and a Chinese
 * note next to the field; nothing is written. Raising the capacity promotes the waitlist and
 * tells those promoted, as the chat does after a cancellation.
 */
import { z } from 'zod';
import { hallById } from '../../../domains/events/halls.js';
import { sendPromotionNotices } from '../../../domains/events/notices.js';
import { tagsOf, type EventService } from '../../../domains/events/service.js';
import type { SignupService } from '../../../domains/events/signups.js';
import { consoleActor } from '../../audit.js';
import { formatTime, positiveInt } from '../../format.js';
import { html } from '../../html.js';
import { redirect, staffRoute, type AdminResponse, type AdminRoute, type StaffRequest } from '../../http.js';
import type { ConsoleContext } from '../../module.js';
import { eventForm, eventInput, fieldErrors, toLocalInput, type FieldErrors, type FormValues } from './form.js';
import { eventsAdminText as t } from './text.js';

/** Most events the list shows (newest start first). */
const LIST_LIMIT = 200;

function formValues(form: URLSearchParams): FormValues {
  const out: FormValues = {};
  for (const key of ['title', 'description', 'hallId', 'village', 'startsAt', 'endsAt', 'capacity', 'signupDeadline', 'status']) out[key] = form.get(key) ?? '';
  out.tags = form.getAll('tags');
  return out;
}

/** The events routes. */
export function eventRoutes(ctx: ConsoleContext, events: EventService, signups: SignupService): AdminRoute[] {
  const { prisma, clock, bot } = ctx;
  const c = t.list.columns;

  const renderForm = (req: StaffRequest, action: string, title: string, values: FormValues, errors: FieldErrors, editing: boolean, status = 200): AdminResponse =>
    req.view(title, eventForm({ action, staff: req.staff, values, errors, editing }), {
      status,
      notice: Object.keys(errors).length ? { kind: 'error', text: t.form.invalid } : null,
    });

  async function save(req: StaffRequest, id: number | null): Promise<AdminResponse> {
    const input = eventInput(req.form);
    const actor = consoleActor(req.staff.account.username);
    const now = clock();
    const action = id === null ? '/admin/events' : `/admin/events/${id}`;
    const title = id === null ? t.form.newTitle : t.form.editTitle(id);
    try {
      if (id === null) {
        await events.createEvent(input, actor, now);
        return redirect('/admin/events?notice=created');
      }
      await events.updateEvent(id, input, actor, now);
    } catch (err) {
      if (err instanceof z.ZodError) return renderForm(req, action, title, formValues(req.form), fieldErrors(err), id !== null, 422);
      throw err;
    }
    // More places may let waitlisted parties in: promote them and tell them, as the chat does.
    const promoted = await signups.promote(id, now);
    if (promoted.length > 0) await sendPromotionNotices(prisma, (residentId, reply) => bot.notify([{ residentId }], reply), now);
    return redirect(`/admin/events?notice=${promoted.length > 0 ? `promoted&n=${promoted.length}` : 'updated'}`);
  }

  return [
    staffRoute('GET', '/admin/events', ['admin'], async (req) => {
      const now = clock();
      const rows = await prisma.event.findMany({ orderBy: [{ startsAt: 'desc' }, { id: 'desc' }], take: LIST_LIMIT });
      const facts = new Map((await events.facts(rows)).map((f) => [f.id, f]));
      const people = await prisma.eventSignup.groupBy({ by: ['eventId'], where: { eventId: { in: rows.map((r) => r.id) }, status: 'confirmed' }, _sum: { partySize: true } });
      const confirmed = new Map(people.map((p) => [p.eventId, p._sum.partySize ?? 0]));
      const key = req.query.get('notice');
      const n = positiveInt(req.query.get('n')) ?? 0;
      const notice =
        key === 'created' ? t.notices.created : key === 'updated' ? t.notices.updated : key === 'promoted' ? t.notices.promoted(n) : null;
      const body = html`<p><a href="/admin/events/new">${t.list.create}</a></p>
${
  rows.length === 0
    ? html`<p class="empty">${t.list.empty}</p>`
    : html`<table class="events"><thead><tr><th>${c.id}</th><th>${c.title}</th><th>${c.hall}</th><th>${c.time}</th><th>${c.capacity}</th><th>${c.signed}</th><th>${c.status}</th><th>${c.actions}</th></tr></thead><tbody>
${rows.map(
  (e) => html`<tr data-id="${e.id}"><td>${e.id}</td><td>${e.title}<br><span class="hint">${tagsOf(e).join('、')}</span></td>
<td>${hallById(e.hallId)?.name ?? e.hallId}</td><td class="nowrap">${formatTime(e.startsAt)}${e.endsAt < now ? t.list.past : ''}</td><td>${e.capacity}</td>
<td>${t.list.signed(confirmed.get(e.id) ?? 0, facts.get(e.id)?.waitlisted ?? 0)}</td><td>${t.list.status[e.status] ?? e.status}</td>
<td class="nowrap"><a href="/admin/events/${e.id}/edit">${t.list.edit}</a> · <a href="/admin/broadcasts?event=${e.id}">${t.list.broadcast}</a></td></tr>`,
)}
</tbody></table>`
}`;
      return req.view(t.list.title, body, { notice: notice ? { kind: 'ok', text: notice } : null });
    }),
    staffRoute('GET', '/admin/events/new', ['admin'], (req) => renderForm(req, '/admin/events', t.form.newTitle, { tags: [] }, {}, false)),
    staffRoute('POST', '/admin/events', ['admin'], (req) => save(req, null)),
    staffRoute('GET', '/admin/events/:id/edit', ['admin'], async (req) => {
      const id = positiveInt(req.params.id);
      const e = id === null ? null : await events.get(id);
      if (!e) return req.view(t.list.title, html`<p class="empty">${t.list.empty}</p>`, { status: 404 });
      const values: FormValues = {
        title: e.title,
        description: e.description,
        hallId: e.hallId,
        village: e.village,
        startsAt: toLocalInput(e.startsAt),
        endsAt: toLocalInput(e.endsAt),
        capacity: String(e.capacity),
        signupDeadline: toLocalInput(e.signupDeadline),
        status: e.status,
        tags: tagsOf(e),
      };
      return renderForm(req, `/admin/events/${e.id}`, t.form.editTitle(e.id), values, {}, true);
    }),
    staffRoute('POST', '/admin/events/:id', ['admin'], async (req) => {
      const id = positiveInt(req.params.id);
      if (id === null || !(await events.get(id))) return req.view(t.list.title, html`<p class="empty">${t.list.empty}</p>`, { status: 404 });
      return save(req, id);
    }),
  ];
}
