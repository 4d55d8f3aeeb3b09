import { describe, expect, it } from 'vitest';
import { aPlan } from '../testing/builders.js';
import { MAX_MARKDOWN_LENGTH, PLAN_COMMENT_MARKER, renderMarkdown } from './markdown.js';

const plan = aPlan;

describe('renderMarkdown', () => {
  it('starts with the sticky-comment marker', () => {
    expect(renderMarkdown(plan({})).startsWith(`${PLAN_COMMENT_MARKER}\n`)).toBe(true);
  });

  it('uses a fence that a name containing backticks cannot close', () => {
    const md = renderMarkdown(
      plan({ changes: [{ kind: 'group', action: 'delete', name: 'a```b' }], summary: { add: 0, change: 0, destroy: 1 } }),
    );
    expect(md).toContain('````diff\n- group "a```b"\n````');
  });

  it('escapes HTML in refusal messages and warnings', () => {
    const md = renderMarkdown(plan({ refused: [{ rule: 'lockout', message: '<script>' }], warnings: ['a & b'] }));
    expect(md).toContain('&lt;script&gt;');
    expect(md).toContain('a &amp; b');
  });

  it('stays under the limit with thousands of warnings, saying how many were left out', () => {
    const warnings = Array.from({ length: 5000 }, (_, i) => `warning number ${i} about something long enough to matter`);
    const md = renderMarkdown(plan({ warnings }));
    expect(md.length).toBeLessThanOrEqual(MAX_MARKDOWN_LENGTH);
    expect(md).toMatch(/- … \d+ more warnings not shown; see the plan\.json artifact/);
  });
});
