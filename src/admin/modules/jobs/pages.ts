/**
 * Job postings pages (hub staff and admins): the filtered, paged list with an inline form to
 * change a posting's status and valid-until, and the import of pasted CSV through the same
 * parsing (`readPostingsFile`) and `JobsService.importPostings` as the CLI, with the report of
 * rejected rows (line and reason).
 */
import { CATEGORY_NAMES } from '../../../domains/jobs/categories.js';
import { readPostingsFile } from '../../../domains/jobs/import-file.js';
import type { JobsService } from '../../../domains/jobs/service.js';
import { payText } from '../../../domains/jobs/text.js';
import { allPlaces, placeById } from '../../../nlu/entities/places.js';
import { shanghaiDate } from '../../../nlu/entities/shanghai-time.js';
import { consoleActor } from '../../audit.js';
import { positiveInt } from '../../format.js';
import { html } from '../../html.js';
import { redirect, staffRoute, type AdminRoute, type StaffRequest, type ViewOptions } from '../../http.js';
import { csrfField } from '../../layout.js';
import type { ConsoleContext } from '../../module.js';
import { editPosting, POSTING_STATUSES, type PostingStatus } from './postings.js';
import { jobsAdminText as t } from './text.js';

const BASE = '/admin/jobs';
const PAGE_SIZE = 50;
/** Who works on postings. */
const ROLES = ['hub_staff'] as const;

interface PostingFilter {
  status?: PostingStatus;
  category?: string;
  village?: string;
  page: number;
}

function filterOf(q: URLSearchParams): PostingFilter {
  const status = q.get('status');
  const category = q.get('category');
  const village = q.get('village');
  return {
    ...((POSTING_STATUSES as readonly string[]).includes(status ?? '') ? { status: status as PostingStatus } : {}),
    ...(category && CATEGORY_NAMES.includes(category) ? { category } : {}),
    ...(village && placeById(village) ? { village } : {}),
    page: positiveInt(q.get('page')) ?? 1,
  };
}

function queryOf(f: PostingFilter, page = f.page): string {
  const q = new URLSearchParams();
  if (f.status) q.set('status', f.status);
  if (f.category) q.set('category', f.category);
  if (f.village) q.set('village', f.village);
  if (page > 1) q.set('page', String(page));
  return q.toString();
}

type NoticeKey = keyof typeof t.notices;

function noticeFrom(req: StaffRequest): ViewOptions['notice'] {
  const key = req.query.get('notice');
  if (!key || !Object.hasOwn(t.notices, key)) return null;
  return { kind: key === 'updated' || key === 'unchanged' ? 'ok' : 'error', text: t.notices[key as NoticeKey] };
}

/** A `YYYY-MM-DD` date as the end of that day in Quzhou (a posting is valid through it), or an invalid date. */
function endOfDay(value: string | null): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec((value ?? '').trim());
  return m ? new Date(`${m[1]}-${m[2]}-${m[3]}T23:59:59.999+08:00`) : new Date(Number.NaN);
}

