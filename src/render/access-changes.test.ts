// The access-changes section: the summary's wording, the privileged flag a reviewer cannot
// miss, and a long list cut to its room with what was left out counted.
import { describe, expect, it } from 'vitest';
import type { AccessChange } from '../plan/types.js';
import { accessSummary } from './access-changes.js';
import { accessChangesMarkdown, accessSummaryMarkdown } from './access-changes-markdown.js';
import { accessChangesText } from './access-changes-text.js';

const change = (userName: string, kind: AccessChange['change'], permissionSet = 'ReadOnly', privileged = false): AccessChange => ({
  userName,
  accountId: '111111111111',
  accountName: 'prod',
  permissionSet,
  change: kind,
  via: ['group:Ops'],
  privileged,
});
const fence = () => '```';

describe('accessSummary', () => {
  it('counts people, not rows, with singular and plural', () => {
    expect(accessSummary([change('a', 'gain'), change('a', 'gain', 'Admin'), change('b', 'gain'), change('c', 'lose')])).toBe(
      '2 people gain access, 1 person loses access',
    );
    expect(accessSummary([change('a', 'lose'), change('b', 'lose')])).toBe('2 people lose access');
    expect(accessSummary([])).toBe('');
  });

  it('says how many of those who gain get a privileged permission set', () => {
    expect(accessSummary([change('a', 'gain', 'AdministratorAccess', true), change('b', 'gain')])).toBe(
      '2 people gain access (1 privileged)',
    );
  });

  it('adds nothing to the comment summary line when nobody changes access', () => {
    expect(accessSummaryMarkdown({ accessChanges: [] })).toBe('');
    expect(accessSummaryMarkdown({})).toBe('');
    expect(accessSummaryMarkdown({ accessChanges: [change('a', 'lose')] })).toBe(' 1 person loses access.');
  });
});

describe('access changes in the plan renderings', () => {
  const plan = { accessChanges: [change('bob', 'gain', 'AdministratorAccess', true), change('bob', 'lose')] };

  it('text: grouped by person, privileged flagged', () => {
    expect(accessChangesText(plan, (_style, text) => text)).toEqual([
      'Access changes: 1 person gains access (1 privileged), 1 person loses access:',
      '  bob',
      '    + prod (111111111111)  AdministratorAccess  via group:Ops  [privileged]',
      '    - prod (111111111111)  ReadOnly             was via group:Ops',
      '',
    ]);
  });

  it('markdown: a warning above the section when privileged access is gained', () => {
    const md = accessChangesMarkdown(plan, 10_000, fence);
    expect(md).toMatch(/^> \[!WARNING\]\n> \*\*Privileged access gained\*\* \(settings\.review\.privileged\): 1 person, 1 grant\./);
    expect(md).toContain('+   prod (111111111111)  AdministratorAccess  via group:Ops  [privileged]');
  });

  it('markdown: a long list stops within its room and counts the changes and people left out', () => {
    const many = { accessChanges: Array.from({ length: 200 }, (_, i) => change(`user${String(i).padStart(3, '0')}`, 'gain')) };
    const md = accessChangesMarkdown(many, 2_000, fence);
    expect(md.length).toBeLessThanOrEqual(2_000);
    const shown = md.match(/^\+ /gm)?.length ?? 0;
    expect(shown).toBeGreaterThan(0);
    expect(md).toContain(`… ${200 - shown} more access changes of ${200 - shown} people not shown; see the plan.json artifact`);
  });

  it('markdown: no room at all gives no section rather than a broken one', () => {
    expect(accessChangesMarkdown(plan, 50, fence)).toBe('');
  });
});
