/**
 * HTML that escapes by default. Every page of the console is built with the {@link html}
 * tagged template: interpolated values are escaped unless they are themselves {@link SafeHtml}
 * (the result of another `html` template or of {@link raw}), so a resident's text can never
 * become markup.
 */

/** A piece of markup that is safe to insert as is. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/**
 * Escape text for an HTML text node or a quoted attribute value.
 *
 * ```ts
 * escapeHtml('<img src=x onerror=alert(1)>'); // '&lt;img src=x onerror=alert(1)&gt;'
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);
}

/** What may be interpolated: text (escaped), numbers, safe markup, lists of those; null/undefined/false render nothing. */
export type HtmlValue = SafeHtml | string | number | bigint | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/**
 * Build markup; every interpolated value is escaped unless it is `SafeHtml`.
 *
 * ```ts
 * const note = '<script>alert(1)</script>';
 * html`<p class="note">${note}</p>`.value; // '<p class="note">&lt;script&gt;alert(1)&lt;/script&gt;</p>'
 * html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`; // lists are joined
 * ```
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new SafeHtml(out);
}

/**
 * Mark trusted markup as safe. Only for markup the code itself wrote — never for anything a
 * resident or a staff member typed.
 */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/**
 * JSON for a `data-*` attribute: escaped like any attribute value, read back with
 * `JSON.parse(el.dataset.x)` by the page's script.
 *
 * ```ts
 * html`<canvas data-chart="${jsonAttr(spec)}"></canvas>`;
 * ```
 */
export function jsonAttr(value: unknown): string {
  return JSON.stringify(value);
}
