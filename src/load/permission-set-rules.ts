// AWS limits of a permission set that need arithmetic rather than a schema pattern:
// the session duration range, the combined policy count, and the inline policy's size,
// character set and grammar.
import type { Diagnostic, PermissionSet } from '../model/types.js';
import { isSessionDurationInRange } from './duration.js';
import { INLINE_POLICY_MAX_CHARS, INLINE_POLICY_MAX_NON_WHITESPACE, firstCharacterAwsRefuses, policyJson, policySize } from './policy.js';
import { checkPolicyGrammar } from './policy-grammar.js';
import type { SourceMap } from './source.js';

/** Managed plus customer managed policies AWS attaches to one permission set at most. */
export const MAX_ATTACHED_POLICIES = 20;
/**
 * IAM's default quota of managed policies attached to one role (adjustable per account):
 * the role IAM Identity Center provisions gets every managed and customer managed policy
 * of the set, so provisioning more fails in an account whose quota was not raised.
 * Source: IAM Identity Center User Guide, "IAM Identity Center quotas", footnote 1.
 */
export const IAM_DEFAULT_MANAGED_POLICIES_PER_ROLE = 10;

export function checkPermissionSetLimits(permissionSets: readonly PermissionSet[], sources: SourceMap): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const ps of permissionSets) {
    const error = (message: string, ...field: string[]) => {
      const pos = sources.at(ps, ...field) ?? ps.pos;
      diagnostics.push({ severity: 'error', message: `permission set "${ps.name}": ${message}`, ...(pos ? { pos } : {}) });
    };
    if (ps.sessionDuration !== undefined && !isSessionDurationInRange(ps.sessionDuration)) {
      error(`sessionDuration ${ps.sessionDuration} is outside PT1H..PT12H`, 'sessionDuration');
    }
    const attached = ps.managedPolicies.length + ps.customerManagedPolicies.length;
    if (attached > MAX_ATTACHED_POLICIES) {
      error(`${attached} managed and customer managed policies; AWS allows at most ${MAX_ATTACHED_POLICIES} together`);
    } else if (attached > IAM_DEFAULT_MANAGED_POLICIES_PER_ROLE) {
      const message = `${attached} managed and customer managed policies; IAM attaches at most ${IAM_DEFAULT_MANAGED_POLICIES_PER_ROLE} to a role unless the quota "Managed policies per role" was raised in every target account`;
      diagnostics.push({ severity: 'warning', message: `permission set "${ps.name}": ${message}`, ...(ps.pos ? { pos: ps.pos } : {}) });
    }
    if (ps.inlinePolicy !== undefined) checkInlinePolicy(ps, ps.inlinePolicy, sources, diagnostics);
  }
  return diagnostics;
}

function checkInlinePolicy(
  ps: PermissionSet,
  policy: NonNullable<PermissionSet['inlinePolicy']>,
  sources: SourceMap,
  diagnostics: Diagnostic[],
): void {
  const error = (message: string, pos = sources.at(ps, 'inlinePolicy') ?? ps.pos) =>
    diagnostics.push({ severity: 'error', message: `permission set "${ps.name}": inline policy ${message}`, ...(pos ? { pos } : {}) });
  const size = policySize(policy);
  if (size.chars > INLINE_POLICY_MAX_CHARS) {
    error(`is ${size.chars} characters; AWS allows at most ${INLINE_POLICY_MAX_CHARS}`);
  } else if (size.nonWhitespace > INLINE_POLICY_MAX_NON_WHITESPACE) {
    error(`has ${size.nonWhitespace} non-whitespace characters; AWS allows at most ${INLINE_POLICY_MAX_NON_WHITESPACE}`);
  }
  const refused = firstCharacterAwsRefuses(policyJson(policy));
  if (refused !== undefined) {
    const code = `U+${(refused.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    error(`contains "${refused}" (${code}); AWS accepts only tab, line breaks and the characters U+0020 to U+00FF in a policy`);
  }
  for (const problem of checkPolicyGrammar(policy)) {
    const below = ['inlinePolicy', ...problem.path];
    const pos = (problem.key ? sources.keyAt(ps, ...below) : sources.at(ps, ...below)) ?? ps.pos;
    // a problem with a key is said of the mapping that holds it
    error(`${formatPolicyPath(problem.key ? problem.path.slice(0, -1) : problem.path)}: ${problem.message}`, pos);
  }
}

/** `Statement[0].Effect`; the document itself is `document`. */
function formatPolicyPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'document';
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}
