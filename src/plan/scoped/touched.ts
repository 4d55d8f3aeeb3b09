// What a change of the state files touches: the objects whose desired entry was added,
// removed or edited between two versions of the files (`plan --changed-since <ref>`).
// A scoped plan reads and plans only these (src/plan/scoped/restrict.ts says which
// changes belong to them). Pure: the two desired states and the organization's accounts in,
// names out. Anything whose effect cannot be confined to named objects (settings, the
// instance's own configuration, account pins, group renames) makes the scope "full".
import { canonicalJson } from '../canonical.js';
import type { LiveState } from '../../model/live.js';
import type { AssignmentEntry, AssignmentTriple, DesiredState, JsonValue, PrincipalType } from '../../model/types.js';
import { targetAccounts, tripleKey } from '../resolve.js';

export interface Touched {
  users: Set<string>;
  groups: Set<string>;
  /** membershipKey(group, userName) */
  memberships: Set<string>;
  permissionSets: Set<string>;
  /** tripleKey of every (set, principal, account) that a changed assignment entry names. */
  assignments: Map<string, AssignmentTriple>;
  /** Objects the change removes from the files: they take every live dependent with them
   *  (the plan's implied removals), so all their memberships and assignments are touched. */
  removedUsers: Set<string>;
  removedGroups: Set<string>;
  removedPermissionSets: Set<string>;
  /** Applications of `applications:` whose entry was added, removed or edited (its users
   *  and groups included): each is read and planned whole. */
  applications: Set<string>;
}

export type ScopeDecision = { scoped: Touched } | { full: string };

export const membershipKey = (group: string, userName: string): string => `${group}\u0000${userName}`;

/** The last answer of changedAssignmentEntries per `before`: a scoped plan asks three times
 *  (src/plan/scoped/accounts.ts twice, touchedObjects once), and on the L shape's 50,000
 *  assignments one answer costs about 0.7 s of CPU. */
const lastChanged = new WeakMap<DesiredState, { after: DesiredState; entries: readonly AssignmentEntry[] }>();

/** The assignment entries present on one side only (the ref's first, then today's), as objects of the two states. */
export function changedAssignmentEntries(before: DesiredState, after: DesiredState): readonly AssignmentEntry[] {
  const last = lastChanged.get(before);
  if (last?.after === after) return last.entries;
  const keyed = (d: DesiredState) => d.assignments.map((e) => ({ e, key: canonicalJson(withoutPos(e)) }));
  const [a, b] = [keyed(before), keyed(after)];
  const [aKeys, bKeys] = [new Set(a.map((x) => x.key)), new Set(b.map((x) => x.key))];
  const entries = [...a.filter((x) => !bKeys.has(x.key)), ...b.filter((x) => !aKeys.has(x.key))].map((x) => x.e);
  lastChanged.set(before, { after, entries });
  return entries;
}

/** Why the change cannot be scoped to named objects, or undefined when it can. */
export function unscopableChange(before: DesiredState, after: DesiredState): string | undefined {
  if (!same(before.settings, after.settings)) return 'settings changed';
  // an unmanaged kind's names are checked against every live object of the kind (resolve.ts)
  const unmanaged = Object.entries(after.settings.manage).find(([, managed]) => !managed);
  if (unmanaged) return `settings.manage.${unmanaged[0]} is false`;
  if (!same(before.instance ?? null, after.instance ?? null)) return 'the instance configuration changed';
  // declaring `applications:` or no longer declaring it starts or stops managing every one
  if ((before.applications === undefined) !== (after.applications === undefined)) return 'applications: was added or removed';
  if (!same(before.accountPins ?? [], after.accountPins ?? [])) return 'accounts.yaml changed';
  const renamed = [...before.groups, ...after.groups].find(
    (g) => (g.previousNames ?? []).length > 0 && !sameEntry(before.groups, after.groups, g.name),
  );
  if (renamed) return `group "${renamed.name}" has previousNames`;
  return undefined;
}

/**
 * The touched objects. `live` supplies the organization (accounts, and OUs when a changed
 * entry selects by them) to expand the changed assignment entries; diagnostics of the
 * expansion are the resolve step's own and are reported by the plan, so they are dropped here.
 */
