/**
 * The console's page layout: header with navigation (only what the role may open), the
 * logged-in user and a logout form, the notice line, the content. Styles and scripts are
 * static files (the CSP forbids inline ones).
 */
import { html, type SafeHtml } from './html.js';
import type { Access, StaffContext, ViewOptions } from './http.js';
import { roleAllows } from './roles.js';
import { adminText } from './text.js';

/** A navigation link. */
export interface NavItem {
  href: string;
  label: string;
  access: Exclude<Access, 'public'>;
}

/** The document shell shared by every page, logged in or not. */
export function documentShell(title: string, body: SafeHtml, scripts: readonly string[] = []): SafeHtml {
  return html`<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${adminText.appName}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/admin/static/admin.css">
${scripts.map((src) => html`<script src="${src}" defer></script>`)}
</head>
<body>
${body}
</body>
</html>`;
}

/** A notice line (ok or error). */
export function noticeBox(notice: ViewOptions['notice']): SafeHtml {
  if (!notice) return html``;
  return html`<p class="notice notice-${notice.kind}" role="status">${notice.text}</p>`;
}

/**
 * A logged-in page.
 *
 * ```ts
 * staffLayout({ title: '操作日志', staff, nav, path: req.path, body: html`<table>…</table>` });
 * ```
 */
export function staffLayout(input: {
  title: string;
  staff: StaffContext;
  nav: readonly NavItem[];
  path: string;
  body: SafeHtml;
  notice?: ViewOptions['notice'];
  scripts?: readonly string[];
}): SafeHtml {
  const { account, session } = input.staff;
  const links = input.nav
    .filter((item) => roleAllows(account.role, item.access))
    .map((item) => {
      const current = item.href === input.path || (item.href !== '/admin' && input.path.startsWith(`${item.href}/`));
      return html`<a href="${item.href}"${current ? html` aria-current="page"` : ''}>${item.label}</a>`;
    });
  const body = html`<header class="top">
  <span class="brand">${adminText.appName}</span>
  <nav>${links}</nav>
  <span class="who">${adminText.layout.signedInAs(account.displayName, adminText.roles[account.role])}</span>
  <form method="post" action="/admin/logout" class="logout">
    <input type="hidden" name="_csrf" value="${session.csrfToken}">
    <button type="submit">${adminText.nav.logout}</button>
  </form>
</header>
<main>
<h1>${input.title}</h1>
${noticeBox(input.notice)}
${input.body}
</main>
<footer>${adminText.layout.footer}</footer>`;
  return documentShell(input.title, body, [...(input.scripts ?? []), '/admin/static/admin.js']);
}

/** A small page for errors (403, 404, CSRF), with a link home. */
export function errorPage(title: string, message: string): SafeHtml {
  return documentShell(
    title,
    html`<main class="error-page"><h1>${title}</h1><p>${message}</p><p><a href="/admin">${adminText.errors.back}</a></p></main>`,
  );
}

/** A hidden CSRF field for a form of this session. */
export function csrfField(staff: StaffContext): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${staff.session.csrfToken}">`;
}
