import { describe, expect, it } from 'vitest';
import { aPermissionSet, aPlan } from '../testing/builders.js';
import { countPolicyFindings, documentsToLint, findingsBySet, hasPolicyErrors, withPolicyLint } from './policy-lint.js';
import type { Plan, PolicyFinding } from './types.js';

const policy = (action: string) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });
const finding = (findingType: PolicyFinding['findingType'], issueCode: string): PolicyFinding => ({
  findingType,
  issueCode,
  message: issueCode,
  locations: [],
});
const emptyPlan = (): Plan => aPlan({ createdAt: '2025-06-01T12:00:00.000Z', liveChecksum: 'abc' });

describe('documentsToLint', () => {
  it('sends each distinct inline policy once, with every set that carries it, as the compact JSON sso-admin gets', () => {
    const sets = [
      aPermissionSet({ name: 'B', inlinePolicy: policy('s3:*') }),
      aPermissionSet({ name: 'A', inlinePolicy: policy('s3:*') }),
      aPermissionSet({ name: 'C', inlinePolicy: policy('ec2:*') }),
      aPermissionSet({ name: 'D' }),
    ];
    expect(documentsToLint(sets)).toEqual([
      { document: JSON.stringify(policy('s3:*')), permissionSets: ['A', 'B'] },
      { document: JSON.stringify(policy('ec2:*')), permissionSets: ['C'] },
    ]);
  });

  it('has nothing to send when no set has an inline policy', () => {
    expect(documentsToLint([aPermissionSet({ name: 'A' })])).toEqual([]);
  });
});

describe('findingsBySet', () => {
  it('gives every set of a document its findings, most severe first, and leaves out sets without findings', () => {
    const documents = [
      { document: 'd1', permissionSets: ['Z', 'A'] },
      { document: 'd2', permissionSets: ['M'] },
    ];
    const found = new Map([['d1', [finding('SUGGESTION', 'S'), finding('ERROR', 'E'), finding('SECURITY_WARNING', 'W')]]]);
    const bySet = findingsBySet(documents, found);
    expect(bySet.map((s) => s.permissionSet)).toEqual(['A', 'Z']);
    expect(bySet[0]?.findings.map((f) => f.findingType)).toEqual(['ERROR', 'SECURITY_WARNING', 'SUGGESTION']);
  });
});

describe('withPolicyLint', () => {
  it('records checked policies without findings as an empty list, so "checked, clean" differs from "not checked"', () => {
    const plan = withPolicyLint(emptyPlan(), { kind: 'checked', findings: [] });
    expect(plan.policyFindings).toEqual([]);
    expect(emptyPlan().policyFindings).toBeUndefined();
  });

  it('turns a check AWS refused into a warning saying the policies were NOT checked, not into an empty list', () => {
    const plan = withPolicyLint(emptyPlan(), {
      kind: 'unavailable',
      reason: 'access-analyzer ValidatePolicy failed: AccessDeniedException: no',
    });
    expect(plan.policyFindings).toBeUndefined();
    expect(plan.warnings).toEqual([
      'inline policies NOT checked by IAM Access Analyzer (access-analyzer ValidatePolicy failed: AccessDeniedException: no); grant access-analyzer:ValidatePolicy to the role that plans',
    ]);
  });

  it('fails the plan on ERROR findings only', () => {
    const warned = withPolicyLint(emptyPlan(), {
      kind: 'checked',
      findings: [{ permissionSet: 'A', findings: [finding('SECURITY_WARNING', 'W'), finding('WARNING', 'V')] }],
    });
    expect(hasPolicyErrors(warned)).toBe(false);
    expect(countPolicyFindings(warned, 'SECURITY_WARNING')).toBe(1);
    const failed = withPolicyLint(emptyPlan(), { kind: 'checked', findings: [{ permissionSet: 'A', findings: [finding('ERROR', 'E')] }] });
    expect(hasPolicyErrors(failed)).toBe(true);
  });
});
