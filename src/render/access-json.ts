// `access --format json`: {"version": 1, "source": "files"|"live", "rows": [...]}, one row
// per line so a large export stays readable and diffable (docs/plan-format.md, "Access").
import type { AccessRow, AccessSource } from '../access/types.js';

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

export function renderAccessJson(rows: readonly AccessRow[], source: AccessSource): string {
  const head = `{"version": ${ACCESS_FORMAT_VERSION}, "source": ${JSON.stringify(source)}, "rows": [`;
  if (rows.length === 0) return `${head}]}\n`;
  return `${head}\n${rows.map((r) => `  ${rowJson(r)}`).join(',\n')}\n]}\n`;
}
