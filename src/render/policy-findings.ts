// IAM Access Analyzer's findings (plan --lint-policies), independent of the output format:
// where in the policy a finding points, and the counts the headlines show. Text and
// markdown (policy-findings-text.ts, policy-findings-markdown.ts) lay them out.
import { plural } from '../model/plural.js';
import type { Plan, PolicyFinding, PolicyFindingType, PolicyPathElement } from '../plan/types.js';

/** Most severe first; the order findings are listed in. */
export const FINDING_TYPES: readonly PolicyFindingType[] = ['ERROR', 'SECURITY_WARNING', 'WARNING', 'SUGGESTION'];

const NOUNS: Record<PolicyFindingType, [string, string]> = {
  ERROR: ['error', 'errors'],
  SECURITY_WARNING: ['security warning', 'security warnings'],
  WARNING: ['warning', 'warnings'],
  SUGGESTION: ['suggestion', 'suggestions'],
};

/** "2 errors", "1 security warning". */
export function countOf(type: PolicyFindingType, count: number): string {
  const [one, many] = NOUNS[type];
  return plural(count, one, many);
}

/** The findings of one type, each with its permission set, in the plan's order (by set name). */
export function findingsOfType(
  plan: Pick<Plan, 'policyFindings'>,
  type: PolicyFindingType,
): { permissionSet: string; finding: PolicyFinding }[] {
  return (plan.policyFindings ?? []).flatMap(({ permissionSet, findings }) =>
    findings.filter((f) => f.findingType === type).map((finding) => ({ permissionSet, finding })),
  );
}

/** "2 errors, 1 suggestion": every type present, most severe first; "no findings" when none. */
export function findingCounts(plan: Pick<Plan, 'policyFindings'>): string {
  const parts = FINDING_TYPES.flatMap((type) => {
    const n = findingsOfType(plan, type).length;
    return n === 0 ? [] : [countOf(type, n)];
  });
  return parts.length === 0 ? 'no findings' : parts.join(', ');
}

/** `Statement[0].Resource`, `Statement[1].Action[0]`; a value or substring the path ends on follows it. */
export function formatPolicyPath(path: readonly PolicyPathElement[]): string {
  let out = '';
  for (const e of path) {
    if ('index' in e) out += `[${e.index}]`;
    else if ('key' in e) out += out === '' ? e.key : `.${e.key}`;
    else if ('value' in e) out += ` ${JSON.stringify(e.value)}`;
    else out += ` (characters ${e.substring.start}-${e.substring.start + e.substring.length})`;
  }
  return out;
}

/** Where a finding points, e.g. "Statement[0].Resource"; several locations joined; "" when AWS gave none. */
export function findingWhere(finding: PolicyFinding): string {
  return finding.locations
    .map((l) => formatPolicyPath(l.path))
    .filter((p) => p !== '')
    .join(', ');
}
