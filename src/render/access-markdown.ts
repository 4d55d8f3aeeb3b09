// `access --format markdown`: per account, who has which permission set and through what,
// for a job summary or an audit ticket. Accounts by name (then id), people by userName.
// An Expires column when some row expires. Application rows follow under "## Applications",
// one table per application.
import type { AccessRow, AccessSource, ApplicationAccessRow } from '../access/types.js';
import { compareStrings } from '../model/order.js';
import { plural } from '../model/plural.js';
import { applicationLabel, expiryLabel, personLabel, viaLabel } from './access-via.js';
import { tableCell } from './markdown-text.js';

export function renderAccessMarkdown(
  rows: readonly AccessRow[],
  source: AccessSource,
  now: Date,
  applications: readonly ApplicationAccessRow[] = [],
): string {
  const from = source === 'live' ? 'the live instance' : 'the state files';
  const byAccount = new Map<string, AccessRow[]>();
  for (const r of rows) {
    const list = byAccount.get(r.accountId);
    if (list) list.push(r);
    else byAccount.set(r.accountId, [r]);
  }
  const accounts = [...byAccount.values()].sort(
    (a, b) =>
      compareStrings(a[0]?.accountName ?? '', b[0]?.accountName ?? '') || compareStrings(a[0]?.accountId ?? '', b[0]?.accountId ?? ''),
  );
  const people = new Set(rows.map((r) => r.userName)).size;
  const out = [
    '## Effective access',
    '',
    `${plural(people, 'person', 'people')} on ${plural(accounts.length, 'account')}, ${plural(rows.length, 'grant')}, from ${from}.`,
  ];
  const unmanaged = rows.some((r) => r.unmanaged !== undefined);
  const expires = rows.some((r) => r.expiresAt !== undefined);
  if (unmanaged) out.push('', '_(unmanaged)_: granted in the live instance but not by the state files.');
  for (const list of accounts) {
    const first = list[0];
    if (first === undefined) continue;
    const header = expires
      ? ['| User | Name | Permission set | Via | Expires |', '|---|---|---|---|---|']
      : ['| User | Name | Permission set | Via |', '|---|---|---|---|'];
    out.push('', `### ${tableCell(first.accountName)} (${first.accountId})`, '', ...header);
    for (const r of list) {
      const expiry = expires ? ` ${tableCell(expiryLabel(r, now))} |` : '';
      out.push(
        `| ${tableCell(personLabel(r))} | ${tableCell(r.displayName ?? '')} | ${tableCell(r.permissionSet)} | ${tableCell(viaLabel(r, ' _(unmanaged)_'))} |${expiry}`,
      );
    }
  }
  if (applications.length > 0) out.push('', ...applicationSection(applications, from, now));
  return `${out.join('\n')}\n`;
}

function applicationSection(rows: readonly ApplicationAccessRow[], from: string, now: Date): string[] {
  const byApplication = new Map<string, ApplicationAccessRow[]>();
  for (const r of rows) {
    const list = byApplication.get(r.application);
    if (list) list.push(r);
    else byApplication.set(r.application, [r]);
  }
  const names = [...byApplication.keys()].sort(compareStrings);
  const people = new Set(rows.map((r) => r.userName)).size;
  const out = [
    '## Applications',
    '',
    `${plural(people, 'person', 'people')} on ${plural(names.length, 'application')}, ${plural(rows.length, 'grant')}, from ${from}.`,
  ];
  if (rows.some((r) => r.unmanaged !== undefined)) out.push('', '_(unmanaged)_: granted in the live instance but not by the state files.');
  const expires = rows.some((r) => r.expiresAt !== undefined);
  const header = expires ? ['| User | Name | Via | Expires |', '|---|---|---|---|'] : ['| User | Name | Via |', '|---|---|---|'];
  for (const name of names) {
    const list = byApplication.get(name) ?? [];
    out.push('', `### ${tableCell(list[0] === undefined ? name : applicationLabel(list[0]))}`, '', ...header);
    for (const r of list) {
      const expiry = expires ? ` ${tableCell(expiryLabel(r, now))} |` : '';
      out.push(
        `| ${tableCell(personLabel(r))} | ${tableCell(r.displayName ?? '')} | ${tableCell(viaLabel(r, ' _(unmanaged)_'))} |${expiry}`,
      );
    }
  }
  return out;
}
