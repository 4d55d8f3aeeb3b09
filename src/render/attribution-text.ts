// The terminal section of `plan --attribute`: each change with the CloudTrail events that
// explain it, or why there are none.
import type { Plan } from '../plan/types.js';
import { attributionView, eventPhrase } from './attribution-lines.js';

/** The section's lines (ending with a blank line), or none without --attribute. */
export function attributionTextLines(plan: Plan, bold: (text: string) => string): string[] {
  const view = attributionView(plan);
  if (view === undefined || (view.note === undefined && view.changes.length === 0)) return [];
  const out = [bold(`${view.title}:`)];
  if (view.note !== undefined) out.push(`  ! ${view.note}`);
  for (const c of view.changes) {
    out.push(`  ${c.headline}`);
    for (const e of c.events) out.push(`      ${eventPhrase(e)}`);
    if (c.note !== undefined) out.push(`      (${c.note})`);
  }
  out.push('');
  return out;
}
