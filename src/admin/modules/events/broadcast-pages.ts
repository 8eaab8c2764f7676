/**
 * Broadcast pages (admins): the form (text, audience, optional event) sent through
 * {@link BroadcastService.createBroadcast}, the list of recent broadcasts, and a broadcast's
 * page with live progress. The page is rendered with the counts of the moment; a static
 * script (the CSP allows no inline script) polls `/admin/api/broadcasts/:id` every second
 * and updates the figures until the broadcast is done, then shows the final report.
 *
 * HTTP-channel residents have no push: their messages wait in the inbox (outbox status
 * `pending`) until the resident opens it (`delivered`, counted as sent). The JSON says how
 * many pending messages are waiting that way, so staff can tell "waiting for the platform"
 * from "waiting for the resident".
 */
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { BroadcastService } from '../../../domains/events/broadcast.js';
import { placeById } from '../../../nlu/entities/places.js';
import { consoleActor } from '../../audit.js';
import { formatTime, positiveInt } from '../../format.js';
import { html } from '../../html.js';
import { jsonResponse, redirect, staffRoute, type AdminResponse, type AdminRoute, type StaffRequest } from '../../http.js';
import type { ConsoleContext } from '../../module.js';
import { broadcastForm, broadcastInput, fieldErrors, type FieldErrors, type FormValues } from './form.js';
import { eventsAdminText as t } from './text.js';

/** Where the progress script is served (a route of this module, same origin: allowed by the CSP). */
export const PROGRESS_SCRIPT = '/admin/assets/broadcast-progress.js';

/** Channels whose messages wait in an inbox the resident pulls (no push sender). */
const PULL_CHANNELS = ['http'];

/**
 * The script's source. From src it is ./public; from the build output (dist holds only
 * compiled .ts) it is the source folder next to it.
 */
function loadScript(): Buffer {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'public'), join(here, '..', '..', '..', '..', 'src', 'admin', 'modules', 'events', 'public')];
  const dir = candidates.find((d) => existsSync(join(d, 'broadcast-progress.js')));
  if (!dir) throw new Error(`admin console: broadcast-progress.js not found (looked in ${candidates.join(', ')})`);
  return readFileSync(join(dir, 'broadcast-progress.js'));
}

/** A broadcast's audience as staff read it. */
function audienceText(json: string, titles: Map<number, string>): string {
  try {
    const a = JSON.parse(json) as { kind: string; village?: string; tag?: string; eventId?: number };
    const detail =
      a.kind === 'village' ? (placeById(a.village ?? '')?.name ?? a.village ?? '') : a.kind === 'tag' ? (a.tag ?? '') : a.kind === 'event' ? `#${a.eventId} ${titles.get(a.eventId ?? 0) ?? ''}` : '';
    return t.broadcasts.audienceLabel(a.kind, detail.trim());
  } catch {
    return json;
  }
}

