// Group memberships as a set of (group, userName) pairs. A group listed in the state
// files has exactly its `members`; groups not listed keep theirs. Ignored groups and
// ignored users are never touched here; the memberships a deleted group or user takes
// with it are listed by src/plan/diff/implied.ts.
import type { DesiredState } from '../../model/types.js';
import { matchesAnyGlob } from '../../model/glob.js';
import type { NamedLive } from '../../plan/live-names.js';
import type { MembershipChange } from '../../plan/types.js';
import type { DiffResult } from '../../plan/diff/result.js';

const key = (group: string, userName: string) => `${group}\u0000${userName}`;

export function diffMemberships(desired: DesiredState, live: NamedLive): DiffResult<MembershipChange> {
  const result: DiffResult<MembershipChange> = { changes: [], warnings: [] };
  if (!desired.settings.manage.groupMemberships) return result;
  const { ignore } = desired.settings;
  const untouchable = (group: string, userName: string) => matchesAnyGlob(group, ignore.groups) || matchesAnyGlob(userName, ignore.users);

  const liveKeys = new Set(live.memberships.map((m) => key(m.group, m.userName)));
  const listedGroups = new Set<string>();
  const wanted = new Set<string>();
  for (const group of desired.groups) {
    listedGroups.add(group.name);
    for (const userName of group.members) {
      if (untouchable(group.name, userName)) continue;
      wanted.add(key(group.name, userName));
      if (!liveKeys.has(key(group.name, userName)))
        result.changes.push({ kind: 'membership', action: 'create', group: group.name, userName });
    }
  }
  for (const m of live.memberships) {
    if (!listedGroups.has(m.group) || untouchable(m.group, m.userName) || wanted.has(key(m.group, m.userName))) continue;
    result.changes.push({ kind: 'membership', action: 'delete', group: m.group, userName: m.userName });
  }
  return result;
}
