// Names for the AWS CLI config that `sso-gitops profiles` writes: `<account-name>-<permission-set>`,
// made safe for an INI section name and stable (the same rows always give the same names).
//
// Safe: the AWS SDKs' own config parser accepts `[profile NAME]` and `[sso-session NAME]`
// only when NAME matches [\w-@+.%:/]+ (@smithy/core, shared-ini-file-loader parseIni.js);
// Granted and the AWS CLI read the same file. Names here keep to the smaller set
// [A-Za-z0-9_.-]: every other run of characters becomes one "-", so a name is also a
// plain file name and shell word.
import { compareStrings } from '../model/order.js';
import type { AccessRow } from './types.js';

export function safeName(text: string): string {
  const safe = text
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^\.+/, '');
  return safe === '' ? 'unnamed' : safe;
}

export interface NamedProfile {
  name: string;
  accountId: string;
  permissionSet: string;
}

/**
 * One profile per row, sorted by name. Two rows whose names would collide (two accounts
 * with one name, or names that differ only in unsafe characters) both get the account id
 * after the account name, so neither silently replaces the other.
 */
export function nameProfiles(rows: readonly Pick<AccessRow, 'accountId' | 'accountName' | 'permissionSet'>[]): NamedProfile[] {
  const plain = (r: (typeof rows)[number]) => `${safeName(r.accountName)}-${safeName(r.permissionSet)}`;
  const uses = new Map<string, number>();
  for (const r of rows) uses.set(plain(r), (uses.get(plain(r)) ?? 0) + 1);
  return rows
    .map((r) => ({
      name: (uses.get(plain(r)) ?? 0) > 1 ? `${safeName(r.accountName)}-${r.accountId}-${safeName(r.permissionSet)}` : plain(r),
      accountId: r.accountId,
      permissionSet: r.permissionSet,
    }))
    .sort((a, b) => compareStrings(a.name, b.name));
}
