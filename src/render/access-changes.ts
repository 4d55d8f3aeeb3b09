// The plan's "Access changes" (plan.accessChanges, src/access/plan-access.ts) as a reader
// sees them: who gains and who loses what, grouped by person, privileged permission sets
// flagged. Text and markdown lay these out (access-changes-text.ts, access-changes-markdown.ts).
import { plural } from '../model/plural.js';
import type { AccessChange } from '../plan/types.js';

export const ACCESS_SECTION_TITLE = 'Access changes';
export const PRIVILEGED_FLAG = '[privileged]';

/** "3 people gain access, 1 person loses access"; '' when nobody's access changes. */
export function accessSummary(changes: readonly AccessChange[]): string {
  const people = (kind: AccessChange['change']) => new Set(changes.filter((c) => c.change === kind).map((c) => c.userName)).size;
  const gain = people('gain');
  const lose = people('lose');
  const privileged = new Set(changes.filter((c) => c.change === 'gain' && c.privileged).map((c) => c.userName)).size;
  const parts = [
    ...(gain > 0
      ? [
          `${plural(gain, 'person', 'people')} ${gain === 1 ? 'gains' : 'gain'} access${privileged > 0 ? ` (${privileged} privileged)` : ''}`,
        ]
      : []),
    ...(lose > 0 ? [`${plural(lose, 'person', 'people')} ${lose === 1 ? 'loses' : 'lose'} access`] : []),
  ];
  return parts.join(', ');
}

export interface PersonChanges {
  userName: string;
  /** One line per change: "+ prod (111111111111)  AdministratorAccess  via group:Admins  [privileged]". */
  lines: { mark: '+' | '-'; text: string; privileged: boolean }[];
}

/** The changes by person (they arrive sorted by user, account name, permission set). */
export function changesByPerson(changes: readonly AccessChange[]): PersonChanges[] {
  const people: PersonChanges[] = [];
  const accountWidth = Math.max(0, ...changes.map((c) => accountLabel(c).length));
  const setWidth = Math.max(0, ...changes.map((c) => c.permissionSet.length));
  for (const c of changes) {
    let person = people[people.length - 1];
    if (person?.userName !== c.userName) {
      person = { userName: c.userName, lines: [] };
      people.push(person);
    }
    const via = `${c.change === 'gain' ? 'via' : 'was via'} ${c.via.join(', ')}`;
    const text = `${accountLabel(c).padEnd(accountWidth)}  ${c.permissionSet.padEnd(setWidth)}  ${via}${c.privileged ? `  ${PRIVILEGED_FLAG}` : ''}`;
    person.lines.push({ mark: c.change === 'gain' ? '+' : '-', text, privileged: c.privileged });
  }
  return people;
}

function accountLabel(c: AccessChange): string {
  return `${c.accountName} (${c.accountId})`;
}
