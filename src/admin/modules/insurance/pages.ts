/**
 * Enrolment review pages: the filtered, paged list (masked), the audited reveal, and the three
 * staff transitions as CSRF-checked POST forms that redirect back to the same filter.
 */
import type { EnrolmentApplication } from '../../../generated/prisma/client.js';
import type { ApplicationStatus, InsuranceService } from '../../../domains/insurance/service.js';
import { allPlaces, placeById } from '../../../nlu/entities/places.js';
import { consoleActor, writeAudit } from '../../audit.js';
import { formatTime, positiveInt } from '../../format.js';
import { html, type SafeHtml } from '../../html.js';
import { redirect, staffRoute, type AdminRoute, type StaffRequest, type ViewOptions } from '../../http.js';
import { csrfField } from '../../layout.js';
import type { ConsoleContext } from '../../module.js';
import { insuranceAdminText as t } from './text.js';

const STATUSES: readonly ApplicationStatus[] = ['submitted', 'approved', 'returned', 'enrolled'];
const PAGE_SIZE = 50;
const BASE = '/admin/insurance';

/** The list's filter, read from a query (unknown values are ignored, never echoed). */
export interface ReviewFilter {
  status?: ApplicationStatus;
  coverageYear?: number;
  village?: string;
  page: number;
}

function filterOf(q: URLSearchParams, defaultYear: number): ReviewFilter {
  const status = q.get('status');
  const village = q.get('village');
  const year = q.get('year');
  return {
    // No status in the query: the review queue (submitted); `all` shows every status.
    ...(status === null ? { status: 'submitted' as const } : STATUSES.includes(status as ApplicationStatus) ? { status: status as ApplicationStatus } : {}),
    ...(year === 'all' ? {} : { coverageYear: positiveInt(year) ?? defaultYear }),
    ...(village && placeById(village) ? { village } : {}),
    page: positiveInt(q.get('page')) ?? 1,
  };
}

/** The filter as a query string (for links and the redirect after an action). */
function queryOf(f: ReviewFilter, page = f.page): string {
  const q = new URLSearchParams();
  q.set('status', f.status ?? 'all');
  q.set('year', f.coverageYear === undefined ? 'all' : String(f.coverageYear));
  if (f.village) q.set('village', f.village);
  if (page > 1) q.set('page', String(page));
  return q.toString();
}

type NoticeKey = keyof typeof t.notices;
const OK_NOTICES: readonly NoticeKey[] = ['approved', 'returned', 'enrolled'];

function noticeFrom(req: StaffRequest): ViewOptions['notice'] {
  const key = req.query.get('notice');
  if (!key || !Object.hasOwn(t.notices, key)) return null;
  return { kind: OK_NOTICES.includes(key as NoticeKey) ? 'ok' : 'error', text: t.notices[key as NoticeKey] };
}

/** Where an action returns: the list with the filter it was started from (only our own query keys). */
function backTo(req: StaffRequest, defaultYear: number, notice: NoticeKey): string {
  const filter = filterOf(new URLSearchParams(req.form.get('back') ?? ''), defaultYear);
  return `${BASE}?${queryOf(filter)}&notice=${notice}`;
}

const villageName = (id: string) => placeById(id)?.name ?? id;