/** The broadcast routes. */
export function broadcastRoutes(ctx: ConsoleContext, broadcasts: BroadcastService): AdminRoute[] {
  const { prisma, clock } = ctx;
  const script = loadScript();
  const b = t.broadcasts;
  const p = t.progress;

  /** Progress with the count of messages waiting in pull inboxes. */
  async function progress(id: number) {
    const now = clock();
    const state = await broadcasts.broadcastProgress(id, now);
    if (!state) return null;
    const waitingInInbox = state.pending === 0 ? 0 : await prisma.outboundMessage.count({ where: { broadcastId: id, status: 'pending', channel: { in: PULL_CHANNELS } } });
    return { ...state, waitingInInbox };
  }

  async function listPage(req: StaffRequest, values: FormValues, errors: FieldErrors, status = 200): Promise<AdminResponse> {
    const now = clock();
    // Events worth a notice: not yet over, soonest first (the attachment and the sign-ups audience).
    const events = await prisma.event.findMany({ where: { endsAt: { gt: now } }, orderBy: { startsAt: 'asc' }, take: 100, select: { id: true, title: true } });
    const recent = await prisma.broadcast.findMany({ orderBy: { id: 'desc' }, take: 20 });
    const titles = new Map(
      (await prisma.event.findMany({ where: { id: { in: recent.flatMap((r) => (r.eventId ? [r.eventId] : [])) } }, select: { id: true, title: true } })).map((e) => [e.id, e.title]),
    );
    const c = b.columns;
    const body = html`<section class="panel"><h2>${b.formTitle}</h2>
${broadcastForm({ staff: req.staff, values, errors, events })}
</section>
<h2>${b.recent}</h2>
${
  recent.length === 0
    ? html`<p class="empty">${b.empty}</p>`
    : html`<table class="broadcasts"><thead><tr><th>${c.id}</th><th>${c.at}</th><th>${c.actor}</th><th>${c.audience}</th><th>${c.recipients}</th><th>${c.status}</th></tr></thead><tbody>
${recent.map(
  (r) => html`<tr><td><a href="/admin/broadcasts/${r.id}">#${r.id}</a></td><td class="nowrap">${formatTime(r.createdAt)}</td><td>${r.actor}</td>
<td>${audienceText(r.audience, titles)}</td><td>${r.recipients}</td><td>${b.status[r.status] ?? r.status}</td></tr>`,
)}
</tbody></table>`
}`;
    return req.view(b.title, body, { status, notice: Object.keys(errors).length ? { kind: 'error', text: t.form.invalid } : null });
  }

  return [
    staffRoute('GET', PROGRESS_SCRIPT, ['admin'], () => ({ status: 200, body: script, contentType: 'text/javascript; charset=utf-8' })),
    staffRoute('GET', '/admin/broadcasts', ['admin'], (req) => {
      // "通知报名者" from the events list: that event's sign-ups, with the event attached.
      const event = positiveInt(req.query.get('event'));
      const values: FormValues = event ? { audience: 'event', audienceEvent: String(event), eventId: String(event) } : {};
      return listPage(req, values, {});
    }),
    staffRoute('POST', '/admin/broadcasts', ['admin'], async (req) => {
      try {
        const { id } = await broadcasts.createBroadcast(broadcastInput(req.form), clock(), consoleActor(req.staff.account.username));
        return redirect(`/admin/broadcasts/${id}`);
      } catch (err) {
        if (!(err instanceof z.ZodError)) throw err;
        const values: FormValues = {};
        for (const key of ['text', 'audience', 'village', 'tag', 'audienceEvent', 'eventId']) values[key] = req.form.get(key) ?? '';
        return listPage(req, values, fieldErrors(err), 422);
      }
    }),
    staffRoute('GET', '/admin/broadcasts/:id', ['admin'], async (req) => {
      const id = positiveInt(req.params.id);
      const state = id === null ? null : await progress(id);
      const row = id === null ? null : await prisma.broadcast.findUnique({ where: { id } });
      if (!state || !row) return req.view(b.title, html`<p class="empty">${b.empty}</p>`, { status: 404 });
      const report = state.report ?? { total: state.total, sent: state.sent, failed: state.failed, seconds: 0 };
      const figure = (label: string, key: string, value: number) => html`<div><dt>${label}</dt><dd data-field="${key}">${value}</dd></div>`;
      const body = html`<section class="panel" id="broadcast-progress" data-progress-url="/admin/api/broadcasts/${id}" data-done="${String(state.done)}">
<p class="text">${p.text}：${row.text}</p>
<progress data-field="bar" max="${Math.max(state.total, 1)}" value="${state.sent + state.failed}"></progress>
<dl class="figures">
${figure(p.total, 'total', state.total)}${figure(p.sent, 'sent', state.sent)}${figure(p.failed, 'failed', state.failed)}${figure(p.pending, 'pending', state.pending)}${figure(p.inbox, 'waitingInInbox', state.waitingInInbox)}
</dl>
<p class="hint" data-when="live"${state.done ? html` hidden` : ''}>${p.live}</p>
<p class="hint">${p.inboxHint}</p>
${state.total === 0 ? html`<p class="hint">${p.noRecipients}</p>` : ''}
<div id="broadcast-report" data-when="done"${state.done ? '' : html` hidden`}>
<h2>${p.report}</h2>
<p class="notice notice-ok">${p.done}</p>
<dl class="figures">
<div><dt>${p.reportTotal}</dt><dd data-report="total">${report.total}</dd></div>
<div><dt>${p.reportSent}</dt><dd data-report="sent">${report.sent}</dd></div>
<div><dt>${p.reportFailed}</dt><dd data-report="failed">${report.failed}</dd></div>
<div><dt>${p.reportSeconds}</dt><dd data-report="seconds">${report.seconds}</dd></div>
</dl>
</div>
</section>
<p><a href="/admin/broadcasts">${p.back}</a></p>`;
      return req.view(p.title(id!), body, {}, [PROGRESS_SCRIPT]);
    }),
    staffRoute('GET', '/admin/api/broadcasts/:id', ['admin'], async (req) => {
      const id = positiveInt(req.params.id);
      const state = id === null ? null : await progress(id);
      if (!state) return jsonResponse({ error: { code: 'not_found', message: 'no such broadcast' } }, 404);
      return jsonResponse(state);
    }),
  ];
}
