// The pull-request rendering of IAM Access Analyzer's findings: errors in a CAUTION box
// (they fail the plan), security warnings in a WARNING box (a reviewer must not miss
// them), warnings and suggestions collapsed, by permission set. The section has a size
// budget of its own, so a policy with hundreds of findings cannot crowd the changes out of
// the comment; what does not fit is counted and left to the plan.json artifact.
import type { Plan, PolicyFinding, PolicyFindingType } from '../plan/types.js';
import { countOf, findingCounts, findingWhere, findingsOfType } from './policy-findings.js';

/** Characters the section may take of the comment (GitHub's limit is 65,536 for all of it). */
export const MAX_FINDINGS_MARKDOWN = 15_000;

type Escape = (text: string) => string;

function item(escape: Escape, finding: PolicyFinding, permissionSet?: string): string {
  const where = findingWhere(finding);
  const set = permissionSet === undefined ? '' : `**${escape(permissionSet)}** · `;
  const at = where === '' ? '' : ` at \`${where.replace(/`/g, "'")}\``;
  const link = finding.learnMoreLink === undefined ? '' : ` ([learn more](${finding.learnMoreLink}))`;
  return `${set}\`${finding.issueCode}\`${at}: ${escape(finding.message)}${link}`;
}

/** Adds lines while they fit the budget; counts what did not. */
class Lines {
  readonly lines: string[] = [];
  private size = 0;
  left = 0;
  constructor(private readonly budget: number) {}
  add(line: string): void {
    if (this.left > 0 || this.size + line.length + 1 > this.budget) {
      this.left++;
      return;
    }
    this.lines.push(line);
    this.size += line.length + 1;
  }
  /** A closing line that must follow what was opened, budget or not. */
  close(line: string): void {
    this.lines.push(line);
    this.size += line.length + 1;
  }
}

function box(kind: 'CAUTION' | 'WARNING', headline: string, items: readonly string[], budget: Lines): void {
  budget.add(`> [!${kind}]\n> **${headline}**\n>`);
  for (const i of items) budget.add(`> - ${i}`);
  budget.add('');
}

/** The findings section (markdown, ending with a blank line), or '' when the policies were not checked. */
export function policyFindingsMarkdown(plan: Pick<Plan, 'policyFindings'>, escape: Escape): string {
  if (plan.policyFindings === undefined) return '';
  const out = new Lines(MAX_FINDINGS_MARKDOWN);
  const flagged = (type: PolicyFindingType) =>
    findingsOfType(plan, type).map(({ permissionSet, finding }) => item(escape, finding, permissionSet));
  const errors = flagged('ERROR');
  if (errors.length > 0) {
    box(
      'CAUTION',
      `IAM Access Analyzer: ${countOf('ERROR', errors.length)} in inline policies. This plan fails; \`reconcile\` will not apply it.`,
      errors,
      out,
    );
  }
  const security = flagged('SECURITY_WARNING');
  if (security.length > 0) {
    box(
      'WARNING',
      `IAM Access Analyzer: ${countOf('SECURITY_WARNING', security.length)} in inline policies. Review before merging.`,
      security,
      out,
    );
  }
  const others = plan.policyFindings.flatMap(({ permissionSet, findings }) => {
    const rest = findings.filter((f) => f.findingType === 'WARNING' || f.findingType === 'SUGGESTION');
    return rest.length === 0 ? [] : [{ permissionSet, rest }];
  });
  if (others.length > 0) {
    out.add(
      `<details><summary><b>Policy findings</b> (${findingCounts({ policyFindings: others.map(({ permissionSet, rest }) => ({ permissionSet, findings: rest })) })})</summary>\n`,
    );
    for (const { permissionSet, rest } of others) {
      out.add(`- **${escape(permissionSet)}**`);
      for (const f of rest) out.add(`  - ${f.findingType === 'WARNING' ? 'warning' : 'suggestion'}: ${item(escape, f)}`);
    }
    out.close('\n</details>\n');
  }
  if (errors.length + security.length + others.length === 0)
    out.add('<sub>Inline policies checked by IAM Access Analyzer: no findings.</sub>\n');
  const more = out.left > 0 ? `… ${out.left} more lines of policy findings not shown; see the plan.json artifact\n\n` : '';
  return `${out.lines.join('\n')}\n${more}`;
}
