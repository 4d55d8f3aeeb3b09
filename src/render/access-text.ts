// `access --format text` (the default): an aligned table, one line per row, in the rows'
// order (user, account name, permission set). An EXPIRES column when some row expires.
import type { AccessRow, AccessSource } from '../access/types.js';
import { plural } from '../model/plural.js';
import { expiryLabel, personLabel, viaLabel } from './access-via.js';

const UNMANAGED_MARK = '*';

export function renderAccessText(rows: readonly AccessRow[], source: AccessSource, now: Date): string {
  const from = source === 'live' ? 'the live instance' : 'the state files';
  if (rows.length === 0) return `No access matches (from ${from}).\n`;
  const expires = rows.some((r) => r.expiresAt !== undefined);
  const table = [
    ['USER', 'ACCOUNT', 'PERMISSION SET', 'VIA', ...(expires ? ['EXPIRES'] : [])],
    ...rows.map((r) => [
      personLabel(r),
      `${r.accountName} (${r.accountId})`,
      r.permissionSet,
      viaLabel(r, UNMANAGED_MARK),
      ...(expires ? [expiryLabel(r, now)] : []),
    ]),
  ];
  // every column but the last is padded to its widest cell
  const widths = (expires ? [0, 1, 2, 3] : [0, 1, 2]).map((i) => Math.max(...table.map((cells) => cells[i]?.length ?? 0)));
  const lines = table.map((cells) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd(),
  );
  const people = new Set(rows.map((r) => r.userName)).size;
  const accounts = new Set(rows.map((r) => r.accountId)).size;
  lines.push('', `${plural(rows.length, 'row')}: ${plural(people, 'person', 'people')} on ${plural(accounts, 'account')}, from ${from}.`);
  if (rows.some((r) => r.unmanaged !== undefined)) lines.push(`${UNMANAGED_MARK} not managed by the state files`);
  return `${lines.join('\n')}\n`;
}
