// The markdown section of `plan --attribute` (the PR comment and the drift issue body): a
// table of who made each change, when and from where. Kept within `budget` characters:
// rows that do not fit are counted in a closing line instead.
import type { Plan } from '../plan/types.js';
import { attributionView, fromWhere, who } from './attribution-lines.js';
import { tableCell } from './markdown-text.js';

// GitHub tables split on "|" even inside a code span unless it is escaped
const code = (s: string) => `\`${s.replace(/`/g, "'").replace(/\|/g, '\\|').replace(/\n/g, ' ')}\``;
const MORE_RESERVE = 120;

/** The section, or '' without --attribute or when even its heading does not fit `budget`. */
export function attributionMarkdown(plan: Plan, budget: number): string {
  const view = attributionView(plan);
  if (view === undefined || (view.note === undefined && view.changes.length === 0)) return '';
  let out = `#### ${tableCell(view.title)}\n\n`;
  if (view.note !== undefined) out += `> [!WARNING]\n> ${tableCell(view.note)}\n\n`;
  if (view.changes.length > 0) out += '| change | when | who | from | event |\n|---|---|---|---|---|\n';
  if (out.length > budget) return '';
  let left = 0;
  for (const c of view.changes) {
    const rows =
      c.events.length > 0
        ? c.events.map(
            (e) =>
              `| ${code(c.headline)} | ${tableCell(e.time)} | ${tableCell(who(e))} | ${tableCell(fromWhere(e))} | ${tableCell(e.eventName)} |\n`,
          )
        : [`| ${code(c.headline)} | | _${tableCell(c.note ?? 'no CloudTrail event')}_ | | |\n`];
    const block = rows.join('');
    if (left > 0 || out.length + block.length + MORE_RESERVE > budget) {
      left++;
      continue;
    }
    out += block;
  }
  if (left > 0) out += `\n… ${left} more changes' attribution not shown; see the plan.json artifact\n`;
  return `${out}\n`;
}
