import { describe, expect, it } from 'vitest';
import { aPlan } from '../testing/builders.js';
import { renderMarkdown } from './markdown.js';
import { scopeLine } from './scope.js';
import { renderText } from './text.js';

const plan = aPlan;

describe('the scope line of a --changed-since plan', () => {
  it('says how many objects and since which ref, in the text and the PR comment', () => {
    const scoped = plan({ scope: { changedSince: 'origin/main', objects: 1 } });
    expect(renderText(scoped, { color: false })).toContain(
      'Plan scoped to 1 object changed since origin/main; the nightly drift check reads everything.',
    );
    expect(renderMarkdown(scoped)).toContain(
      '> [!NOTE]\n> This plan is scoped to 1 object changed since origin/main; the nightly drift check reads everything.',
    );
  });

  it('is absent from a full plan, and escapes a ref that looks like HTML in markdown', () => {
    expect(scopeLine(plan({}))).toBeUndefined();
    expect(renderText(plan({}), { color: false })).not.toContain('scoped to');
    expect(renderMarkdown(plan({ scope: { changedSince: '<b>', objects: 2 } }))).toContain('changed since &lt;b&gt;');
  });
});
