/**
 * Feedback (留言) and hand-over (转人工) lists, with "mark answered" and "reply to resident".
 * Actions are POST forms (CSRF-checked by the server) that redirect back with a notice.
 */
import { consoleActor } from '../audit.js';
import { MAX_REPLY_LENGTH, type DeskFilter, type DeskResult, type OfficeDesk } from '../desk.js';
import { formatTime, positiveInt } from '../format.js';
import { html, type SafeHtml } from '../html.js';
import { redirect, staffRoute, type AdminRoute, type StaffRequest, type ViewOptions } from '../http.js';
import { csrfField } from '../layout.js';
import { adminText, statusLabel } from '../text.js';

const t = adminText.desk;
type NoticeKey = keyof typeof t.notices;

const REFUSAL_NOTICE: Record<Exclude<DeskResult, { ok: true }>['reason'], NoticeKey | null> = {
  not_found: null,
  already_answered: 'alreadyAnswered',
  empty_reply: 'emptyReply',
  reply_too_long: 'replyTooLong',
  no_resident: 'noAddress',
  no_address: 'noAddress',
};

/** The notice named in `?notice=` (only known keys: the query cannot inject text). */
function noticeFrom(req: StaffRequest): ViewOptions['notice'] {
  const key = req.query.get('notice');
  if (!key || !Object.hasOwn(t.notices, key)) return null;
  const entry = t.notices[key as NoticeKey];
  const text = typeof entry === 'function' ? entry(MAX_REPLY_LENGTH) : entry;
  return { kind: key === 'answered' || key === 'replied' ? 'ok' : 'error', text };
}

function filterOf(req: StaffRequest): DeskFilter {
  return req.query.get('show') === 'all' ? 'all' : 'open';
}

function filterLinks(base: string, filter: DeskFilter): SafeHtml {
  return html`<p class="filters">
  <a href="${base}"${filter === 'open' ? html` aria-current="page"` : ''}>${t.filterOpen}</a>
  <a href="${base}?show=all"${filter === 'all' ? html` aria-current="page"` : ''}>${t.filterAll}</a>
</p>`;
}

function actions(req: StaffRequest, base: string, id: number, open: boolean, canReply: boolean): SafeHtml {
  return html`<div class="actions">
  ${open ? html`<form method="post" action="${base}/${id}/answer">${csrfField(req.staff)}<button type="submit">${t.markAnswered}</button></form>` : ''}
  ${
    canReply
      ? html`<form method="post" action="${base}/${id}/reply" class="reply">${csrfField(req.staff)}
    <textarea name="text" rows="2" maxlength="${MAX_REPLY_LENGTH}" required placeholder="${t.replyPlaceholder}"></textarea>
    <button type="submit">${t.reply}</button></form>`
      : ''
  }
</div>`;
}

function who(row: { residentId: number | null; resident: { displayName: string | null } | null }): string {
  if (row.residentId === null) return t.noResident;
  return row.resident?.displayName ?? t.anonymous;
}

/** The routes of both lists and their actions (admins). */
export function deskRoutes(desk: OfficeDesk): AdminRoute[] {
  const act = (base: string, run: (req: StaffRequest, id: number) => Promise<DeskResult>, okNotice: NoticeKey) =>
    async (req: StaffRequest) => {
      const id = positiveInt(req.params.id);
      const result = id === null ? ({ ok: false, reason: 'not_found' } as const) : await run(req, id);
      if (result.ok) return redirect(`${base}?notice=${okNotice}`);
      const notice = REFUSAL_NOTICE[result.reason];
      if (notice === null) return req.view(adminText.errors.notFoundTitle, html`<p>${adminText.errors.notFound}</p>`, { status: 404 });
      return redirect(`${base}?notice=${notice}`);
    };

  const c = t.columns;
  return [
    staffRoute('GET', '/admin/feedback', ['admin'], async (req) => {
      const filter = filterOf(req);
      const rows = await desk.listFeedback(filter);
      const body = html`${filterLinks('/admin/feedback', filter)}
${
  rows.length === 0
    ? html`<p class="empty">${t.empty}</p>`
    : html`<table class="desk"><thead><tr><th>${c.id}</th><th>${c.at}</th><th>${c.resident}</th><th>${c.topic}</th><th>${c.content}</th><th>${c.phone}</th><th>${c.status}</th><th>${c.actions}</th></tr></thead><tbody>
${rows.map(
  (r) => html`<tr data-id="${r.id}"><td>${r.id}</td><td class="nowrap">${formatTime(r.createdAt)}</td><td>${who(r)}</td><td>${r.topic}</td>
<td class="text">${r.content}</td><td class="nowrap">${r.phoneMasked ?? ''}</td><td>${statusLabel(r.status)}</td>
<td>${actions(req, '/admin/feedback', r.id, r.status === 'new', r.residentId !== null)}</td></tr>`,
)}
</tbody></table>`
}`;
      return req.view(t.feedbackTitle, body, { notice: noticeFrom(req) });
    }),
    staffRoute('GET', '/admin/handoffs', ['admin'], async (req) => {
      const filter = filterOf(req);
      const rows = await desk.listHandoffs(filter);
      const body = html`${filterLinks('/admin/handoffs', filter)}
${
  rows.length === 0
    ? html`<p class="empty">${t.empty}</p>`
    : html`<table class="desk"><thead><tr><th>${c.id}</th><th>${c.at}</th><th>${c.resident}</th><th>${c.content}</th><th>${c.status}</th><th>${c.actions}</th></tr></thead><tbody>
${rows.map(
  (r) => html`<tr data-id="${r.id}"><td>${r.id}</td><td class="nowrap">${formatTime(r.createdAt)}</td><td>${who(r)}</td>
<td class="text">${r.text}</td><td>${statusLabel(r.status)}</td>
<td>${actions(req, '/admin/handoffs', r.id, r.status === 'open', true)}</td></tr>`,
)}
</tbody></table>`
}`;
      return req.view(t.handoffTitle, body, { notice: noticeFrom(req) });
    }),
    staffRoute('POST', '/admin/feedback/:id/answer', ['admin'], act('/admin/feedback', (req, id) => desk.markAnswered('feedback', id, consoleActor(req.staff.account.username)), 'answered')),
    staffRoute('POST', '/admin/feedback/:id/reply', ['admin'], act('/admin/feedback', (req, id) => desk.reply('feedback', id, req.form.get('text') ?? '', consoleActor(req.staff.account.username)), 'replied')),
    staffRoute('POST', '/admin/handoffs/:id/answer', ['admin'], act('/admin/handoffs', (req, id) => desk.markAnswered('handoff', id, consoleActor(req.staff.account.username)), 'answered')),
    staffRoute('POST', '/admin/handoffs/:id/reply', ['admin'], act('/admin/handoffs', (req, id) => desk.reply('handoff', id, req.form.get('text') ?? '', consoleActor(req.staff.account.username)), 'replied')),
  ];
}
