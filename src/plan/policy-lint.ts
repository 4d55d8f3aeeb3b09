// `plan --lint-policies`, the pure part: which documents go to IAM Access Analyzer's
// ValidatePolicy, and how its findings join the plan. Every desired inline policy is
// checked (not only changed ones: a finding on an unchanged policy is still a finding),
// each distinct document once, as the compact JSON that is sent to sso-admin, so the
// findings' spans point into the very text AWS stores.
//
// Only documents can be validated: a customer managed policy reference or a permissions
// boundary names a policy (name and path) that lives in each account, not a document, so
// ValidatePolicy has nothing to check there; their names and paths are checked by the
// state-file schema.
import { compareStrings } from '../model/order.js';
import type { PermissionSet } from '../model/types.js';
import { policyJson } from '../load/policy.js';
import type { PermissionSetPolicyFindings, Plan, PolicyFinding, PolicyFindingType } from './types.js';

/** One distinct document and the permission sets that carry it, sorted. */
export interface LintDocument {
  document: string;
  permissionSets: string[];
}

/** The distinct inline policies of `sets`, in order of first appearance by set name. */
export function documentsToLint(sets: readonly PermissionSet[]): LintDocument[] {
  const byDocument = new Map<string, string[]>();
  for (const set of [...sets].sort((a, b) => compareStrings(a.name, b.name))) {
    if (set.inlinePolicy === undefined) continue;
    const document = policyJson(set.inlinePolicy);
    const names = byDocument.get(document) ?? [];
    names.push(set.name);
    byDocument.set(document, names);
  }
  return [...byDocument].map(([document, permissionSets]) => ({ document, permissionSets }));
}

const SEVERITY: Record<PolicyFindingType, number> = { ERROR: 0, SECURITY_WARNING: 1, WARNING: 2, SUGGESTION: 3 };

function compareFindings(a: PolicyFinding, b: PolicyFinding): number {
  return (
    SEVERITY[a.findingType] - SEVERITY[b.findingType] || compareStrings(a.issueCode, b.issueCode) || compareStrings(a.message, b.message)
  );
}

/** The findings by permission set (sorted by name, most severe first); sets without findings are left out. */
export function findingsBySet(
  documents: readonly LintDocument[],
  findings: ReadonlyMap<string, readonly PolicyFinding[]>,
): PermissionSetPolicyFindings[] {
  return documents
    .flatMap(({ document, permissionSets }) => {
      const found = [...(findings.get(document) ?? [])].sort(compareFindings);
      return found.length === 0 ? [] : permissionSets.map((permissionSet) => ({ permissionSet, findings: found }));
    })
    .sort((a, b) => compareStrings(a.permissionSet, b.permissionSet));
}

/** What linting gave: the findings, or why AWS could not check the policies. */
export type PolicyLintOutcome = { kind: 'checked'; findings: PermissionSetPolicyFindings[] } | { kind: 'unavailable'; reason: string };

/**
 * The plan with the lint's outcome. Findings go to `policyFindings` (present, maybe
 * empty, whenever the policies were checked); a check that could not run becomes a
 * warning that says the policies were NOT checked, never an empty list of findings.
 */
export function withPolicyLint(plan: Plan, outcome: PolicyLintOutcome): Plan {
  if (outcome.kind === 'unavailable') {
    return {
      ...plan,
      warnings: [
        ...plan.warnings,
        `inline policies NOT checked by IAM Access Analyzer (${outcome.reason}); grant access-analyzer:ValidatePolicy to the role that plans`,
      ],
    };
  }
  return { ...plan, policyFindings: outcome.findings };
}

/** How many findings of `type` the plan carries, over every permission set. */
export function countPolicyFindings(plan: Pick<Plan, 'policyFindings'>, type: PolicyFindingType): number {
  return (plan.policyFindings ?? []).reduce((n, set) => n + set.findings.filter((f) => f.findingType === type).length, 0);
}

/** ERROR findings fail `plan` and make `reconcile` refuse the plan: AWS says the policy does not work as written. */
export function hasPolicyErrors(plan: Pick<Plan, 'policyFindings'>): boolean {
  return countPolicyFindings(plan, 'ERROR') > 0;
}
