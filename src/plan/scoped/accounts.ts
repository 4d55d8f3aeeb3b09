// Which accounts a scoped plan reads (`plan --changed-since`). Listing the organization
// costs one ListAccounts call per 20 accounts (organizations service model:
// ListAccountsRequest.MaxResults is 1..20): 51 calls on a 1,000-account organization, most
// of what a one-entry pull request costs. When the change names its accounts by 12-digit
// id or by a name pinned in accounts.yaml, the plan describes just those accounts instead
// (organizations DescribeAccount, one call each, src/aws/kinds/organization.ts) and plans
// the files as restrictToAccounts leaves them: what cannot name a touched assignment is
// left out, so nothing resolves against an account that was not read. Pure: files in,
// account ids or the reason to list out.
import type { LiveState } from '../../model/live.js';
import type { Account, AssignmentEntry, DesiredState } from '../../model/types.js';
import { changedAssignmentEntries, removedObjects } from './touched.js';

/** How the scoped plan learns the accounts: these ids described one by one, or the organization listed (and why). */
export type AccountRead = { describe: string[] } | { list: string };

const ACCOUNT_ID = /^\d{12}$/;
const ACCOUNTS_PER_PAGE = 20;

/** The ListAccounts pages a listing of every account the files know of (pins and ids) is estimated to take. */
export function accountListingPages(before: DesiredState, after: DesiredState = before): number {
  return Math.max(1, Math.ceil(knownAccounts(before, after).size / ACCOUNTS_PER_PAGE));
}

/** `describeAtMost`: how many accounts are described before listing is cheaper; by default the
 *  pages a listing of every account the files know of (pins and ids) takes. */
export function accountRead(
  before: DesiredState,
  after: DesiredState,
  managementAccountId: string,
  describeAtMost = accountListingPages(before, after),
): AccountRead {
  const removed = removedObjects(before, after);
  if (removed.removedUsers.size + removed.removedGroups.size + removed.removedPermissionSets.size > 0)
    return { list: 'a removed user, group or permission set takes its assignments on every account with it' };
  const pins = new Map((after.accountPins ?? []).map((p) => [p.name, p.id]));
  const idOf = (ref: string) => (ACCOUNT_ID.test(ref) ? ref : pins.get(ref));
  const changed = changedAssignmentEntries(before, after);
  for (const entry of changed) {
    if (selects(entry)) return { list: 'a changed assignment entry selects accounts by organizational unit or tag' };
    const unpinned = [...entry.accounts, ...entry.excludeAccounts].find((ref) => idOf(ref) === undefined);
    if (unpinned !== undefined) return { list: `account "${unpinned}" is not pinned in accounts.yaml` };
  }
  // the accounts of the assignments the changed entries name on one side only (by the pins:
  // a pin that no longer holds is then found on the account described); an account an
  // edited entry names before and after is not touched, nor read
  const fromBefore = new Set(before.assignments);
  const named = (entries: readonly AssignmentEntry[]) =>
    new Set(
      entries.flatMap((e) => {
        const excluded = new Set(e.excludeAccounts.map(idOf));
        const accounts = [...new Set(e.accounts.map(idOf))].filter((id) => !excluded.has(id));
        return principalPairs(e).flatMap((pair) => accounts.map((id) => `${pair}\u0000${id ?? ''}`));
      }),
    );
  const namedBefore = named(changed.filter((e) => fromBefore.has(e)));
  const namedAfter = named(changed.filter((e) => !fromBefore.has(e)));
  const accountOf = (triple: string) => triple.slice(triple.lastIndexOf('\u0000') + 1);
  const ids = new Set([
    ...[...namedBefore].filter((t) => !namedAfter.has(t)).map(accountOf),
    ...[...namedAfter].filter((t) => !namedBefore.has(t)).map(accountOf),
  ]);
  // an unchanged entry that selects by OU or tag may name a touched assignment: only the
  // organization's tree and tags can say, so it is read as for a full plan
  const touchedPairs = new Set(changed.flatMap(principalPairs));
  const changedSet = new Set(changed);
  const selecting = after.assignments.find((e) => !changedSet.has(e) && selects(e) && principalPairs(e).some((p) => touchedPairs.has(p)));
  if (selecting)
    return {
      list: `an assignment entry of "${selecting.permissionSet}" that selects by organizational unit or tag names a changed principal`,
    };
  const { protect } = after.settings.safety;
  for (const entry of protect) {
    if (entry.account === undefined) continue;
    // a protected pair limited to an account by name covers whichever account bears the
    // name now (src/kinds/assignment/diff.ts, protects), and the full plan's pin check
    // refuses when another account took it: only the list can say
    if (!ACCOUNT_ID.test(entry.account)) return { list: `the protected account "${entry.account}" is named, not given by id` };
    ids.add(entry.account);
  }
  if ((after.settings.ignore.accounts ?? []).length > 0) {
    // the management account's assignments may be read (the lock-out guard, needs.ts), and
    // whether it is ignored can be a matter of its name; the protected pairs are not read
    // on every account (needs.ts), so no other account's name is needed
    ids.add(managementAccountId);
  }
  if (ids.size > describeAtMost)
    return { list: `describing ${ids.size} accounts costs more calls than listing the organization (about ${describeAtMost})` };
  return { describe: [...ids].sort() };
}

