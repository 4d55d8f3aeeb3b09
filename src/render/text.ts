// The terminal rendering: terraform-like `+ ~ -` lines grouped by kind, attribute
// changes below each headline, policy changes as line diffs, then refusals, warnings
// and the summary line. Colour only when asked (the command asks on a TTY).
import { scopeLine } from './scope.js';
import { wholePlanRefusals, type Plan } from '../plan/types.js';
import { attributionTextLines } from './attribution-text.js';
import { EXPIRING_TITLE, KIND_SECTIONS, NO_CHANGES, describeChange, expiringLines, summaryLine, type Line, type Mark } from './describe.js';
import { policyFindingsText } from './policy-findings-text.js';
import { accessChangesText } from './access-changes-text.js';

export interface TextOptions {
  color: boolean;
}

const ANSI = { red: 31, green: 32, yellow: 33, bold: 1 } as const;
type Style = keyof typeof ANSI;

const MARK_STYLE: Record<Mark, Style | undefined> = { '+': 'green', '-': 'red', '~': 'yellow', ' ': undefined };

export function renderText(plan: Plan, options: TextOptions): string {
  const paint = (style: Style | undefined, text: string) => (options.color && style ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
  const layout = (l: Line) => paint(MARK_STYLE[l.mark], `${'    '.repeat(l.depth)}  ${l.mark} ${l.text}`.trimEnd());
  const out: string[] = [];
  const scope = scopeLine(plan);
  if (scope !== undefined) out.push(paint('bold', `Plan ${scope}.`), '');

  for (const { kind, title } of KIND_SECTIONS) {
    const changes = plan.changes.filter((c) => c.kind === kind);
    if (changes.length === 0) continue;
    out.push(paint('bold', `${title}:`));
    for (const c of changes) out.push(...describeChange(c).map(layout));
    out.push('');
  }
  out.push(...accessChangesText(plan, paint));
  if (plan.refused.length > 0) {
    const whole = wholePlanRefusals(plan).length > 0;
    out.push(
      paint(
        'red',
        paint(
          'bold',
          whole
            ? 'Refused: reconcile will not apply this plan.'
            : 'Refused alone: reconcile applies everything else, not these changes nor what depends on them.',
        ),
      ),
    );
    for (const r of plan.refused) out.push(paint('red', `  x [${r.rule}] ${r.message}`));
    out.push('');
  }
  out.push(...policyFindingsText(plan, paint));
  out.push(...attributionTextLines(plan, (text) => paint('bold', text)));
  if (plan.notes !== undefined && plan.notes.length > 0) {
    out.push(paint('bold', 'Not compared:'));
    for (const n of plan.notes) out.push(`  - ${n}`);
    out.push('');
  }
  if (plan.expiring !== undefined && plan.expiring.length > 0) {
    out.push(paint('bold', `${EXPIRING_TITLE}:`));
    for (const line of expiringLines(plan)) out.push(`  ${line}`);
    out.push('');
  }
  if (plan.warnings.length > 0) {
    out.push(paint('bold', 'Warnings:'));
    for (const w of plan.warnings) out.push(paint('yellow', `  ! ${w}`));
    out.push('');
  }
  out.push(plan.changes.length === 0 ? NO_CHANGES : paint('bold', summaryLine(plan)));
  return `${out.join('\n')}\n`;
}
