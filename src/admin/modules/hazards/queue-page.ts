/**
 * GET /admin/hazards — the hazard queue: filters (status, category, grid, urgent), newest or
 * oldest first, 25 a page. A grid worker sees only their grid's cases (the grid filter is
 * fixed); admins and duty-desk workers see every grid.
 */
import { CATEGORIES, categoryName } from '../../../domains/hazards/categories.js';
import { HAZARD_STATUSES, hazardQueue, isStatusFilter, type QueueQuery } from '../../../domains/hazards/queue.js';
import { formatTime, positiveInt } from '../../format.js';
import { html, type SafeHtml } from '../../html.js';
import type { StaffRequest, AdminResponse } from '../../http.js';
import { statusLabel } from '../../text.js';
import { consoleActorOf, type HazardPagesDeps } from './context.js';
import { hazardConsoleText as t } from './text.js';
import { placeText, summaryText } from './view.js';

/** Cases per page. */
export const QUEUE_PAGE_SIZE = 25;

const f = t.filters;

/** The filters a request asks for, each checked against what exists. */
function queryOf(req: StaffRequest, deps: HazardPagesDeps): Required<Pick<QueueQuery, 'status' | 'order' | 'page'>> & QueueQuery {
  const status = req.query.get('status') ?? 'open';
  const category = req.query.get('category') ?? '';
  const grid = req.query.get('grid') ?? '';
  return {
    status: isStatusFilter(status) ? status : 'open',
    ...(CATEGORIES.some((c) => c.code === category) ? { category } : {}),
    ...(deps.kit.grids.get(grid) ? { gridId: grid } : {}),
    urgent: req.query.get('urgent') === '1',
    order: req.query.get('order') === 'oldest' ? 'oldest' : 'newest',
    page: positiveInt(req.query.get('page')) ?? 1,
  };
}

function option(value: string, label: string, selected: boolean): SafeHtml {
  return html`<option value="${value}"${selected ? html` selected` : ''}>${label}</option>`;
}

/** The queue page. */
export async function queuePage(req: StaffRequest, deps: HazardPagesDeps): Promise<AdminResponse> {
  const actor = consoleActorOf(req.staff);
  const visible = deps.kit.lifecycle.access.visibleGrids(actor);
  const q = queryOf(req, deps);
  const { rows, total, page, pages } = await hazardQueue(deps.prisma, { ...q, gridIds: visible, pageSize: QUEUE_PAGE_SIZE });
  const link = (p: number) => {
    const params = new URLSearchParams({ status: q.status, order: q.order, page: String(p) });
    if (q.category) params.set('category', q.category);
    if (q.gridId) params.set('grid', q.gridId);
    if (q.urgent) params.set('urgent', '1');
    return `/admin/hazards?${params}`;
  };
  const gridName = (id: string) => deps.kit.grids.get(id)?.name ?? id;
  const c = t.columns;
  const filters = html`<form method="get" action="/admin/hazards" class="filters hz-filters">
  <label>${f.status} <select name="status">
    ${option('open', f.open, q.status === 'open')}${option('closed', f.closed, q.status === 'closed')}${option('all', f.all, q.status === 'all')}
    ${HAZARD_STATUSES.map((s) => option(s, statusLabel(s), q.status === s))}
  </select></label>
  <label>${f.category} <select name="category">
    ${option('', f.all, !q.category)}${CATEGORIES.map((cat) => option(cat.code, cat.name, q.category === cat.code))}
  </select></label>
  ${
    visible === null
      ? html`<label>${f.grid} <select name="grid">
    ${option('', f.allGrids, !q.gridId)}${deps.kit.grids.all().map((g) => option(g.id, g.name, q.gridId === g.id))}
  </select></label>`
      : ''
  }
  <label><input type="checkbox" name="urgent" value="1"${q.urgent ? html` checked` : ''}> ${f.urgent}</label>
  <label>${f.order} <select name="order">${option('newest', f.newest, q.order === 'newest')}${option('oldest', f.oldest, q.order === 'oldest')}</select></label>
  <button type="submit">${f.apply}</button>
</form>`;
  const table =
    rows.length === 0
      ? html`<p class="empty">${visible !== null && visible.length === 0 ? t.noGrid : t.empty}</p>`
      : html`<table class="desk hz-queue"><thead><tr><th>${c.code}</th><th>${c.at}</th><th>${c.category}</th><th>${c.place}</th><th>${c.grid}</th><th>${c.summary}</th><th>${c.status}</th></tr></thead><tbody>
${rows.map(
  (r) => html`<tr data-code="${r.code}"${r.urgent ? html` class="hz-urgent"` : ''}>
<td class="nowrap"><a href="/admin/hazards/${r.code}">#${r.code}</a>${r.urgent ? html` <span class="hz-badge">${t.urgentBadge}</span>` : ''}</td>
<td class="nowrap">${formatTime(r.createdAt)}</td><td>${categoryName(r.category)}</td><td>${placeText(r)}</td><td>${gridName(r.gridId)}</td>
<td class="text">${summaryText(r.description)}</td><td class="nowrap">${statusLabel(r.status)}</td></tr>`,
)}
</tbody></table>`;
  const pager = html`<p class="pager">${page > 1 ? html`<a href="${link(page - 1)}">${t.prev}</a>` : ''}
<span>${t.page(page, pages, total)}</span>
${page < pages ? html`<a href="${link(page + 1)}">${t.next}</a>` : ''}</p>`;
  return req.view(t.queueTitle, html`${deps.stylesheet}${filters}${table}${pager}`);
}
