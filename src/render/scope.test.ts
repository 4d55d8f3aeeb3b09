import { describe, expect, it } from 'vitest';
import type { Plan } from '../plan/types.js';
import { renderMarkdown } from './markdown.js';
import { scopeLine } from './scope.js';
import { renderText } from './text.js';

function plan(over: Partial<Plan>): Plan {
  return {
    formatVersion: 1,
    createdAt: '2025-01-01T00:00:00.000Z',
    instanceArn: 'arn:aws:sso:::instance/ssoins-1',
    identityStoreId: 'd-1',
    liveChecksum: 'a'.repeat(64),
    changes: [],
    summary: { add: 0, change: 0, destroy: 0 },
    refused: [],
    warnings: [],
    ...over,
  };
}

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
