// `access --format csv`: the access-review export an auditor opens in a spreadsheet. RFC 4180:
// a header line, CRLF line ends, a field quoted when it holds a comma, a quote, CR or LF,
// quotes doubled. `via` (and, from a live read, `unmanaged`) joined with ";". From the state
// files an `expiresAt` column: the expiry as written, empty for a row that does not expire.
//
// A field starting with =, +, -, @, tab or CR is prefixed with a single quote: spreadsheets
// run such a cell as a formula (OWASP, "CSV Injection"), and display names come from an
// identity provider, not from this repository. The quote is the one change to a value;
// docs/operations.md says so for the reviewer comparing the export with the console.
//
// One CSV holds one kind of row, so every column means the same on every line: the account
// rows (the default, unchanged), or with `access --applications` the application rows
// (userName, displayName, email, status, application, applicationStatus (enabled or
// disabled), via; `unmanaged` from a live read, `expiresAt` from the files).
import type { AccessRow, AccessSource, ApplicationAccessRow } from '../access/types.js';

const COLUMNS = ['userName', 'displayName', 'email', 'status', 'accountId', 'accountName', 'permissionSet', 'via'] as const;

export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function renderAccessCsv(rows: readonly AccessRow[], source: AccessSource): string {
  // a live read says which grants the state files do not manage; from the files there is nothing to say
  const header = source === 'live' ? [...COLUMNS, 'unmanaged'] : [...COLUMNS, 'expiresAt'];
  const lines = [header.join(',')];
  for (const r of rows) {
    const fields = [r.userName, r.displayName ?? '', r.email ?? '', r.status, r.accountId, r.accountName, r.permissionSet, r.via.join(';')];
    if (source === 'live') fields.push((r.unmanaged ?? []).join(';'));
    else fields.push(r.expiresAt ?? '');
    lines.push(fields.map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

const APPLICATION_COLUMNS = ['userName', 'displayName', 'email', 'status', 'application', 'applicationStatus', 'via'] as const;

export function renderApplicationAccessCsv(rows: readonly ApplicationAccessRow[], source: AccessSource): string {
  const header = source === 'live' ? [...APPLICATION_COLUMNS, 'unmanaged'] : [...APPLICATION_COLUMNS, 'expiresAt'];
  const lines = [header.join(',')];
  for (const r of rows) {
    const status = r.applicationDisabled === true ? 'disabled' : 'enabled';
    const fields = [r.userName, r.displayName ?? '', r.email ?? '', r.status, r.application, status, r.via.join(';')];
    if (source === 'live') fields.push((r.unmanaged ?? []).join(';'));
    else fields.push(r.expiresAt ?? '');
    lines.push(fields.map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
