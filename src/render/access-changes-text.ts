// The plan's access changes in the terminal rendering: a section after the changes,
// grouped by person, gains green and losses red, privileged permission sets flagged.
import type { Plan } from '../plan/types.js';
import { ACCESS_SECTION_TITLE, accessSummary, changesByPerson } from './access-changes.js';

type Style = 'red' | 'green' | 'yellow' | 'bold';
export type Paint = (style: Style | undefined, text: string) => string;

export function accessChangesText(plan: Pick<Plan, 'accessChanges' | 'applicationAccessChanges'>, paint: Paint): string[] {
  const changes = plan.accessChanges ?? [];
  const applications = plan.applicationAccessChanges ?? [];
  if (changes.length === 0 && applications.length === 0) return [];
  const out = [paint('bold', `${ACCESS_SECTION_TITLE}: ${accessSummary(changes, applications)}:`)];
  for (const person of changesByPerson(changes, applications)) {
    out.push(`  ${person.userName}`);
    for (const line of person.lines) {
      const style = line.privileged && line.mark === '+' ? 'bold' : undefined;
      out.push(paint(line.mark === '+' ? 'green' : 'red', paint(style, `    ${line.mark} ${line.text}`)));
    }
  }
  out.push('');
  return out;
}