/** The postings routes. */
export function jobsRoutes(ctx: ConsoleContext, jobs: JobsService): AdminRoute[] {
  const { prisma, clock } = ctx;
  const c = t.columns;
  const i = t.import;

  const importPage = (req: StaffRequest, text: string, notice: ViewOptions['notice'] = null, status = 200, report = html``) =>
    req.view(
      i.title,
      html`<p class="hint">${i.help}</p>
<form method="post" action="${BASE}/import">${csrfField(req.staff)}
<p><label>${i.label}<br><textarea name="csv" rows="14" cols="110" required>${text}</textarea></label></p>
<p><button type="submit">${i.submit}</button> <a href="${BASE}">${i.back}</a></p>
</form>
${report}`,
      { status, notice },
    );

  return [
    staffRoute('GET', BASE, ROLES, async (req) => {
      const f = filterOf(req.query);
      const where = { ...(f.status ? { status: f.status } : {}), ...(f.category ? { category: f.category } : {}), ...(f.village ? { village: f.village } : {}) };
      const total = await prisma.jobPosting.count({ where });
      const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
      const page = Math.min(f.page, pages);
      const rows = await prisma.jobPosting.findMany({
        where,
        orderBy: [{ postedAt: 'desc' }, { id: 'desc' }],
        skip: (page - 1) * PAGE_SIZE,
        take: PAGE_SIZE,
        include: { employer: { select: { name: true } } },
      });
      const back = queryOf({ ...f, page });
      const selected = (on: boolean) => (on ? html` selected` : '');
      const body = html`<p><a href="${BASE}/import">${t.importLink}</a></p>
<form method="get" action="${BASE}" class="filters">
  <label>${t.filters.status} <select name="status"><option value="">${t.filters.all}</option>${POSTING_STATUSES.map(
    (s) => html`<option value="${s}"${selected(f.status === s)}>${t.statuses[s]}</option>`,
  )}</select></label>
  <label>${t.filters.category} <select name="category"><option value="">${t.filters.all}</option>${CATEGORY_NAMES.map(
    (name) => html`<option value="${name}"${selected(f.category === name)}>${name}</option>`,
  )}</select></label>
  <label>${t.filters.village} <select name="village"><option value="">${t.filters.all}</option>${allPlaces().map(
    (p) => html`<option value="${p.id}"${selected(f.village === p.id)}>${p.name}</option>`,
  )}</select></label>
  <button type="submit">${t.filters.apply}</button>
</form>
${
  rows.length === 0
    ? html`<p class="empty">${t.empty}</p>`
    : html`<table class="postings"><thead><tr><th>${c.id}</th><th>${c.title}</th><th>${c.employer}</th><th>${c.category}</th><th>${c.village}</th><th>${c.pay}</th><th>${c.headcount}</th><th>${c.validUntil}</th><th>${c.status}</th><th>${c.edit}</th></tr></thead><tbody>
${rows.map(
  (p) => html`<tr data-id="${p.id}"><td class="nowrap">${p.externalId}</td><td>${p.title}</td><td>${p.employer.name}</td><td>${p.category}</td>
<td>${p.village ? (placeById(p.village)?.name ?? p.village) : t.noVillage}</td><td class="nowrap">${payText(p)}</td><td>${p.headcount}</td>
<td class="nowrap">${shanghaiDate(p.validUntil)}</td><td>${t.statuses[p.status] ?? p.status}</td>
<td><form method="post" action="${BASE}/${p.id}" class="reply">${csrfField(req.staff)}<input type="hidden" name="back" value="${back}">
<select name="status" aria-label="${t.statusLabel}">${POSTING_STATUSES.map((s) => html`<option value="${s}"${selected(p.status === s)}>${t.statuses[s]}</option>`)}</select>
<input type="date" name="validUntil" value="${shanghaiDate(p.validUntil)}" aria-label="${t.validUntilLabel}" required>
<button type="submit">${t.save}</button></form></td></tr>`,
)}
</tbody></table>`
}
<p class="pager">${page > 1 ? html`<a href="${BASE}?${queryOf(f, page - 1)}">${t.prev}</a>` : ''}
<span>${t.page(page, pages, total)}</span>
${page < pages ? html`<a href="${BASE}?${queryOf(f, page + 1)}">${t.next}</a>` : ''}</p>`;
      return req.view(t.title, body, { notice: noticeFrom(req) });
    }),
    staffRoute('GET', `${BASE}/import`, ROLES, (req) => importPage(req, '')),
    staffRoute('POST', `${BASE}/import`, ROLES, async (req) => {
      const text = req.form.get('csv') ?? '';
      if (text.trim() === '') return importPage(req, text, { kind: 'error', text: i.empty }, 422);
      let records;
      try {
        // The same reader as the CLI and `jobs:import` (a paste is UTF-8 text, read as CSV).
        records = readPostingsFile(Buffer.from(text, 'utf8'), 'paste.csv').records;
      } catch (err) {
        return importPage(req, text, { kind: 'error', text: i.unreadable((err as Error).message) }, 422);
      }
      const report = await jobs.importPostings(records, clock(), { source: 'console', actor: consoleActor(req.staff.account.username) });
      const r = i.columns;
      const reportHtml = html`<section class="panel import-report"><h2>${i.report}</h2>
<p>${i.summary(report.created, report.updated, report.rejected.length)}</p>
${
  report.rejected.length === 0
    ? ''
    : html`<h3>${i.rejectedTitle}</h3><table class="rejected"><thead><tr><th>${r.line}</th><th>${r.id}</th><th>${r.reason}</th></tr></thead><tbody>
${report.rejected.map((x) => html`<tr><td>${x.line}</td><td>${x.externalId ?? ''}</td><td>${x.reason}</td></tr>`)}
</tbody></table>`
}
</section>`;
      // Rejected rows stay in the box to be fixed; a clean import empties it.
      return importPage(req, report.rejected.length ? text : '', { kind: report.rejected.length ? 'error' : 'ok', text: i.summary(report.created, report.updated, report.rejected.length) }, 200, reportHtml);
    }),
    staffRoute('POST', `${BASE}/:id`, ROLES, async (req) => {
      const id = positiveInt(req.params.id);
      const back = queryOf(filterOf(new URLSearchParams(req.form.get('back') ?? '')));
      const to = (notice: NoticeKey) => redirect(`${BASE}?${back ? `${back}&` : ''}notice=${notice}`);
      if (id === null) return to('notFound');
      const status = req.form.get('status');
      const validUntil = req.form.get('validUntil');
      const result = await editPosting(
        prisma,
        id,
        { ...(status ? { status } : {}), ...(validUntil !== null ? { validUntil: endOfDay(validUntil) } : {}) },
        consoleActor(req.staff.account.username),
        clock(),
      );
      if (result.ok) return to(result.changed ? 'updated' : 'unchanged');
      return to(result.reason === 'bad_status' ? 'badStatus' : result.reason === 'bad_date' ? 'badDate' : 'notFound');
    }),
  ];
}
