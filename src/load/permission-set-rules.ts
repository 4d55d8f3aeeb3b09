// AWS limits of a permission set that need arithmetic rather than a schema pattern:
// the session duration range, the combined policy count and the inline policy size.
import type { Diagnostic, PermissionSet } from '../model/types.js';
import { isSessionDurationInRange } from './duration.js';
import { INLINE_POLICY_MAX_CHARS, INLINE_POLICY_MAX_NON_WHITESPACE, policySize } from './policy.js';
import type { SourceMap } from './source.js';

/** Managed plus customer managed policies AWS attaches to one permission set at most. */
export const MAX_ATTACHED_POLICIES = 20;

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
    }
    if (ps.inlinePolicy !== undefined) {
      const size = policySize(ps.inlinePolicy);
      if (size.chars > INLINE_POLICY_MAX_CHARS) {
        error(`inline policy is ${size.chars} characters; AWS allows at most ${INLINE_POLICY_MAX_CHARS}`, 'inlinePolicy');
      } else if (size.nonWhitespace > INLINE_POLICY_MAX_NON_WHITESPACE) {
        error(`inline policy has ${size.nonWhitespace} non-whitespace characters; AWS allows at most ${INLINE_POLICY_MAX_NON_WHITESPACE}`, 'inlinePolicy');
      }
    }
  }
  return diagnostics;
}
