// The plan's access changes in the PR comment: a section before the per-kind changes,
// open (a reviewer must not have to click to see an escalation), grouped by person in a
// ```diff block, within the room the comment gives it. What does not fit is counted.
import type { Plan } from '../plan/types.js';
import { plural } from '../model/plural.js';
import { ACCESS_SECTION_TITLE, accessSummary, changesByPerson } from './access-changes.js';

/** " 3 people gain access, 1 person loses access." after the plan's summary line; '' when none. */
export function accessSummaryMarkdown(plan: Pick<Plan, 'accessChanges' | 'applicationAccessChanges'>): string {
  const summary = accessSummary(plan.accessChanges ?? [], plan.applicationAccessChanges ?? []);
  return summary === '' ? '' : ` ${summary[0]?.toUpperCase() ?? ''}${summary.slice(1)}.`;
}

/**
 * The section, at most `room` characters. `fenceFor` is the comment's own fence maker
 * (a fence longer than any backtick run in the lines, so no name can close it).
 */
export function accessChangesMarkdown(
  plan: Pick<Plan, 'accessChanges' | 'applicationAccessChanges'>,
  room: number,
  fenceFor: (lines: readonly string[]) => string,
): string {
  const changes = plan.accessChanges ?? [];
  const applications = plan.applicationAccessChanges ?? [];
  if (changes.length === 0 && applications.length === 0) return '';
  const people = changesByPerson(changes, applications);
  // person headline, then their changes; cut line by line so one person with a thousand grants still shows some
  const lines = people.flatMap((p) => [
    { text: `  ${p.userName}\n`, person: p.userName, change: false },
    ...p.lines.map((l) => ({ text: `${l.mark}   ${l.text}\n`, person: p.userName, change: true })),
  ]);
  const blocks = lines.map((l) => l.text);
  const fence = fenceFor(blocks.flatMap((b) => b.split('\n')));
  const privileged = changes.filter((c) => c.change === 'gain' && c.privileged);
  const warning =
    privileged.length > 0
      ? `> [!WARNING]\n> **Privileged access gained** (settings.review.privileged): ${plural(new Set(privileged.map((c) => c.userName)).size, 'person', 'people')}, ${plural(privileged.length, 'grant')}.\n\n`
      : '';
  const open = `${warning}<details open><summary><b>${ACCESS_SECTION_TITLE}</b> (${accessSummary(changes, applications)})</summary>\n\n${fence}diff\n`;
  const close = `${fence}\n\n</details>\n\n`;
  const NOTE_ROOM = 120;
  let used = open.length + close.length + NOTE_ROOM;
  if (used > room) return '';
  let shown = 0;
  for (const line of lines) {
    if (used + line.text.length > room) break;
    used += line.text.length;
    shown++;
  }
  const left = lines.slice(shown).filter((l) => l.change);
  const note =
    left.length > 0
      ? `… ${plural(left.length, 'more access change')} of ${plural(new Set(left.map((l) => l.person)).size, 'person', 'people')} not shown; see the plan.json artifact\n\n`
      : '';
  return `${open}${blocks.slice(0, shown).join('')}${close}${note}`;
}
