/**
 * The dashboard: every panel the staff member's role may see, from every module. Chart data
 * is rendered into a `data-chart` attribute (escaped JSON) that /admin/static/admin.js draws
 * with chart.js; the same data is served as JSON at /admin/api/stats/<panel id>.
 */
import type { Logger } from 'pino';
import { html, jsonAttr, type SafeHtml } from '../html.js';
import { jsonResponse, staffRoute, type AdminRoute, type StaffContext } from '../http.js';
import type { DashboardPanel, PanelData } from '../module.js';
import { roleAllows } from '../roles.js';
import { adminText } from '../text.js';

/** The chart.js build, served from node_modules. */
export const CHART_SCRIPT = '/admin/static/chart.umd.min.js';

function panelBody(panel: DashboardPanel, data: PanelData): SafeHtml {
  if (data.kind === 'figures') {
    return html`<dl class="figures">${data.figures.map((f) => html`<div><dt>${f.label}</dt><dd>${f.value}</dd></div>`)}</dl>`;
  }
  const empty = data.chart.datasets.every((d) => d.data.every((n) => n === 0)) || data.chart.labels.length === 0;
  return html`<div class="chart-box"><canvas data-chart="${jsonAttr(data.chart)}" aria-label="${panel.title}" role="img"></canvas></div>
${empty ? html`<p class="empty">${adminText.dashboard.noData}</p>` : ''}`;
}

/** GET /admin and GET /admin/api/stats/:id over the given panels. */
export function dashboardRoutes(panels: readonly DashboardPanel[], clock: () => Date, log: Logger, options: { domainsPending: boolean }): AdminRoute[] {
  const visible = (staff: StaffContext) => panels.filter((p) => roleAllows(staff.account.role, p.access));
  return [
    staffRoute('GET', '/admin', 'any', async (req) => {
      const now = clock();
      const sections = await Promise.all(
        visible(req.staff).map(async (panel) => {
          let body: SafeHtml;
          try {
            body = panelBody(panel, await panel.load({ now, staff: req.staff }));
          } catch (err) {
            // One broken panel must not take the whole dashboard down.
            log.error({ err, panel: panel.id }, 'admin: dashboard panel failed');
            body = html`<p class="empty">${adminText.dashboard.noData}</p>`;
          }
          return html`<section class="panel" id="panel-${panel.id}"><h2>${panel.title}</h2>${body}</section>`;
        }),
      );
      const hint = options.domainsPending ? html`<p class="hint">${adminText.dashboard.moreLater}</p>` : '';
      const body = html`<div class="panels">${sections}</div>${hint}`;
      return req.view(adminText.dashboard.title, body, {}, [CHART_SCRIPT]);
    }),
    staffRoute('GET', '/admin/api/stats/:id', 'any', async (req) => {
      const panel = visible(req.staff).find((p) => p.id === req.params.id);
      if (!panel) return jsonResponse({ error: { code: 'not_found', message: 'no such panel' } }, 404);
      return jsonResponse({ id: panel.id, title: panel.title, ...(await panel.load({ now: clock(), staff: req.staff })) });
    }),
  ];
}
