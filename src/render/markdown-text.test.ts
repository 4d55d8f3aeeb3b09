import { describe, expect, it } from 'vitest';
import { escapeHtml, tableCell } from './markdown-text.js';

describe('text placed into markdown', () => {
  it('carries no HTML', () => {
    expect(escapeHtml('<b>&</b>')).toBe('&lt;b&gt;&amp;&lt;/b&gt;');
  });

  it('keeps a table row whole: a pipe is escaped, a line break of either kind becomes a space', () => {
    expect(tableCell('a|b\r\nc\nd<e>')).toBe('a\\|b c d&lt;e&gt;');
  });
});