export function touchedObjects(
  before: DesiredState,
  after: DesiredState,
  live: Pick<LiveState, 'accounts' | 'organizationalUnits'>,
): ScopeDecision {
  const why = unscopableChange(before, after);
  if (why !== undefined) return { full: why };
  const users = changedNames(before.users, after.users, (u) => u.userName);
  const groups = changedNames(
    before.groups.map(({ members: _m, expiringMembers: _e, ...g }) => g),
    after.groups.map(({ members: _m, expiringMembers: _e, ...g }) => g),
    (g) => g.name,
  );
  const permissionSets = changedNames(before.permissionSets, after.permissionSets, (s) => s.name);
  const memberships = changedMemberships(before, after);
  const assignments = new Map<string, AssignmentTriple>();
  // a triple that the changed entries name both before and after is desired on both sides:
  // only those named on one side can change (unchanged entries name the same on both)
  const changedEntries = new Set(changedAssignmentEntries(before, after));
  const named = (entries: readonly AssignmentEntry[]) =>
    new Map(
      entries
        .filter((e) => changedEntries.has(e))
        .flatMap((e) => expandEntry(e, live))
        .map((t) => [tripleKey(t), t]),
    );
  const changedBefore = named(before.assignments);
  const changedAfter = named(after.assignments);
  for (const [key, t] of changedBefore) if (!changedAfter.has(key)) assignments.set(key, t);
  for (const [key, t] of changedAfter) if (!changedBefore.has(key)) assignments.set(key, t);
  const applications = changedNames(before.applications ?? [], after.applications ?? [], (a) => a.name);
  return { scoped: { users, groups, memberships, permissionSets, assignments, ...removedObjects(before, after), applications } };
}

/** The users, groups and permission sets the files at the ref declare and the files now do not. */
export function removedObjects(
  before: DesiredState,
  after: DesiredState,
): Pick<Touched, 'removedUsers' | 'removedGroups' | 'removedPermissionSets'> {
  const removed = <T>(list: (d: DesiredState) => T[], name: (x: T) => string) => {
    const kept = new Set(list(after).map(name));
    return new Set(
      list(before)
        .map(name)
        .filter((n) => !kept.has(n)),
    );
  };
  return {
    removedUsers: removed(
      (d) => d.users,
      (u) => u.userName,
    ),
    removedGroups: removed(
      (d) => d.groups,
      (g) => g.name,
    ),
    removedPermissionSets: removed(
      (d) => d.permissionSets,
      (s) => s.name,
    ),
  };
}

/**
 * The triples an entry names, against the organization read. Diagnostics of the expansion
 * (an unknown account, an inactive one) are the resolve step's to report, so none are kept here.
 */
export function expandEntry(entry: AssignmentEntry, live: Pick<LiveState, 'accounts' | 'organizationalUnits'>): AssignmentTriple[] {
  const accounts = targetAccounts(entry, live, () => undefined);
  const principals: [PrincipalType, string][] = [
    ...entry.groups.map((g): [PrincipalType, string] => ['GROUP', g]),
    ...entry.users.map((u): [PrincipalType, string] => ['USER', u]),
  ];
  return principals.flatMap(([principalType, principal]) =>
    accounts.map((account) => ({ permissionSet: entry.permissionSet, principalType, principal, accountId: account.id })),
  );
}

/** How many objects the change touches, as the plan's scope line counts them. */
export function touchedCount(t: Touched): number {
  return t.users.size + t.groups.size + t.memberships.size + t.permissionSets.size + t.assignments.size + t.applications.size;
}

function changedNames<T>(before: readonly T[], after: readonly T[], name: (x: T) => string): Set<string> {
  const index = (list: readonly T[]) => new Map(list.map((x) => [name(x), canonicalJson(withoutPos(x))]));
  const a = index(before);
  const b = index(after);
  const changed = new Set<string>();
  for (const [n, text] of a) if (b.get(n) !== text) changed.add(n);
  for (const n of b.keys()) if (!a.has(n)) changed.add(n);
  return changed;
}

/** Member pairs present on one side only; an expiry added, changed or removed counts as an edit. */
function changedMemberships(before: DesiredState, after: DesiredState): Set<string> {
  const pairs = (d: DesiredState) => {
    const out = new Map<string, string>();
    for (const g of d.groups) {
      const expiring = new Map((g.expiringMembers ?? []).map((m) => [m.userName, canonicalJson(withoutPos(m.expiresAt))]));
      for (const m of g.members) out.set(membershipKey(g.name, m), expiring.get(m) ?? '');
    }
    return out;
  };
  const a = pairs(before);
  const b = pairs(after);
  const changed = new Set<string>();
  for (const [k, v] of a) if (b.get(k) !== v) changed.add(k);
  for (const k of b.keys()) if (!a.has(k)) changed.add(k);
  return changed;
}

/** The value as JSON without source positions: moving an entry within the files is no edit. */
function withoutPos(x: unknown): JsonValue {
  return JSON.parse(JSON.stringify({ v: x }, (k, v: unknown) => (k === 'pos' ? undefined : v))) as JsonValue;
}

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(withoutPos(a)) === canonicalJson(withoutPos(b));
}

function sameEntry<T extends { name: string }>(before: readonly T[], after: readonly T[], name: string): boolean {
  const a = before.find((x) => x.name === name);
  const b = after.find((x) => x.name === name);
  return a !== undefined && b !== undefined && same(a, b);
}
