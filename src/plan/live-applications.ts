// The live applications by name, their assignments by user and group name (the diff
// compares names). An assignment whose principal id names no live user or group is left
// out with a warning, so it is never touched; an application name held by two applications
// is ambiguous, so both are left alone with a warning.
import type { ApplicationState } from '../model/applications.js';
import type { LiveGroup, LiveState, LiveUser } from '../model/live.js';
import { compareStrings } from '../model/order.js';

export interface NamedApplication extends Omit<ApplicationState, 'users' | 'groups'> {
  /** userNames assigned, sorted */
  users: string[];
  /** group names assigned, sorted */
  groups: string[];
}

export function nameApplications(
  live: LiveState,
  usersById: ReadonlyMap<string, LiveUser>,
  groupsById: ReadonlyMap<string, LiveGroup>,
  warn: (message: string) => void,
): Map<string, NamedApplication> {
  const named = new Map<string, NamedApplication>();
  const ambiguous = new Set<string>();
  for (const app of live.applications ?? []) {
    if (named.has(app.name) || ambiguous.has(app.name)) {
      if (!ambiguous.has(app.name))
        warn(`more than one live application is named "${app.name}"; none of them is touched (rename them apart in the console)`);
      ambiguous.add(app.name);
      named.delete(app.name);
      continue;
    }
    const names = (ids: readonly string[], byId: ReadonlyMap<string, { name?: string; userName?: string }>, what: string) =>
      ids
        .flatMap((id) => {
          const principal = byId.get(id);
          const name = principal?.userName ?? principal?.name;
          if (name === undefined)
            warn(`live assignment of ${what} ${id} to application "${app.name}" names an unknown ${what}; it is left alone`);
          return name === undefined ? [] : [name];
        })
        .sort(compareStrings);
    named.set(app.name, { ...app, users: names(app.users, usersById, 'user'), groups: names(app.groups, groupsById, 'group') });
  }
  return named;
}
