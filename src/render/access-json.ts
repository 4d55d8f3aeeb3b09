// `access --format json`: {"version": 1, "source": "files"|"live", "rows": [...],
// "applications": [...]}, one row per line so a large export stays readable and diffable
// (docs/plan-format.md, "Access"). `applications` was added beside `rows` without a new
// version: a key added is backward compatible, the rows keep their shape.
import type { AccessRow, AccessSource, ApplicationAccessRow } from '../access/types.js';

export const ACCESS_FORMAT_VERSION = 1;

/** The row's keys in the documented order; `expiresAt` and `unmanaged` only where there is something to say. */
function rowJson(r: AccessRow): string {
  return JSON.stringify({
    userName: r.userName,
    displayName: r.displayName,
    email: r.email,
    status: r.status,
    accountId: r.accountId,
    accountName: r.accountName,
    permissionSet: r.permissionSet,
    via: r.via,
    ...(r.expiresAt !== undefined ? { expiresAt: r.expiresAt } : {}),
    ...(r.unmanaged !== undefined ? { unmanaged: r.unmanaged } : {}),
  });
}

function applicationRowJson(r: ApplicationAccessRow): string {
  return JSON.stringify({
    userName: r.userName,
    displayName: r.displayName,
    email: r.email,
    status: r.status,
    application: r.application,
    via: r.via,
    ...(r.applicationDisabled === true ? { applicationDisabled: true } : {}),
    ...(r.expiresAt !== undefined ? { expiresAt: r.expiresAt } : {}),
    ...(r.unmanaged !== undefined ? { unmanaged: r.unmanaged } : {}),
  });
}

/** `[` … `]`, one item a line; `[]` when empty. */
function list(items: readonly string[]): string {
  return items.length === 0 ? '[]' : `[\n${items.map((item) => `  ${item}`).join(',\n')}\n]`;
}

export function renderAccessJson(
  rows: readonly AccessRow[],
  source: AccessSource,
  applications: readonly ApplicationAccessRow[] = [],
): string {
  const head = `{"version": ${ACCESS_FORMAT_VERSION}, "source": ${JSON.stringify(source)}`;
  return `${head}, "rows": ${list(rows.map(rowJson))}, "applications": ${list(applications.map(applicationRowJson))}}\n`;
}