/**
 * The files as a plan against the described accounts sees them. An entry that shares no
 * (permission set, principal) with a changed one cannot name a touched assignment and is
 * left out; one that does (the changed ones too) keeps the account references that can
 * mean a described account: an id described, a name pinned to one, or the name one carries now. Pins stay for the
 * described accounts and the names still used, so a pin whose account is gone or renamed
 * gives the full plan's warning and error. What is left out is planned by the full plan
 * (the nightly drift check), problems of accounts the change does not touch included.
 */
export function restrictToAccounts(
  before: DesiredState,
  after: DesiredState,
  described: readonly string[],
  accounts: readonly Account[],
): DesiredState {
  const ids = new Set(described);
  const names = new Set(accounts.filter((a) => ids.has(a.id)).map((a) => a.name));
  const pins = new Map((after.accountPins ?? []).map((p) => [p.name, p.id]));
  const canMeanDescribed = (ref: string) => (ACCOUNT_ID.test(ref) ? ids.has(ref) : names.has(ref) || ids.has(pins.get(ref) ?? ''));
  const changed = new Set(changedAssignmentEntries(before, after));
  const touchedPairs = new Set([...changed].flatMap(principalPairs));
  const assignments = after.assignments.flatMap((e): AssignmentEntry[] => {
    if (selects(e) || !principalPairs(e).some((p) => touchedPairs.has(p))) return [];
    const kept = e.accounts.filter(canMeanDescribed);
    return kept.length === 0 ? [] : [{ ...e, accounts: kept, excludeAccounts: e.excludeAccounts.filter(canMeanDescribed) }];
  });
  const used = new Set([
    ...assignments.flatMap((e) => [...e.accounts, ...e.excludeAccounts]),
    ...after.settings.safety.protect.flatMap((p) => (p.account !== undefined ? [p.account] : [])),
  ]);
  const accountPins = (after.accountPins ?? []).filter((p) => ids.has(p.id) || used.has(p.name));
  const { accountPins: _all, ...rest } = after;
  return { ...rest, assignments, ...(accountPins.length > 0 ? { accountPins } : {}) };
}

/**
 * The organization the deletion thresholds' estimates expand the files at the ref against
 * (plan-scoped.ts, estimatedCounts) when it was not listed: the described accounts, then
 * every other pinned account and every id the files name, as active accounts. Entries that
 * select by OU or tag count only their named accounts: the estimate errs low, which makes
 * a refusal likelier, never rarer.
 */
export function estimatedOrganization(
  before: DesiredState,
  accounts: readonly Account[],
): Pick<LiveState, 'accounts' | 'organizationalUnits'> {
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const add = (id: string, name: string) => {
    if (!byId.has(id)) byId.set(id, { id, name, state: 'ACTIVE', ouPath: '', tags: {} });
  };
  for (const pin of before.accountPins ?? []) add(pin.id, pin.name);
  for (const e of before.assignments) for (const ref of e.accounts) if (ACCOUNT_ID.test(ref)) add(ref, '');
  return { accounts: [...byId.values()], organizationalUnits: [] };
}

/** Whether an entry selects accounts by OU (the whole organization is the OU "Root") or by tag. */
function selects(entry: AssignmentEntry): boolean {
  return entry.organizationalUnits.length > 0 || Object.keys(entry.accountTags).length > 0;
}

/** The (permission set, principal) pairs an entry assigns. */
function principalPairs(entry: AssignmentEntry): string[] {
  return [...entry.groups.map((g) => `GROUP\u0000${g}`), ...entry.users.map((u) => `USER\u0000${u}`)].map(
    (p) => `${entry.permissionSet}\u0000${p}`,
  );
}

/** How many accounts the files know of (pins and ids): about the organization, for the cost of listing it. */
function knownAccounts(before: DesiredState, after: DesiredState): Set<string> {
  const ids = new Set((after.accountPins ?? []).map((p) => p.id));
  for (const e of [...before.assignments, ...after.assignments])
    for (const ref of [...e.accounts, ...e.excludeAccounts]) if (ACCOUNT_ID.test(ref)) ids.add(ref);
  return ids;
}
