import { describe, expect, it } from 'vitest';
import type { PermissionSetPolicyFindings, PolicyFinding } from '../plan/types.js';
import { refusePolicyErrors } from './policy-lint.js';

const finding = (findingType: PolicyFinding['findingType'], issueCode: string): PolicyFinding => ({
  findingType,
  issueCode,
  message: `${issueCode} message`,
  locations: [],
});
const findings = (...list: PolicyFinding[]): PermissionSetPolicyFindings[] => [{ permissionSet: 'Ops', findings: list }];

describe('refusePolicyErrors', () => {
  it('lets a plan through whose findings are only warnings and suggestions, or that was not checked', () => {
    expect(() =>
      refusePolicyErrors([{ policyFindings: findings(finding('SECURITY_WARNING', 'W'), finding('SUGGESTION', 'S')) }, {}]),
    ).not.toThrow();
  });

  it('refuses when the saved plan or the fresh one carries an ERROR, naming each error once', () => {
    const saved = { policyFindings: findings(finding('ERROR', 'INVALID_CONDITION_OPERATOR')) };
    const fresh = { policyFindings: findings(finding('ERROR', 'INVALID_CONDITION_OPERATOR')) };
    expect(() => refusePolicyErrors([saved, fresh])).toThrow(
      'reconcile: IAM Access Analyzer reports 1 error in inline policies; nothing was changed:\n  - permission set "Ops": INVALID_CONDITION_OPERATOR: INVALID_CONDITION_OPERATOR message',
    );
    expect(() => refusePolicyErrors([{}, fresh])).toThrow('1 error');
  });
});