/** The review's routes (admins). */
export function insuranceRoutes(ctx: ConsoleContext, service: InsuranceService): AdminRoute[] {
  const { prisma, clock } = ctx;
  const policy = service.policy;
  const defaultYear = () => policy.enrolmentYear(clock()).coverageYear;
  const categoryName = (a: EnrolmentApplication) => {
    const year = policy.year(a.coverageYear);
    return (year && policy.category(year, a.category)?.label) ?? t.noSubsidy;
  };
  const c = t.columns;

  function actions(req: StaffRequest, a: EnrolmentApplication, back: string): SafeHtml {
    const hidden = html`${csrfField(req.staff)}<input type="hidden" name="back" value="${back}">`;
    const erased = a.anonymisedAt !== null;
    return html`<div class="actions">
${a.status === 'submitted' ? html`<form method="post" action="${BASE}/${a.id}/approve">${hidden}<button type="submit">${t.approve}</button></form>` : ''}
${a.status === 'approved' ? html`<form method="post" action="${BASE}/${a.id}/enrol">${hidden}<button type="submit">${t.markEnrolled}</button></form>` : ''}
${
  a.status === 'submitted' || a.status === 'approved'
    ? html`<form method="post" action="${BASE}/${a.id}/return" class="reply">${hidden}<input name="reason" maxlength="200" required placeholder="${t.returnReason}" aria-label="${t.returnReason}"><button type="submit">${t.returnButton}</button></form>`
    : ''
}
${erased ? '' : html`<form method="post" action="${BASE}/${a.id}/reveal" title="${t.revealHint}">${hidden}<button type="submit">${t.reveal}</button></form>`}
</div>`;
  }

  async function act(req: StaffRequest, run: (id: number, actor: string) => ReturnType<InsuranceService['approve']>, ok: NoticeKey) {
    const id = positiveInt(req.params.id);
    const result = id === null ? ({ ok: false, reason: 'not_found' } as const) : await run(id, consoleActor(req.staff.account.username));
    if (result.ok) return redirect(backTo(req, defaultYear(), ok));
    const notice: NoticeKey = result.reason === 'reason_required' ? 'reasonRequired' : result.reason === 'not_allowed' ? 'notAllowed' : 'notFound';
    return redirect(backTo(req, defaultYear(), notice));
  }

  return [
    staffRoute('GET', BASE, ['admin'], async (req) => {
      const f = filterOf(req.query, defaultYear());
      const where = {
        ...(f.status ? { status: f.status } : {}),
        ...(f.coverageYear !== undefined ? { coverageYear: f.coverageYear } : {}),
        ...(f.village ? { village: f.village } : {}),
      };
      const total = await prisma.enrolmentApplication.count({ where });
      const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
      const page = Math.min(f.page, pages);
      const rows = await prisma.enrolmentApplication.findMany({ where, orderBy: { id: 'asc' }, skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE });
      const back = queryOf({ ...f, page });
      const selected = (on: boolean) => (on ? html` selected` : '');
      const body = html`<form method="get" action="${BASE}" class="filters">
  <label>${t.filters.status} <select name="status">
    <option value="all"${selected(!f.status)}>${t.filters.all}</option>
    ${STATUSES.map((s) => html`<option value="${s}"${selected(f.status === s)}>${t.statuses[s]}</option>`)}
  </select></label>
  <label>${t.filters.year} <select name="year">
    <option value="all"${selected(f.coverageYear === undefined)}>${t.filters.all}</option>
    ${policy.years.map((y) => html`<option value="${y.coverageYear}"${selected(f.coverageYear === y.coverageYear)}>${y.label}</option>`)}
  </select></label>
  <label>${t.filters.village} <select name="village">
    <option value="">${t.filters.all}</option>
    ${allPlaces().map((p) => html`<option value="${p.id}"${selected(f.village === p.id)}>${p.name}</option>`)}
  </select></label>
  <button type="submit">${t.filters.apply}</button>
</form>
${
  rows.length === 0
    ? html`<p class="empty">${t.empty}</p>`
    : html`<table class="enrolments"><thead><tr><th>${c.id}</th><th>${c.at}</th><th>${c.year}</th><th>${c.relation}</th><th>${c.name}</th><th>${c.idNumber}</th><th>${c.village}</th><th>${c.category}</th><th>${c.phone}</th><th>${c.status}</th><th>${c.actions}</th></tr></thead><tbody>
${rows.map(
  (a) => html`<tr data-id="${a.id}"><td>${a.id}</td><td class="nowrap">${formatTime(a.createdAt)}</td><td>${a.coverageYear}</td><td>${a.relation}</td>
<td class="nowrap">${a.nameMasked}</td><td class="nowrap">${a.idMasked}</td><td>${villageName(a.village)}</td><td>${categoryName(a)}</td><td class="nowrap">${a.phoneMasked ?? ''}</td>
<td>${t.statuses[a.status] ?? a.status}${a.returnReason ? html`<br><span class="hint">${a.returnReason}</span>` : ''}</td>
<td>${actions(req, a, back)}</td></tr>`,
)}
</tbody></table>`
}
<p class="pager">${page > 1 ? html`<a href="${BASE}?${queryOf(f, page - 1)}">${t.prev}</a>` : ''}
<span>${t.page(page, pages, total)}</span>
${page < pages ? html`<a href="${BASE}?${queryOf(f, page + 1)}">${t.next}</a>` : ''}</p>`;
      return req.view(t.title, body, { notice: noticeFrom(req) });
    }),
    staffRoute('POST', `${BASE}/:id/approve`, ['admin'], (req) => act(req, (id, actor) => service.approve(id, actor, clock()), 'approved')),
    staffRoute('POST', `${BASE}/:id/enrol`, ['admin'], (req) => act(req, (id, actor) => service.markEnrolled(id, actor, clock()), 'enrolled')),
    staffRoute('POST', `${BASE}/:id/return`, ['admin'], (req) =>
      act(req, (id, actor) => service.returnApplication(id, req.form.get('reason') ?? '', actor, clock()), 'returned'),
    ),
    // A POST, not a link: the clear data is shown only on an explicit, CSRF-checked request,
    // and every look is in the audit log (who, which application — never the data itself).
    staffRoute('POST', `${BASE}/:id/reveal`, ['admin'], async (req) => {
      const id = positiveInt(req.params.id);
      const clear = id === null ? null : await service.reveal(id);
      if (id === null || clear === null) return redirect(backTo(req, defaultYear(), 'notFound'));
      await writeAudit(prisma, {
        at: clock(),
        actor: consoleActor(req.staff.account.username),
        action: 'insurance.reveal',
        entity: 'enrolment_application',
        entityId: id,
        after: { fields: ['name', 'idNumber', ...(clear.phone ? ['phone'] : [])] },
      });
      const back = `${BASE}?${queryOf(filterOf(new URLSearchParams(req.form.get('back') ?? ''), defaultYear()))}`;
      const f = t.revealFields;
      const body = html`<dl class="figures reveal">
  <div><dt>${f.name}</dt><dd>${clear.name}</dd></div>
  <div><dt>${f.idNumber}</dt><dd>${clear.idNumber}</dd></div>
  <div><dt>${f.phone}</dt><dd>${clear.phone ?? t.none}</dd></div>
</dl>
<p class="hint">${t.revealNote}</p>
<p><a href="${back}">${t.back}</a></p>`;
      return req.view(t.revealTitle(id), body);
    }),
  ];
}
