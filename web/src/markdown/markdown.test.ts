// SPDX-License-Identifier: MIT
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from './markdown.js';

const html = (text: string): string => renderToStaticMarkup(createElement(Markdown, { text }));

describe('Markdown', () => {
  it('shifts headings one level down and renders emphasis, code and lists', () => {
    expect(html('# Report\n\nSome **bold**, *it* and `x < 1`.\n\n- a\n- b')).toBe(
      '<div class="markdown"><h2>Report</h2><p>Some <strong>bold</strong>, <em>it</em> and <code>x &lt; 1</code>.</p>' +
        '<ul><li><span>a</span></li><li><span>b</span></li></ul></div>',
    );
  });

  it('renders a GitHub table with its alignment', () => {
    expect(html('| case | error |\n|:--|--:|\n| A & B | 5 % |')).toContain(
      '<th style="text-align:left">case</th><th style="text-align:right">error</th>',
    );
    expect(html('| case | error |\n|:--|--:|\n| A & B | 5 % |')).toContain(
      '<td style="text-align:left">A &amp; B</td>',
    );
  });

  it('shows raw HTML and script links as text, never as markup', () => {
    const out = html('<script>alert(1)</script>\n\n[x](javascript:alert(1)) <b>hi</b>');
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<b>');
    expect(out).not.toContain('href="javascript');
    expect(out).toContain('&lt;script&gt;');
  });
});
