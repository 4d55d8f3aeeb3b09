// `access --format text` (the default): an aligned table, one line per row, in the rows'
// order (user, account name, permission set). An EXPIRES column when some row expires.
// Application rows follow in a section of their own, "Applications" (user, application).
import type { AccessRow, AccessSource, ApplicationAccessRow } from '../access/types.js';
import { plural } from '../model/plural.js';
import { applicationLabel, expiryLabel, personLabel, viaLabel } from './access-via.js';

const UNMANAGED_MARK = '*';
export const APPLICATIONS_SECTION_TITLE = 'Applications';

/** Every column but the last padded to its widest cell. */
function aligned(table: readonly string[][]): string[] {
  const columns = Math.max(0, ...table.map((cells) => cells.length));
  const widths = Array.from({ length: columns - 1 }, (_, i) => Math.max(...table.map((cells) => cells[i]?.length ?? 0)));
  return table.map((cells) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd(),
  );
}

function accountLines(rows: readonly AccessRow[], from: string, now: Date): string[] {
  const expires = rows.some((r) => r.expiresAt !== undefined);
  const lines = aligned([
    ['USER', 'ACCOUNT', 'PERMISSION SET', 'VIA', ...(expires ? ['EXPIRES'] : [])],
    ...rows.map((r) => [
      personLabel(r),
      `${r.accountName} (${r.accountId})`,
      r.permissionSet,
      viaLabel(r, UNMANAGED_MARK),
      ...(expires ? [expiryLabel(r, now)] : []),
    ]),
  ]);
  const people = new Set(rows.map((r) => r.userName)).size;
  const accounts = new Set(rows.map((r) => r.accountId)).size;
  lines.push('', `${plural(rows.length, 'row')}: ${plural(people, 'person', 'people')} on ${plural(accounts, 'account')}, from ${from}.`);
  if (rows.some((r) => r.unmanaged !== undefined)) lines.push(`${UNMANAGED_MARK} not managed by the state files`);
  return lines;
}

function applicationLines(rows: readonly ApplicationAccessRow[], from: string, now: Date): string[] {
  const expires = rows.some((r) => r.expiresAt !== undefined);
  const lines = [
    APPLICATIONS_SECTION_TITLE,
    ...aligned([
      ['USER', 'APPLICATION', 'VIA', ...(expires ? ['EXPIRES'] : [])],
      ...rows.map((r) => [personLabel(r), applicationLabel(r), viaLabel(r, UNMANAGED_MARK), ...(expires ? [expiryLabel(r, now)] : [])]),
    ]),
  ];
  const people = new Set(rows.map((r) => r.userName)).size;
  const applications = new Set(rows.map((r) => r.application)).size;
  lines.push(
    '',
    `${plural(rows.length, 'row')}: ${plural(people, 'person', 'people')} on ${plural(applications, 'application')}, from ${from}.`,
  );
  if (rows.some((r) => r.unmanaged !== undefined)) lines.push(`${UNMANAGED_MARK} not managed by the state files`);
  return lines;
}

export function renderAccessText(
  rows: readonly AccessRow[],
  source: AccessSource,
  now: Date,
  applications: readonly ApplicationAccessRow[] = [],
): string {
  const from = source === 'live' ? 'the live instance' : 'the state files';
  if (rows.length === 0 && applications.length === 0) return `No access matches (from ${from}).\n`;
  const sections = [
    ...(rows.length > 0 ? [accountLines(rows, from, now)] : []),
    ...(applications.length > 0 ? [applicationLines(applications, from, now)] : []),
  ];
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
