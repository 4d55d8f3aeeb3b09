// Concrete assignments → compact `assignments:` entries.
//
// Grouping: one entry per (permission set, set of accounts), listing every principal
// that has exactly that set on exactly those accounts. The typical shape of an
// organization — a team's group gets a set on a list of accounts — becomes one entry,
// and the grouping is a pure function of the triples: the same live state always
// gives the same entries, and one changed assignment changes only the entries of that
// principal. Accounts are listed literally (no OU or tag selectors): an extract states
// what IS assigned, and a selector would silently widen when accounts are added.
//
// Order: entries by permission set, then by their account list; names sorted inside.
import type { AssignmentEntry } from '../model/types.js';
import type { NamedAssignment } from './name.js';
import { compareStrings } from '../model/order.js';

export function groupAssignments(triples: readonly NamedAssignment[]): AssignmentEntry[] {
  // permission set → principal ("USER alice") → accounts
  const accountsOf = new Map<string, Map<string, Set<string>>>();
  for (const t of triples) {
    const perSet = accountsOf.get(t.permissionSet) ?? new Map<string, Set<string>>();
    accountsOf.set(t.permissionSet, perSet);
    const key = `${t.principalType} ${t.principal}`;
    const accounts = perSet.get(key) ?? new Set<string>();
    perSet.set(key, accounts);
    accounts.add(t.account);
  }

  const entries: AssignmentEntry[] = [];
  for (const [permissionSet, perPrincipal] of accountsOf) {
    // account list (NUL-joined, sorted) → the entry that grants the set on exactly those accounts
    const byAccounts = new Map<string, AssignmentEntry>();
    for (const [key, accountSet] of perPrincipal) {
      const accounts = [...accountSet].sort(compareStrings);
      const accountsKey = accounts.join('\0');
      const entry = byAccounts.get(accountsKey) ?? {
        permissionSet,
        users: [],
        groups: [],
        accounts,
        organizationalUnits: [],
        accountTags: {},
        excludeAccounts: [],
      };
      byAccounts.set(accountsKey, entry);
      const principal = key.slice(key.indexOf(' ') + 1);
      if (key.startsWith('USER ')) entry.users.push(principal);
      else entry.groups.push(principal);
    }
    for (const entry of byAccounts.values()) {
      entry.users.sort(compareStrings);
      entry.groups.sort(compareStrings);
      entries.push(entry);
    }
  }
  return entries.sort((a, b) => compareStrings(a.permissionSet, b.permissionSet) || compareLists(a.accounts, b.accounts));
}

function compareLists(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compareStrings(a[i] as string, b[i] as string);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}
