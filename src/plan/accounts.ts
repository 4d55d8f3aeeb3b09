// Account references in the state files: a 12-digit id, or a name that must be unique
// in the organization (AWS does not guarantee unique names).
import { matchesAnyGlob } from '../model/glob.js';
import type { Account } from '../model/types.js';

export type AccountLookup = { account: Account } | { error: string };

const ACCOUNT_ID = /^\d{12}$/;

export function lookUpAccount(ref: string, accounts: readonly Account[]): AccountLookup {
  if (ACCOUNT_ID.test(ref)) {
    const account = accounts.find((a) => a.id === ref);
    return account ? { account } : { error: `account ${ref} is not in the organization` };
  }
  return byName(
    ref,
    accounts.filter((a) => a.name === ref),
  );
}

/** The one account of a name, from every account that has it. */
function byName(ref: string, matches: readonly Account[]): AccountLookup {
  const [first] = matches;
  if (!first) return { error: `account "${ref}" is not in the organization (no account has that name)` };
  if (matches.length > 1) {
    const ids = matches
      .map((a) => a.id)
      .sort()
      .join(', ');
    return { error: `account name "${ref}" is used by ${matches.length} accounts (${ids}); reference the account by its id` };
  }
  return { account: first };
}

/** The organization's accounts by id and by name, and its OU paths: resolving L's 14,000
 *  assignment entries looked each account reference up by scanning 1,000 accounts. */
export interface AccountDirectory {
  byId: ReadonlyMap<string, Account>;
  /** every account of each name, in the organization's order */
  byName: ReadonlyMap<string, readonly Account[]>;
  ouPaths: ReadonlySet<string>;
}

export function accountDirectory(accounts: readonly Account[], organizationalUnits: readonly { path: string }[]): AccountDirectory {
  const byId = new Map<string, Account>();
  const byName = new Map<string, Account[]>();
  for (const account of accounts) {
    // the first of an id, as accounts.find gives it
    if (!byId.has(account.id)) byId.set(account.id, account);
    const named = byName.get(account.name);
    if (named) named.push(account);
    else byName.set(account.name, [account]);
  }
  return { byId, byName, ouPaths: new Set(organizationalUnits.map((ou) => ou.path)) };
}

/** lookUpAccount through a directory: the same answer, without a scan. */
export function findAccount(ref: string, directory: AccountDirectory): AccountLookup {
  if (ACCOUNT_ID.test(ref)) {
    const account = directory.byId.get(ref);
    return account ? { account } : { error: `account ${ref} is not in the organization` };
  }
  return byName(ref, directory.byName.get(ref) ?? []);
}

/** Every account at or below an OU path ("Root" is the whole organization). */
export function accountsBelow(ouPath: string, accounts: readonly Account[]): Account[] {
  return accounts.filter((a) => a.ouPath === ouPath || a.ouPath.startsWith(`${ouPath}/`));
}

export function accountCarriesTags(account: Account, tags: Record<string, string>): boolean {
  return Object.entries(tags).every(([k, v]) => account.tags[k] === v);
}

/** settings.ignore.accounts: names, ids or globs of either. Such an account's assignments
 *  are never read (src/aws/read-live.ts), compared or touched. */
export function accountIgnored(account: Pick<Account, 'id' | 'name'>, patterns: readonly string[] | undefined): boolean {
  return patterns !== undefined && patterns.length > 0 && (matchesAnyGlob(account.id, patterns) || matchesAnyGlob(account.name, patterns));
}
