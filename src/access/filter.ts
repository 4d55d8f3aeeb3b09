// `access --user/--group/--account/--permission-set/--application/--applications`: the filters combine
// (every one given must hold). Names compare case-insensitively (src/model/names.ts: names
// that differ only in case are the same name); an account is given by name or by 12-digit
// id. --user and --group apply to application rows too; --account and --permission-set
// name what an application row does not have, so they leave none; --application NAME keeps
// that application's rows (and so no account row); --applications keeps the application
// rows only.
import { nameKey } from '../model/names.js';
import { viaGroup, type AccessRow, type ApplicationAccessRow } from './types.js';

export interface AccessFilter {
  user?: string;
  group?: string;
  account?: string;
  permissionSet?: string;
  /** One application's rows (no account row). */
  application?: string;
  /** Application rows only: no account row. */
  applicationsOnly?: boolean;
}

/** --user and --group: they hold for a row of either kind. */
function personTests(filter: AccessFilter): ((row: Pick<AccessRow, 'userName' | 'via'>) => boolean)[] {
  const tests: ((row: Pick<AccessRow, 'userName' | 'via'>) => boolean)[] = [];
  if (filter.user !== undefined) {
    const user = nameKey(filter.user);
    tests.push((r) => nameKey(r.userName) === user);
  }
  if (filter.group !== undefined) {
    const via = nameKey(viaGroup(filter.group));
    tests.push((r) => r.via.some((v) => nameKey(v) === via));
  }
  return tests;
}

export function filterRows(rows: readonly AccessRow[], filter: AccessFilter): AccessRow[] {
  if (filter.applicationsOnly === true || filter.application !== undefined) return [];
  const tests: ((row: AccessRow) => boolean)[] = personTests(filter);
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

export function filterApplicationRows(rows: readonly ApplicationAccessRow[], filter: AccessFilter): ApplicationAccessRow[] {
  if (filter.account !== undefined || filter.permissionSet !== undefined) return [];
  const tests: ((row: ApplicationAccessRow) => boolean)[] = personTests(filter);
  if (filter.application !== undefined) {
    const application = nameKey(filter.application);
    tests.push((r) => nameKey(r.application) === application);
  }
  return tests.length === 0 ? [...rows] : rows.filter((r) => tests.every((t) => t(r)));
}
