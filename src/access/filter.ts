// `access --user/--group/--account/--permission-set`: the filters combine (every one given
// must hold). Names compare case-insensitively (src/model/names.ts: names that differ only
// in case are the same name); an account is given by name or by 12-digit id.
import { nameKey } from '../model/names.js';
import { viaGroup, type AccessRow } from './types.js';

export interface AccessFilter {
  user?: string;
  group?: string;
  account?: string;
  permissionSet?: string;
}

export function filterRows(rows: readonly AccessRow[], filter: AccessFilter): AccessRow[] {
  const tests: ((row: AccessRow) => boolean)[] = [];
  if (filter.user !== undefined) {
    const user = nameKey(filter.user);
    tests.push((r) => nameKey(r.userName) === user);
  }
  if (filter.group !== undefined) {
    const via = nameKey(viaGroup(filter.group));
    tests.push((r) => r.via.some((v) => nameKey(v) === via));
  }
  if (filter.account !== undefined) {
    const account = filter.account;
    tests.push((r) => r.accountId === account || r.accountName === account);
  }
  if (filter.permissionSet !== undefined) {
    const set = nameKey(filter.permissionSet);
    tests.push((r) => nameKey(r.permissionSet) === set);
  }
  return tests.length === 0 ? [...rows] : rows.filter((r) => tests.every((t) => t(r)));
}
