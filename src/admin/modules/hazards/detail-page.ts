/**
 * GET /admin/hazards/:code — one case: description, place, category, urgent flag, reporter
 * (masked or anonymous), photos (through the authenticated file route), timeline, rating,
 * and the transitions the case allows as POST forms with the session's CSRF token.
 */
import { basename } from 'node:path';
import { categoryName } from '../../../domains/hazards/categories.js';
import { allowedActions, type StaffAction } from '../../../domains/hazards/lifecycle.js';
import { normaliseCode, photosOf } from '../../../domains/hazards/service.js';
import { stepNames } from '../../../domains/hazards/text.js';
import type { HazardReport } from '../../../generated/prisma/client.js';
import { maskText } from '../../../privacy/mask.js';
import { formatTime } from '../../format.js';
import { html, type SafeHtml } from '../../html.js';
import { htmlResponse, type AdminResponse, type StaffRequest, type ViewOptions } from '../../http.js';
import { csrfField, errorPage } from '../../layout.js';
import { adminText, statusLabel } from '../../text.js';
import { consoleActorOf, type HazardPagesDeps } from './context.js';
import { hazardConsoleText as t, type HazardNoticeKey } from './text.js';
import { actorLabels, placeText, reporterLabel } from './view.js';

/** Longest note (what was done, why returned) the console accepts. */
export const MAX_NOTE = 500;

const d = t.detail;
const OK_NOTICES: readonly string[] = ['acknowledge', 'start', 'resolve', 'reject', 'duplicate', 'transfer'];

/** The 404 and 403 pages of the module (the console's own error page). */
export const notFound = (): AdminResponse => htmlResponse(errorPage(adminText.errors.notFoundTitle, adminText.errors.notFound), 404);
export const forbidden = (): AdminResponse => htmlResponse(errorPage(adminText.errors.forbiddenTitle, adminText.errors.forbidden), 403);

/**
 * The case a request names, if the account may see it: `{ report }`, or the response to send
 * (404 for an unknown code, 403 for another grid's case).
 */
export async function caseFor(req: StaffRequest, deps: HazardPagesDeps): Promise<{ report: HazardReport } | { response: AdminResponse }> {
  const code = normaliseCode(req.params.code ?? '');
  const report = code ? await deps.prisma.hazardReport.findUnique({ where: { code } }) : null;
  if (!report) return { response: notFound() };
  if (!(await deps.kit.lifecycle.access.authorise(consoleActorOf(req.staff), report.gridId))) return { response: forbidden() };
  return { report };
}

/** The notice named in `?notice=` (known keys only: the query cannot inject text). */
function noticeFrom(req: StaffRequest): ViewOptions['notice'] {
  const key = req.query.get('notice');
  if (!key || !Object.hasOwn(t.notices, key)) return null;
  const entry = t.notices[key as HazardNoticeKey];
  return { kind: OK_NOTICES.includes(key) ? 'ok' : 'error', text: typeof entry === 'function' ? entry(MAX_NOTE) : entry };
}

function fact(label: string, value: SafeHtml | string | number): SafeHtml {
  return html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
}

function actionForms(req: StaffRequest, deps: HazardPagesDeps, report: HazardReport): SafeHtml {
  const actions = allowedActions(report.status);
  if (actions.length === 0) return html`<p class="hint">${d.closedNoActions}</p>`;
  const a = t.actions;
  const base = `/admin/hazards/${report.code}`;
  const csrf = csrfField(req.staff);
  const form = (action: StaffAction, inner: SafeHtml, label: string, wide = false) =>
    html`<form method="post" action="${base}/${action}"${wide ? html` class="reply"` : ''} data-action="${action}">${csrf}${inner}<button type="submit">${label}</button></form>`;
  const has = (action: StaffAction) => actions.includes(action);
  const otherGrids = deps.kit.grids.all().filter((g) => g.id !== report.gridId);
  return html`<div class="actions hz-actions">
${has('acknowledge') ? form('acknowledge', html``, a.acknowledge) : ''}
${has('start') ? form('start', html``, a.start) : ''}
${has('resolve') ? form('resolve', html`<textarea name="note" rows="2" required maxlength="${MAX_NOTE}" placeholder="${a.resolveNote}" aria-label="${a.resolveNote}"></textarea>`, a.resolve, true) : ''}
${has('reject') ? form('reject', html`<textarea name="note" rows="2" required maxlength="${MAX_NOTE}" placeholder="${a.rejectNote}" aria-label="${a.rejectNote}"></textarea>`, a.reject, true) : ''}
${
  has('transfer')
    ? form(
        'transfer',
        html`<select name="grid" required aria-label="${a.transferTo}"><option value="">${a.transferTo}…</option>${otherGrids.map((g) => html`<option value="${g.id}">${g.name}</option>`)}</select>`,
        a.transfer,
        true,
      )
    : ''
}
${has('duplicate') ? form('duplicate', html`<input name="of" required maxlength="8" placeholder="${a.duplicateOf}" aria-label="${a.duplicateOf}">`, a.duplicate, true) : ''}
</div>`;
}

