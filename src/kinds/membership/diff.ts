// Group memberships as a set of (group, userName) pairs. A group listed in the state
// files has exactly its `members`; groups not listed keep theirs. Ignored groups and
// ignored users are never touched here; the memberships a deleted group or user takes
// with it are listed by src/plan/diff/implied.ts.
import type { DesiredState } from '../../model/types.js';
import { matchesAnyGlob } from '../../model/glob.js';
import type { NamedLive } from '../../plan/live-names.js';
import type { MembershipChange } from '../../plan/types.js';
import type { DiffResult } from '../../plan/diff/result.js';

/** (group, userName) pairs as userNames by group: looked up with the strings at hand, where
 *  a joined key per pair built 120,000 strings at L size. */
class PairSet {
  private readonly byGroup = new Map<string, Set<string>>();

  add(group: string, userName: string): void {
    const users = this.byGroup.get(group);
    if (users) users.add(userName);
    else this.byGroup.set(group, new Set([userName]));
  }

  has(group: string, userName: string): boolean {
    return this.byGroup.get(group)?.has(userName) === true;
  }
}

export function diffMemberships(desired: DesiredState, live: NamedLive): DiffResult<MembershipChange> {
  const result: DiffResult<MembershipChange> = { changes: [], warnings: [] };
  if (!desired.settings.manage.groupMemberships) return result;
  const { ignore } = desired.settings;
  const untouchable = (group: string, userName: string) => matchesAnyGlob(group, ignore.groups) || matchesAnyGlob(userName, ignore.users);

  const liveKeys = new PairSet();
  for (const m of live.memberships) liveKeys.add(m.group, m.userName);
  const listedGroups = new Set<string>();
  const wanted = new PairSet();
  for (const group of desired.groups) {
    listedGroups.add(group.name);
    for (const userName of group.members) {
      if (untouchable(group.name, userName)) continue;
      wanted.add(group.name, userName);
      if (!liveKeys.has(group.name, userName)) result.changes.push({ kind: 'membership', action: 'create', group: group.name, userName });
    }
  }
  for (const m of live.memberships) {
    if (!listedGroups.has(m.group) || untouchable(m.group, m.userName) || wanted.has(m.group, m.userName)) continue;
    result.changes.push({ kind: 'membership', action: 'delete', group: m.group, userName: m.userName });
  }
  return result;
}
