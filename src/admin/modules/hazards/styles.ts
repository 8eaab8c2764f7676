/**
 * The 随手拍 pages' own styles, served by the module as a file (the CSP forbids inline
 * styles; the console's stylesheet stays the core's).
 */
export const HAZARDS_CSS = `/* 随手拍 pages of the admin console */
.hz-filters label { display: inline-flex; gap: .3rem; align-items: center; }
tr.hz-urgent td:first-child { border-left: 4px solid var(--err); }
.hz-badge { display: inline-block; padding: 0 .4rem; border-radius: 3px; background: var(--err); color: #fff; font-size: .8rem; font-weight: 600; }
.hz-detail { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1rem; margin-bottom: 1rem; }
@media (max-width: 900px) { .hz-detail { grid-template-columns: 1fr; } }
.hz-description { white-space: pre-wrap; word-break: break-word; font-size: 1.05rem; background: var(--bg); border-radius: 4px; padding: .6rem .8rem; margin: 0 0 1rem; }
.hz-facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: .5rem 1rem; margin: 0; }
.hz-facts dt { color: var(--muted); font-size: .85rem; }
.hz-facts dd { margin: 0; word-break: break-word; }
.hz-photos { display: flex; flex-wrap: wrap; gap: .5rem; margin-bottom: 1rem; }
.hz-photos img { width: 150px; height: 150px; object-fit: cover; border: 1px solid var(--line); border-radius: 4px; }
.hz-side h2 + .hint { margin-top: 0; }
.hz-actions { min-width: 0; }
.hz-actions form.reply textarea, .hz-actions form.reply input, .hz-actions form.reply select { flex: 1; min-width: 0; }
.hz-history td.text { max-width: none; }
`;
