import { describe, expect, it } from 'vitest';
import type { PermissionSetPolicyFindings, PolicyFinding } from '../plan/types.js';
import { findingCounts, formatPolicyPath } from './policy-findings.js';
import { MAX_FINDINGS_MARKDOWN, policyFindingsMarkdown } from './policy-findings-markdown.js';
import { policyFindingsText } from './policy-findings-text.js';

const plain = (_style: unknown, text: string) => text;
const escape = (s: string) => s.replace(/</g, '&lt;');
const finding = (findingType: PolicyFinding['findingType'], message = 'm'): PolicyFinding => ({
  findingType,
  issueCode: 'CODE',
  message,
  locations: [],
});

describe('formatPolicyPath', () => {
  it('reads like the policy: keys dotted, indexes bracketed, a value or substring after the path', () => {
    expect(formatPolicyPath([{ key: 'Statement' }, { index: 2 }, { key: 'Action' }, { index: 0 }])).toBe('Statement[2].Action[0]');
    expect(formatPolicyPath([{ key: 'Statement' }, { index: 0 }, { key: 'Action' }, { value: 'iam:PassRole' }])).toBe(
      'Statement[0].Action "iam:PassRole"',
    );
    expect(formatPolicyPath([{ key: 'Resource' }, { substring: { start: 4, length: 3 } }])).toBe('Resource (characters 4-7)');
    expect(formatPolicyPath([])).toBe('');
  });
});

describe('policy findings in the plan renderings', () => {
  it('shows nothing when the policies were not checked, and says so when they were checked clean', () => {
    expect(policyFindingsText({}, plain)).toEqual([]);
    expect(policyFindingsMarkdown({}, escape)).toBe('');
    expect(findingCounts({ policyFindings: [] })).toBe('no findings');
    expect(policyFindingsText({ policyFindings: [] }, plain)[0]).toBe('Inline policies checked by IAM Access Analyzer: no findings.');
    expect(policyFindingsMarkdown({ policyFindings: [] }, escape)).toContain('no findings');
  });

  it('escapes AWS text and names the permission set of each flagged finding', () => {
    const markdown = policyFindingsMarkdown(
      { policyFindings: [{ permissionSet: 'Ops<1>', findings: [finding('SECURITY_WARNING', 'a <b> c')] }] },
      escape,
    );
    expect(markdown).toContain('> [!WARNING]');
    expect(markdown).toContain('**Ops&lt;1>** · `CODE`: a &lt;b> c');
    expect(markdown).not.toContain('[!CAUTION]');
  });

  it('keeps a flood of findings within its budget, counts what it left out and closes what it opened', () => {
    const many: PermissionSetPolicyFindings[] = Array.from({ length: 300 }, (_, i) => ({
      permissionSet: `Set${i}`,
      findings: [finding('SUGGESTION', 'x'.repeat(100))],
    }));
    const markdown = policyFindingsMarkdown({ policyFindings: many }, escape);
    expect(markdown.length).toBeLessThan(MAX_FINDINGS_MARKDOWN + 200);
    expect(markdown).toMatch(/… \d+ more lines of policy findings not shown; see the plan\.json artifact/);
    expect(markdown.match(/<details>/g)?.length).toBe(markdown.match(/<\/details>/g)?.length);
  });
});
