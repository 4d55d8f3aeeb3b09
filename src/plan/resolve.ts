// Resolve: the desired state's names against a read-only live snapshot. Assignment
// entries expand to concrete (permission set, principal, account) triples; every name
// must resolve before anything is planned. Errors carry the entry's position.
import type { LiveState } from '../model/live.js';
import type { Account, AssignmentEntry, AssignmentTriple, DesiredState, Diagnostic, PrincipalType, SourcePos } from '../model/types.js';
import {
  accountCarriesTags,
  accountDirectory,
  accountIgnored,
  accountsBelow,
  findAccount,
  lookUpAccount,
  type AccountDirectory,
} from './accounts.js';
import { nameLive, type NamedLive } from './live-names.js';
import { compareStrings, valuesByKey } from '../model/order.js';
import { closestName, didYouMean } from '../model/suggest.js';

export interface ResolvedAssignment extends AssignmentTriple {
  /** The entry that asked for it (the first one, when several do). */
  pos?: SourcePos;
}

export interface ResolvedDesired {
  /** Unique triples, sorted by set, principal type, principal, account. */
  assignments: ResolvedAssignment[];
  /** The live state by name (context for the diff). */
  live: NamedLive;
}

export function resolveDesired(
  desired: DesiredState,
  live: LiveState,
  naming: { named: NamedLive; diagnostics: Diagnostic[] } = nameLive(live),
): { resolved: ResolvedDesired; diagnostics: Diagnostic[] } {
  const { named, diagnostics } = naming;
  const errors: Diagnostic[] = [];
  const report = (message: string, pos: SourcePos | undefined, severity: Diagnostic['severity'] = 'error') =>
    errors.push({ severity, message, ...(pos ? { pos } : {}) });

  checkMembers(desired, named, report);
  const directory = accountDirectory(live.accounts, live.organizationalUnits);
  checkProtectedAccounts(desired, directory, live.accounts, report);
  const declared = declaredNames(desired);
  const triples = new Map<string, ResolvedAssignment>();
  for (const entry of desired.assignments) {
    const principalsOk = checkEntryNames(entry, desired, declared, named, report);
    const accounts = targetAccounts(entry, live, report, directory).filter((a) => !ignoredTarget(a, entry, desired, report));
    if (!principalsOk) continue;
    const principals: [PrincipalType, string][] = [
      ...entry.groups.map((g): [PrincipalType, string] => ['GROUP', g]),
      ...entry.users.map((u): [PrincipalType, string] => ['USER', u]),
    ];
    for (const [principalType, principal] of principals) {
      for (const account of accounts) {
        // the key first, the object only for a new triple: 50,000 at L size, each was built twice
        const key = tripleKeyOf(entry.permissionSet, principalType, principal, account.id);
        if (triples.has(key)) continue;
        const triple: ResolvedAssignment = { permissionSet: entry.permissionSet, principalType, principal, accountId: account.id };
        if (entry.pos) triple.pos = entry.pos;
        triples.set(key, triple);
      }
    }
  }
  // sorted by the map's keys (the triple keys), computed once rather than per comparison
  const assignments = valuesByKey(triples);
  return { resolved: { assignments, live: named }, diagnostics: [...diagnostics, ...errors] };
}

/** A protect entry limited to an account must name an account of the organization: one
 *  whose account was renamed, closed for good or mistyped would guard nothing, silently. */
function checkProtectedAccounts(desired: DesiredState, directory: AccountDirectory, accounts: readonly Account[], report: Report): void {
  for (const entry of desired.settings.safety.protect) {
    if (entry.account === undefined) continue;
    const found = findAccount(entry.account, directory);
    if ('error' in found)
      report(`settings.safety.protect: ${accountError(entry.account, found.error, accounts)}; the entry would protect nothing`, entry.pos);
  }
}

/** An account of settings.ignore.accounts is never touched; named explicitly, the entry is told so. */
function ignoredTarget(account: Account, entry: AssignmentEntry, desired: DesiredState, report: Report): boolean {
  if (!accountIgnored(account, desired.settings.ignore.accounts)) return false;
  if (entry.accounts.includes(account.id) || entry.accounts.includes(account.name)) {
    report(
      `assignment of "${entry.permissionSet}": account "${account.name}" (${account.id}) matches settings.ignore.accounts; it is left alone`,
      entry.pos,
      'warning',
    );
  }
  return true;
}

type Report = (message: string, pos: SourcePos | undefined, severity?: Diagnostic['severity']) => void;

interface DeclaredNames {
  users: Set<string>;
  groups: Set<string>;
  permissionSets: Set<string>;
}

/** Names declared in the state files, as sets: entries are checked against them many times. */
function declaredNames(desired: DesiredState): DeclaredNames {
  return {
    users: new Set(desired.users.map((u) => u.userName)),
    groups: new Set(desired.groups.map((g) => g.name)),
    permissionSets: new Set(desired.permissionSets.map((s) => s.name)),
  };
}

/** A kind that is managed here was checked by the loader against the state files; an
 *  unmanaged kind must already exist live. */
