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
  const matches = accounts.filter((a) => a.name === ref);
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
