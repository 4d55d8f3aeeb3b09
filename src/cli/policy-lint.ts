// `--lint-policies`: every desired inline policy through IAM Access Analyzer's
// ValidatePolicy (src/aws/policy-validation.ts), the findings joined to the plan
// (src/plan/policy-lint.ts). The Access Analyzer client is opened for this step only, in
// the instance's region, with the same profile and call accounting as the rest of the run.
import type { AwsContext } from '../aws/context.js';
import { openPolicyValidator } from '../aws/policy-validation.js';
import type { DesiredState } from '../model/types.js';
import { plural } from '../model/plural.js';
import { documentsToLint, findingsBySet, withPolicyLint } from '../plan/policy-lint.js';
import type { Plan } from '../plan/types.js';
import { UserError } from './command.js';
import type { AwsCliOptions } from './options.js';
import type { StderrProgress } from './progress.js';

export async function lintPolicies(
  plan: Plan,
  desired: DesiredState,
  ctx: Pick<AwsContext, 'region' | 'pacing'>,
  aws: AwsCliOptions,
  progress: StderrProgress,
): Promise<Plan> {
  const documents = documentsToLint(desired.permissionSets);
  if (documents.length === 0) return withPolicyLint(plan, { kind: 'checked', findings: [] });
  progress.note(`checking ${plural(documents.length, 'inline policy', 'inline policies')} with IAM Access Analyzer`);
  const validator = openPolicyValidator(aws.profile !== undefined ? { profile: aws.profile } : {}, ctx.region, ctx.pacing);
  try {
    const result = await validator.validate(documents.map((d) => d.document));
    progress.endLine();
    return withPolicyLint(
      plan,
      result.kind === 'checked' ? { kind: 'checked', findings: findingsBySet(documents, result.findings) } : result,
    );
  } finally {
    validator.close();
  }
}

/**
 * reconcile applies no plan with an ERROR finding (its own, with --lint-policies, or the
 * saved plan's, with --plan): AWS says such a policy does not work as written, and it
 * would only fail later, when the set is provisioned to an account.
 */
export function refusePolicyErrors(plans: readonly Pick<Plan, 'policyFindings'>[]): void {
  const errors = plans.flatMap((plan) =>
    (plan.policyFindings ?? []).flatMap(({ permissionSet, findings }) =>
      findings.filter((f) => f.findingType === 'ERROR').map((f) => `  - permission set "${permissionSet}": ${f.issueCode}: ${f.message}`),
    ),
  );
  if (errors.length === 0) return;
  const unique = [...new Set(errors)];
  throw new UserError(
    `reconcile: IAM Access Analyzer reports ${plural(unique.length, 'error')} in inline policies; nothing was changed:\n${unique.join('\n')}`,
  );
}
