// The plan's "Access changes" (plan.accessChanges, src/access/plan-access.ts) as a reader
// sees them: who gains and who loses what, grouped by person, privileged permission sets
// flagged. Text and markdown lay these out (access-changes-text.ts, access-changes-markdown.ts).
import { compareStrings } from '../model/order.js';
import { plural } from '../model/plural.js';
import type { AccessChange, ApplicationAccessChange } from '../plan/types.js';

export const ACCESS_SECTION_TITLE = 'Access changes';
export const PRIVILEGED_FLAG = '[privileged]';

/** "3 people gain access, 1 person loses access"; '' when nobody's access changes. Access to
 *  applications (`applications`) counts as access too. */
export function accessSummary(changes: readonly AccessChange[], applications: readonly ApplicationAccessChange[] = []): string {
  const people = (kind: AccessChange['change']) =>
    new Set([...changes, ...applications].filter((c) => c.change === kind).map((c) => c.userName)).size;
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

/** The changes by person (they arrive sorted by user, account name, permission set); a
 *  person's application changes (sorted by user, application) follow their account changes. */
export function changesByPerson(changes: readonly AccessChange[], applications: readonly ApplicationAccessChange[] = []): PersonChanges[] {
  const people = accountChangesByPerson(changes);
  if (applications.length === 0) return people;
  const byName = new Map(people.map((p) => [p.userName, p]));
  for (const c of applications) {
    let person = byName.get(c.userName);
    if (person === undefined) {
      person = { userName: c.userName, lines: [] };
      byName.set(c.userName, person);
      people.push(person);
    }
    const via = `${c.change === 'gain' ? 'via' : 'was via'} ${c.via.join(', ')}`;
    person.lines.push({ mark: c.change === 'gain' ? '+' : '-', text: `application "${c.application}"  ${via}`, privileged: false });
  }
  return people.sort((a, b) => compareStrings(a.userName, b.userName));
}

function accountChangesByPerson(changes: readonly AccessChange[]): PersonChanges[] {
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
