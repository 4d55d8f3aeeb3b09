// Assignments as sets of concrete (permission set, principal, account) triples: the
// resolved desired triples against the live ones. Triples of an ignored set or
// principal are never touched; a protected live triple that the files no longer list
// is kept, with a warning, rather than deleted.
import type { AssignmentTriple, DesiredState, ProtectEntry } from '../../model/types.js';
import { matchesAnyGlob } from '../../model/glob.js';
import { accountIgnored } from '../../plan/accounts.js';
import type { NamedLive } from '../../plan/live-names.js';
import type { ResolvedDesired } from '../../plan/resolve.js';
import type { AssignmentChange } from '../../plan/types.js';
import type { GoesAway } from '../../plan/diff/implied.js';
import type { DiffResult } from '../../plan/diff/result.js';
import { TripleSet } from './triple-set.js';

/** Whether a protect entry covers a triple (its account given by name or by id). */
export function protects(entry: ProtectEntry, t: AssignmentTriple, live: NamedLive): boolean {
  if (entry.permissionSet !== t.permissionSet) return false;
  const principal = t.principalType === 'GROUP' ? entry.group : entry.user;
  if (principal !== t.principal) return false;
  if (entry.account === undefined) return true;
  return entry.account === t.accountId || live.accountsById.get(t.accountId)?.name === entry.account;
}

export function describeTriple(t: AssignmentTriple, live: NamedLive): string {
  const account = live.accountsById.get(t.accountId);
  const where = account ? `${account.name} (${t.accountId})` : t.accountId;
  return `"${t.permissionSet}" for ${t.principalType.toLowerCase()} "${t.principal}" on ${where}`;
}

/** `goesAway`: assignments whose principal or set the plan deletes (src/plan/diff/implied.ts
 *  lists their removal); protecting one cannot keep it, so it gets no "kept" warning. */
export function diffAssignments(
  desired: DesiredState,
  resolved: ResolvedDesired,
  goesAway: GoesAway = () => false,
): DiffResult<AssignmentChange> {
  const result: DiffResult<AssignmentChange> = { changes: [], warnings: [] };
  if (!desired.settings.manage.assignments) return result;
  const live = resolved.live;
  const { ignore, safety } = desired.settings;
  const ignoredAccount = (id: string) => accountIgnored(live.accountsById.get(id) ?? { id, name: id }, ignore.accounts);
  const ignored = (t: AssignmentTriple) =>
    ignoredAccount(t.accountId) ||
    matchesAnyGlob(t.permissionSet, ignore.permissionSets) ||
    matchesAnyGlob(t.principal, t.principalType === 'GROUP' ? ignore.groups : ignore.users);
  const change = (action: 'create' | 'delete', t: AssignmentTriple): AssignmentChange => {
    const accountName = live.accountsById.get(t.accountId)?.name;
    return {
      kind: 'assignment',
      action,
      permissionSet: t.permissionSet,
      principalType: t.principalType,
      principal: t.principal,
      accountId: t.accountId,
      ...(accountName !== undefined ? { accountName } : {}),
    };
  };

  const liveKeys = new TripleSet(live.assignments);
  const wantedKeys = new TripleSet();
  const warnedIgnored = new Set<string>();
  for (const t of resolved.assignments) {
    if (ignored(t)) {
      const pair = `"${t.permissionSet}" for ${t.principalType.toLowerCase()} "${t.principal}"`;
      if (!warnedIgnored.has(pair)) result.warnings.push(`assignment ${pair} matches a settings.ignore pattern; it is left alone`);
      warnedIgnored.add(pair);
      continue;
    }
    wantedKeys.add(t);
    if (!liveKeys.has(t)) result.changes.push(change('create', t));
  }
  for (const t of live.assignments) {
    if (wantedKeys.has(t) || ignored(t)) continue;
    if (safety.protect.some((p) => protects(p, t, live)) && !goesAway(t)) {
      result.warnings.push(
        `assignment ${describeTriple(t, live)} is not in the state files but is protected (settings.safety.protect); it is kept`,
      );
      continue;
    }
    result.changes.push(change('delete', t));
  }
  return result;
}
