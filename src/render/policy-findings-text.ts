// The terminal rendering of IAM Access Analyzer's findings: one block per permission set,
// one line per finding (type, issue code, where, AWS's message) and its "learn more" link.
import type { Plan, PolicyFindingType } from '../plan/types.js';
import { findingCounts, findingWhere, findingsOfType } from './policy-findings.js';

export type Paint = (style: 'red' | 'yellow' | 'bold' | undefined, text: string) => string;

const MARK: Record<PolicyFindingType, string> = { ERROR: 'x', SECURITY_WARNING: '!', WARNING: '!', SUGGESTION: '-' };
const STYLE: Record<PolicyFindingType, 'red' | 'yellow' | undefined> = {
  ERROR: 'red',
  SECURITY_WARNING: 'red',
  WARNING: 'yellow',
  SUGGESTION: undefined,
};

/** The lines of the findings section (ending with an empty line); none when the policies were not checked. */
export function policyFindingsText(plan: Pick<Plan, 'policyFindings'>, paint: Paint): string[] {
  if (plan.policyFindings === undefined) return [];
  const out = [paint('bold', `Inline policies checked by IAM Access Analyzer: ${findingCounts(plan)}.`)];
  for (const { permissionSet, findings } of plan.policyFindings) {
    out.push(`  permission set "${permissionSet}":`);
    for (const f of findings) {
      const where = findingWhere(f);
      out.push(
        paint(
          STYLE[f.findingType],
          `    ${MARK[f.findingType]} ${f.findingType} ${f.issueCode}${where === '' ? '' : ` at ${where}`}: ${f.message}`,
        ),
      );
      if (f.learnMoreLink !== undefined) out.push(`        ${f.learnMoreLink}`);
    }
  }
  if (findingsOfType(plan, 'ERROR').length > 0) {
    out.push(paint('red', paint('bold', 'AWS reports errors in inline policies: the plan fails and reconcile will not apply it.')));
  }
  out.push('');
  return out;
}
