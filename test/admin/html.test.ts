/**
 * The `html` template escapes what people typed: script tags and event-handler attributes
 * come out as text, never as markup.
 */
import { describe, expect, it } from 'vitest';
import { escapeHtml, html, jsonAttr, raw } from '../../src/admin/html.js';

describe('html', () => {
  it('escapes a script tag interpolated as text', () => {
    const out = html`<td>${'<script>alert(1)</script>'}</td>`.value;
    expect(out).toBe('<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>');
    expect(out).not.toContain('<script');
  });

  it('escapes an <img onerror> and cannot break out of an attribute', () => {
    const payload = '"><img src=x onerror=alert(1)>';
    const out = html`<input value="${payload}">`.value;
    expect(out).toBe('<input value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">');
    expect(out).not.toContain('<img');
  });

  it('escapes single quotes, backticks and ampersands', () => {
    expect(escapeHtml(`a&b 'c' \`d\``)).toBe('a&amp;b &#39;c&#39; &#96;d&#96;');
  });

  it('nests templates and lists without escaping them twice, but escapes their values', () => {
    const items = ['<b>', '甲'];
    const out = html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`.value;
    expect(out).toBe('<ul><li>&lt;b&gt;</li><li>甲</li></ul>');
  });

  it('renders nothing for null, undefined and false, and numbers as text', () => {
    expect(html`${null}${undefined}${false}${0}${12}`.value).toBe('012');
  });

  it('raw() is the only way to insert markup', () => {
    expect(html`${raw('<br>')}`.value).toBe('<br>');
    expect(html`${'<br>'}`.value).toBe('&lt;br&gt;');
  });

  it('JSON for a data attribute survives escaping and parses back to the same value', () => {
    const spec = { label: '</script><img src=x onerror=alert(1)>', n: [1, 2] };
    const out = html`<canvas data-chart="${jsonAttr(spec)}"></canvas>`.value;
    expect(out).not.toMatch(/<img|<\/script>/);
    const attr = /data-chart="([^"]*)"/.exec(out)![1]!;
    const decoded = attr.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&#96;/g, '`').replace(/&amp;/g, '&');
    expect(JSON.parse(decoded)).toEqual(spec);
  });
});
