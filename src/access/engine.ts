// The access engine: one row per (user, account, permission set), expanding group
// assignments through the group's members. Pure and AWS-free like the diff; the
// selectors (OU, tags, excludes) were expanded before, by src/plan/resolve.ts.
//
// Cost (the L shape gives some 850,000 rows): accounts and permission sets become small
// integers, so a (account, set) pair is one number and a row's place in the sort order is
// one number too (account name, permission set, account id, ranked once). Each user's
// rows are gathered from their direct pairs and then their groups' pairs in group-name
// order, so `via` comes out sorted without sorting, and only each user's own rows are
// sorted, numerically. No string key is built per row.
import { compareStrings } from '../model/order.js';
import { DIRECT, viaGroup, type AccessInput, type AccessPerson, type AccessRow } from './types.js';

/** A user the input names (in a membership or an assignment) but does not describe. */
function unknownPerson(userName: string): AccessPerson {
  return { userName, displayName: null, email: null, status: 'unknown' };
}

interface Index {
  accountIds: string[];
  setNames: string[];
  /** pair → its rank in (account name, permission set, account id) order */
  rank(pair: number): number;
}

/** Accounts and permission sets as integers; a pair is account * sets + set. */
function indexPairs(input: AccessInput): Index & { pairOf(accountId: string, set: string): number } {
  const accountIds = [...new Set(input.assignments.map((t) => t.accountId))];
  const setNames = [...new Set(input.assignments.map((t) => t.permissionSet))].sort(compareStrings);
  const accountNo = new Map(accountIds.map((id, i) => [id, i]));
  const setNo = new Map(setNames.map((s, i) => [s, i]));
  const nameOf = (id: string) => input.accounts.get(id)?.name ?? id;
  const names = [...new Set(accountIds.map(nameOf))].sort(compareStrings);
  const nameRank = new Map(names.map((n, i) => [n, i]));
  const byId = [...accountIds].sort(compareStrings);
  const idRank = new Map(byId.map((id, i) => [id, i]));
  const accounts = accountIds.length;
  const sets = setNames.length;
  const accountNameRank = accountIds.map((id) => nameRank.get(nameOf(id)) ?? 0);
  const accountIdRank = accountIds.map((id) => idRank.get(id) ?? 0);
  return {
    accountIds,
    setNames,
    pairOf: (accountId, set) => (accountNo.get(accountId) ?? 0) * sets + (setNo.get(set) ?? 0),
    rank: (pair) => {
      const account = Math.floor(pair / sets);
      return ((accountNameRank[account] ?? 0) * sets + (pair % sets)) * accounts + (accountIdRank[account] ?? 0);
    },
  };
}

export function computeAccess(input: AccessInput): AccessRow[] {
  const index = indexPairs(input);
  const directPairs = new Map<string, number[]>();
  const groupPairs = new Map<string, number[]>();
  for (const t of input.assignments) {
    const map = t.principalType === 'USER' ? directPairs : groupPairs;
    const pair = index.pairOf(t.accountId, t.permissionSet);
    const list = map.get(t.principal);
    if (list) list.push(pair);
    else map.set(t.principal, [pair]);
  }
  // user → the assigned groups they are in (a group without pairs grants nothing)
  const groupsOf = new Map<string, string[]>();
  for (const m of input.memberships) {
    if (!groupPairs.has(m.group)) continue;
    const list = groupsOf.get(m.userName);
    if (list) list.push(m.group);
    else groupsOf.set(m.userName, [m.group]);
  }
  const userNames = [...new Set([...directPairs.keys(), ...groupsOf.keys()])].sort(compareStrings);
  const rows: AccessRow[] = [];
  for (const userName of userNames) {
    const via = new Map<number, string[]>();
    const add = (pairs: readonly number[], source: string) => {
      for (const pair of pairs) {
        const list = via.get(pair);
        if (list === undefined) via.set(pair, [source]);
        else if (list[list.length - 1] !== source) list.push(source);
      }
    };
    add(directPairs.get(userName) ?? [], DIRECT);
    for (const group of [...new Set(groupsOf.get(userName))].sort(compareStrings)) add(groupPairs.get(group) ?? [], viaGroup(group));
    const person = input.users.get(userName) ?? unknownPerson(userName);
    const ranked = [...via.keys()].map((pair) => ({ pair, rank: index.rank(pair) })).sort((a, b) => a.rank - b.rank);
    for (const { pair } of ranked) {
      const accountId = index.accountIds[Math.floor(pair / index.setNames.length)] ?? '';
      rows.push({
        userName,
        displayName: person.displayName,
        email: person.email,
        status: person.status,
        accountId,
        accountName: input.accounts.get(accountId)?.name ?? accountId,
        permissionSet: index.setNames[pair % index.setNames.length] ?? '',
        via: via.get(pair) ?? [],
      });
    }
  }
  return rows;
}

/** The key a row is compared by across sources (the migration check): user, account id, permission set. */
export function accessKey(row: Pick<AccessRow, 'userName' | 'accountId' | 'permissionSet'>): string {
  return `${row.userName}\u0000${row.accountId}\u0000${row.permissionSet}`;
}
