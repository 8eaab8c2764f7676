/**
 * The audit log page: who changed what, when, before and after; filtered by entity and actor,
 * fifty rows a page. Everything shown is escaped (an actor or a value may hold resident text).
 */
import type { PrismaClient } from '../../generated/prisma/client.js';
import { auditPage } from '../audit.js';
import { formatTime, positiveInt, prettyJson } from '../format.js';
import { html } from '../html.js';
import { staffRoute, type AdminRoute } from '../http.js';
import { adminText } from '../text.js';

const t = adminText.audit;

/** GET /admin/audit (admins). */
export function auditRoutes(prisma: PrismaClient): AdminRoute[] {
  return [
    staffRoute('GET', '/admin/audit', ['admin'], async (req) => {
      const entity = req.query.get('entity')?.slice(0, 64) || undefined;
      const actor = req.query.get('actor')?.trim().slice(0, 64) || undefined;
      const { rows, total, page, pages, entities } = await auditPage(prisma, { entity, actor, page: positiveInt(req.query.get('page')) ?? 1 });
      const link = (p: number) => {
        const q = new URLSearchParams();
        if (entity) q.set('entity', entity);
        if (actor) q.set('actor', actor);
        q.set('page', String(p));
        return `/admin/audit?${q}`;
      };
      const body = html`<form method="get" action="/admin/audit" class="filters">
  <label>${t.entity} <select name="entity">
    <option value="">${t.allEntities}</option>
    ${entities.map((e) => html`<option value="${e}"${e === entity ? html` selected` : ''}>${e}</option>`)}
  </select></label>
  <label>${t.actor} <input name="actor" value="${actor ?? ''}" maxlength="64"></label>
  <button type="submit">${t.filter}</button>
</form>
${
  rows.length === 0
    ? html`<p class="empty">${t.empty}</p>`
    : html`<table class="audit">
<thead><tr><th>${t.columns.at}</th><th>${t.columns.actor}</th><th>${t.columns.action}</th><th>${t.columns.entity}</th><th>${t.columns.before}</th><th>${t.columns.after}</th></tr></thead>
<tbody>
${rows.map(
  (r) => html`<tr>
  <td class="nowrap">${formatTime(r.at)}</td><td>${r.actor}</td><td>${r.action}</td><td>${r.entity}${r.entityId ? html` #${r.entityId}` : ''}</td>
  <td><pre>${prettyJson(r.before)}</pre></td><td><pre>${prettyJson(r.after)}</pre></td>
</tr>`,
)}
</tbody></table>`
}
<p class="pager">${page > 1 ? html`<a href="${link(page - 1)}">${t.prev}</a>` : ''}
<span>${t.page(page, pages, total)}</span>
${page < pages ? html`<a href="${link(page + 1)}">${t.next}</a>` : ''}</p>`;
      return req.view(t.title, body);
    }),
  ];
}