/** The detail page. */
export async function detailPage(req: StaffRequest, deps: HazardPagesDeps): Promise<AdminResponse> {
  const found = await caseFor(req, deps);
  if ('response' in found) return found.response;
  const { report } = found;
  const steps = await deps.kit.reports.timeline(report.id);
  const who = await actorLabels(deps.prisma, steps.map((s) => s.actor));
  const displayName = report.residentId !== null && !report.anonymous ? await deps.kit.reports.displayNameOf(report.residentId) : null;
  const photos = photosOf(report);
  const grid = deps.kit.reports.gridOf(report);

  const facts = html`<dl class="hz-facts">
${fact(d.status, statusLabel(report.status))}
${fact(d.category, categoryName(report.category))}
${fact(d.urgent, report.urgent ? html`<span class="hz-badge">${d.urgentYes(t.urgentKinds[report.urgentKind ?? 'other'] ?? report.urgentKind ?? '')}</span>` : d.urgentNo)}
${fact(d.place, placeText(report))}
${fact(d.grid, grid.name)}
${fact(d.reporter, reporterLabel(report, displayName))}
${fact(d.source, t.sources[report.source] ?? report.source)}
${fact(d.createdAt, formatTime(report.createdAt))}
${report.closedAt ? fact(d.closedAt, formatTime(report.closedAt)) : ''}
${report.statusNote ? fact(d.statusNote, report.statusNote) : ''}
${report.duplicateOf ? fact(d.duplicateOf, html`<a href="/admin/hazards/${report.duplicateOf}">#${report.duplicateOf}</a>`) : ''}
${fact(d.rating, report.rating !== null ? d.ratingValue(report.rating) : d.notRated)}
</dl>`;

  const gallery =
    photos.length === 0
      ? html`<p class="hint">${d.noPhotos}</p>`
      : html`<div class="hz-photos">${photos.map((p, i) => {
          const src = `/admin/files/hazards/${report.code}/${encodeURIComponent(basename(p.path))}`;
          return html`<a href="${src}" target="_blank" rel="noopener"><img src="${src}" alt="${d.photoAlt(i + 1)}" loading="lazy"></a>`;
        })}</div>`;

  const c = d.timelineColumns;
  const timeline = html`<table class="hz-timeline"><thead><tr><th>${c.at}</th><th>${c.step}</th><th>${c.actor}</th><th>${c.note}</th></tr></thead><tbody>
${steps.map(
  (s) => html`<tr><td class="nowrap">${formatTime(s.at)}</td><td class="nowrap">${stepNames[s.kind] ?? s.kind}</td><td>${who(s.actor)}</td><td class="text">${s.note ?? ''}</td></tr>`,
)}
</tbody></table>`;

  const body = html`${deps.stylesheet}<p><a href="/admin/hazards">← ${t.back}</a></p>
<div class="hz-detail">
  <section class="panel hz-main">
    <h2>${d.description}</h2>
    <p class="hz-description">${maskText(report.description)}</p>
    ${facts}
  </section>
  <section class="panel hz-side">
    <h2>${d.photos}</h2>
    ${gallery}
    <h2>${d.actions}</h2>
    ${actionForms(req, deps, report)}
  </section>
</div>
<section class="panel hz-history"><h2>${d.timeline}</h2>${timeline}</section>`;
  return req.view(t.detailTitle(report.code), body, { notice: noticeFrom(req) });
}
