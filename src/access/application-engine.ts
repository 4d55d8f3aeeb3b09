// Who can use each application: one row per (user, application), with what grants it —
// a direct assignment, membership of an assigned group, or `everyone` when the application
// does not require assignment. Pure and AWS-free like the account engine (engine.ts); an
// instance holds few applications, so plain maps and one sort suffice.
import { compareStrings } from '../model/order.js';
import { DIRECT, EVERYONE, viaGroup, type AccessPerson, type ApplicationAccessInput, type ApplicationAccessRow } from './types.js';

function unknownPerson(userName: string): AccessPerson {
  return { userName, displayName: null, email: null, status: 'unknown' };
}

/** Rows sorted by user, then application; `via` sorted (direct < everyone < group:…). */
export function computeApplicationAccess(input: ApplicationAccessInput): ApplicationAccessRow[] {
  const membersOf = new Map<string, string[]>();
  for (const m of input.memberships) {
    const list = membersOf.get(m.group);
    if (list) list.push(m.userName);
    else membersOf.set(m.group, [m.userName]);
  }
  // userName → application → via entries
  const grants = new Map<string, Map<string, Set<string>>>();
  const disabled = new Set(input.applications.filter((a) => a.disabled === true).map((a) => a.name));
  const grant = (userName: string, application: string, via: string) => {
    let apps = grants.get(userName);
    if (!apps) grants.set(userName, (apps = new Map<string, Set<string>>()));
    let set = apps.get(application);
    if (!set) apps.set(application, (set = new Set<string>()));
    set.add(via);
  };
  for (const app of input.applications) {
    for (const userName of app.users) grant(userName, app.name, DIRECT);
    for (const group of app.groups) for (const userName of membersOf.get(group) ?? []) grant(userName, app.name, viaGroup(group));
    if (!app.assignmentRequired) for (const userName of input.users.keys()) grant(userName, app.name, EVERYONE);
  }
  const rows: ApplicationAccessRow[] = [];
  for (const userName of [...grants.keys()].sort(compareStrings)) {
    const person = input.users.get(userName) ?? unknownPerson(userName);
    const apps = grants.get(userName) ?? new Map<string, Set<string>>();
    for (const application of [...apps.keys()].sort(compareStrings)) {
      rows.push({
        userName,
        displayName: person.displayName,
        email: person.email,
        status: person.status,
        application,
        via: [...(apps.get(application) ?? [])].sort(compareStrings),
        ...(disabled.has(application) ? { applicationDisabled: true as const } : {}),
      });
    }
  }
  return rows;
}

/** The key an application row is compared by across sources: user, application. */
export function applicationAccessKey(row: Pick<ApplicationAccessRow, 'userName' | 'application'>): string {
  return `${row.userName}\u0000${row.application}`;
}