function checkEntryNames(entry: AssignmentEntry, desired: DesiredState, declared: DeclaredNames, live: NamedLive, report: Report): boolean {
  const { manage } = desired.settings;
  let ok = true;
  const need = (
    what: string,
    name: string,
    setting: 'permissionSets' | 'groups' | 'users',
    managed: boolean,
    inDesired: boolean,
    inLive: boolean,
  ) => {
    if (managed && !inDesired) {
      report(`${what} "${name}" is not defined in the state files`, entry.pos);
      ok = false;
    } else if (!managed && !inLive) {
      report(
        `${what} "${name}" is not managed here (settings.manage.${setting}: false) and does not exist in the identity store${didYouMean(name, liveNames[setting]())}`,
        entry.pos,
      );
      ok = false;
    }
  };
  // computed only for a name that is missing: the maps can hold 100,000 users
  const liveNames = { permissionSets: () => live.permissionSets.keys(), groups: () => live.groups.keys(), users: () => live.users.keys() };
  const ps = entry.permissionSet;
  need('permission set', ps, 'permissionSets', manage.permissionSets, declared.permissionSets.has(ps), live.permissionSets.has(ps));
  for (const g of entry.groups) need('group', g, 'groups', manage.groups, declared.groups.has(g), live.groups.has(g));
  for (const u of entry.users) need('user', u, 'users', manage.users, declared.users.has(u), live.users.has(u));
  return ok;
}

/** Members of groups in the state files must be users that exist or will exist. */
function checkMembers(desired: DesiredState, live: NamedLive, report: Report): void {
  if (desired.settings.manage.users) return; // the loader checked members against users:
  for (const group of desired.groups) {
    for (const member of group.members) {
      if (!live.users.has(member)) {
        report(
          `group "${group.name}": member "${member}" is not managed here (settings.manage.users: false) and does not exist in the identity store${didYouMean(member, live.users.keys())}`,
          group.pos,
        );
      }
    }
  }
}

/** Accounts named ∪ below the OUs ∪ carrying the tags, minus the excluded ones. An
 *  inactive account named explicitly is an error; one reached through an OU or tags
 *  is skipped with a warning (closed accounts commonly linger in an OU for 90 days). */
export function targetAccounts(
  entry: AssignmentEntry,
  live: Pick<LiveState, 'accounts' | 'organizationalUnits'>,
  report: Report,
  // given by a caller that resolves many entries; without it each reference scans the accounts
  directory?: AccountDirectory,
): Account[] {
  const find = (ref: string) => (directory ? findAccount(ref, directory) : lookUpAccount(ref, live.accounts));
  const targets = new Map<string, { account: Account; explicit: boolean }>();
  for (const ref of entry.accounts) {
    const found = find(ref);
    if ('error' in found) report(`assignment of "${entry.permissionSet}": ${accountError(ref, found.error, live.accounts)}`, entry.pos);
    else targets.set(found.account.id, { account: found.account, explicit: true });
  }
  const implicit = (a: Account) => {
    if (!targets.has(a.id)) targets.set(a.id, { account: a, explicit: false });
  };
  const knownOus =
    entry.organizationalUnits.length === 0
      ? new Set<string>()
      : (directory?.ouPaths ?? new Set(live.organizationalUnits.map((ou) => ou.path)));
  for (const path of entry.organizationalUnits) {
    if (!knownOus.has(path))
      report(
        `assignment of "${entry.permissionSet}": organizational unit "${path}" does not exist${didYouMean(path, knownOus)}`,
        entry.pos,
      );
    else accountsBelow(path, live.accounts).forEach(implicit);
  }
  if (Object.keys(entry.accountTags).length > 0) {
    live.accounts.filter((a) => accountCarriesTags(a, entry.accountTags)).forEach(implicit);
  }
  for (const ref of entry.excludeAccounts) {
    const found = find(ref);
    if ('error' in found)
      report(`assignment of "${entry.permissionSet}": excludeAccounts: ${accountError(ref, found.error, live.accounts)}`, entry.pos);
    else targets.delete(found.account.id);
  }
  const result: Account[] = [];
  for (const { account, explicit } of [...targets.values()].sort((a, b) => compareStrings(a.account.id, b.account.id))) {
    if (account.state === 'ACTIVE') result.push(account);
    else if (explicit)
      report(
        `assignment of "${entry.permissionSet}": account "${account.name}" (${account.id}) is ${account.state}, not ACTIVE`,
        entry.pos,
      );
    else
      report(
        `assignment of "${entry.permissionSet}": skipping account "${account.name}" (${account.id}): it is ${account.state}, not ACTIVE`,
        entry.pos,
        'warning',
      );
  }
  return result;
}

/**
 * The lookup's error, or, for a reference that names no account, one that says which
 * account was probably meant (an id is answered with the id and the account's name).
 */
function accountError(ref: string, error: string, accounts: readonly Account[]): string {
  if (accounts.some((a) => a.id === ref || a.name === ref)) return error; // found, but not usable (a shared name)
  if (/^\d{12}$/.test(ref)) {
    const id = closestName(
      ref,
      accounts.map((a) => a.id),
    );
    const account = accounts.find((a) => a.id === id);
    return account ? `account ${ref} is not in the organization (did you mean ${account.id} "${account.name}"?)` : error;
  }
  const name = closestName(
    ref,
    accounts.map((a) => a.name),
  );
  return name === undefined ? error : `account "${ref}" is not in the organization (did you mean "${name}"?)`;
}

export function tripleKey(t: AssignmentTriple): string {
  return tripleKeyOf(t.permissionSet, t.principalType, t.principal, t.accountId);
}

function tripleKeyOf(permissionSet: string, principalType: PrincipalType, principal: string, accountId: string): string {
  // a template, not [..].join: no array per key
  return `${permissionSet}\u0000${principalType}\u0000${principal}\u0000${accountId}`;
}

export function compareTriples(a: AssignmentTriple, b: AssignmentTriple): number {
  return tripleKey(a) < tripleKey(b) ? -1 : tripleKey(a) > tripleKey(b) ? 1 : 0;
}
