// The plan behind the policy-findings golden files: a plan (one permission set changed)
// joined with IAM Access Analyzer findings of every type, through the same pure steps as
// `plan --lint-policies` (documentsToLint, findingsBySet, withPolicyLint). Two sets carry
// the same document, so its findings show under both. The findings are written as
// ValidatePolicy answers them (IAM User Guide, "IAM policy validation check reference").
import { buildPlan } from '../../src/plan/build.js';
import { documentsToLint, findingsBySet, withPolicyLint } from '../../src/plan/policy-lint.js';
import type { Plan, PolicyFinding } from '../../src/plan/types.js';
import { aDesiredState, aPermissionSet, liveStateOf } from '../../src/testing/builders.js';

const REFERENCE = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html';

const deploy = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['iam:PassRole', 'lambda:*'], Resource: '*' }],
};
const audit = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEqual: { 'aws:PrincipalTag/team': 'audit' } } }],
};

const passRole: PolicyFinding = {
  findingType: 'SECURITY_WARNING',
  issueCode: 'PASS_ROLE_WITH_STAR_IN_RESOURCE',
  message:
    'Using the iam:PassRole action with wildcards (*) in the resource can be overly permissive because it allows iam:PassRole permissions on multiple resources. We recommend that you specify resource ARNs or add the iam:PassedToService condition key to your statement.',
  learnMoreLink: `${REFERENCE}#access-analyzer-reference-policy-checks-security-warning-pass-role-with-star-in-resource`,
  locations: [
    {
      path: [{ key: 'Statement' }, { index: 0 }, { key: 'Resource' }],
      span: { start: { line: 1, column: 103, offset: 103 }, end: { line: 1, column: 106, offset: 106 } },
    },
  ],
};
const redundant: PolicyFinding = {
  findingType: 'SUGGESTION',
  issueCode: 'REDUNDANT_ACTION',
  message: 'The 1 action(s) are redundant because they provide similar permissions. Update the policy to remove the redundant action such as: lambda:InvokeFunction.',
  learnMoreLink: `${REFERENCE}#access-analyzer-reference-policy-checks-suggestion-redundant-action`,
  locations: [{ path: [{ key: 'Statement' }, { index: 0 }, { key: 'Action' }, { index: 1 }] }],
};
const badOperator: PolicyFinding = {
  findingType: 'ERROR',
  issueCode: 'INVALID_CONDITION_OPERATOR',
  message: 'The condition operator StringEqual is not valid. Use a valid condition operator.',
  learnMoreLink: `${REFERENCE}#access-analyzer-reference-policy-checks-error-invalid-condition-operator`,
  locations: [{ path: [{ key: 'Statement' }, { index: 0 }, { key: 'Condition' }, { key: 'StringEqual' }] }],
};
const missingVersion: PolicyFinding = {
  findingType: 'WARNING',
  issueCode: 'MISSING_VERSION',
  message: 'We recommend that you specify the Version element to help you with debugging permission issues.',
  locations: [],
};

export function policyFindingsPlan(): Plan {
  const permissionSets = [
    aPermissionSet({ name: 'Deploy', inlinePolicy: deploy }),
    aPermissionSet({ name: 'DeployStaging', inlinePolicy: deploy }),
    aPermissionSet({ name: 'Audit', inlinePolicy: audit }),
    aPermissionSet({ name: 'ReadOnly' }),
  ];
  const live = liveStateOf({ permissionSets: permissionSets.filter((s) => s.name !== 'Audit') });
  const { plan } = buildPlan(aDesiredState({ files: ['identity.yaml'], permissionSets }), live, {
    allowDeletes: false,
    now: new Date('2025-06-01T12:00:00.000Z'),
  });
  if (!plan) throw new Error('fixture does not plan');
  const documents = documentsToLint(permissionSets);
  const [deployDocument, auditDocument] = [JSON.stringify(deploy), JSON.stringify(audit)];
  const findings = new Map([
    [deployDocument, [redundant, passRole]],
    [auditDocument, [missingVersion, badOperator]],
  ]);
  return withPolicyLint(plan, { kind: 'checked', findings: findingsBySet(documents, findings) });
}
