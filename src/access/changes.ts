// Access before and after, compared: the rows that appear are gained, the rows that go
// are lost. A row that stays but is granted another way (direct → group) is neither: the
// person can do exactly what they could before.
import { matchesAnyGlob } from '../model/glob.js';
import { DEFAULT_PRIVILEGED, type Settings } from '../model/types.js';
import type { AccessChange } from '../plan/types.js';
import { accessKey } from './engine.js';
import type { AccessRow } from './types.js';

export function privilegedPatterns(settings: Pick<Settings, 'review'>): readonly string[] {
  return settings.review?.privileged ?? DEFAULT_PRIVILEGED;
}

/** Gains and losses, sorted like the rows (user, account name, permission set), a person's gains before losses. */
export function diffAccess(before: readonly AccessRow[], after: readonly AccessRow[], privileged: readonly string[]): AccessChange[] {
  const beforeKeys = new Set(before.map(accessKey));
  const afterKeys = new Set(after.map(accessKey));
  const change = (row: AccessRow, kind: AccessChange['change']): AccessChange => ({
    userName: row.userName,
    accountId: row.accountId,
    accountName: row.accountName,
    permissionSet: row.permissionSet,
    change: kind,
    via: row.via,
    privileged: matchesAnyGlob(row.permissionSet, privileged),
  });
  const gained = after.filter((r) => !beforeKeys.has(accessKey(r))).map((r) => change(r, 'gain'));
  const lost = before.filter((r) => !afterKeys.has(accessKey(r))).map((r) => change(r, 'lose'));
  return mergeSorted(gained, lost);
}

/** Both lists are in row order already (the engine sorts): a merge keeps it without a comparator sort. */
function mergeSorted(gained: AccessChange[], lost: AccessChange[]): AccessChange[] {
  const out: AccessChange[] = [];
  let i = 0;
  let j = 0;
  while (i < gained.length || j < lost.length) {
    const g = gained[i];
    const l = lost[j];
    if (l === undefined || (g !== undefined && compareChanges(g, l) <= 0)) {
      out.push(g as AccessChange);
      i++;
    } else {
      out.push(l);
      j++;
    }
  }
  return out;
}

function compareChanges(a: AccessChange, b: AccessChange): number {
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return (
    cmp(a.userName, b.userName) ||
    cmp(a.accountName, b.accountName) ||
    cmp(a.permissionSet, b.permissionSet) ||
    cmp(a.accountId, b.accountId) ||
    cmp(a.change, b.change)
  );
}
