// How the human renderings (text, markdown) spell a row's person, its `via` and its expiry.
import type { AccessRow, ApplicationAccessRow } from '../access/types.js';
import { parseExpiresAt } from '../model/expiry.js';
import { daysLeft, expiresIn } from '../plan/expiry.js';

/** "direct, group:Ops", an entry the state files do not manage followed by `mark`. */
export function viaLabel(row: Pick<AccessRow, 'via' | 'unmanaged'>, mark: string): string {
  return row.via.map((v) => (row.unmanaged?.includes(v) ? `${v}${mark}` : v)).join(', ');
}

/** The userName, with the status when it is not simply enabled. */
export function personLabel(row: Pick<AccessRow, 'userName' | 'status'>): string {
  return row.status === 'enabled' ? row.userName : `${row.userName} (${row.status})`;
}

/** "expires in 3 days (2026-12-31)", as the plan lists entries expiring soon; '' for a row that does not expire. */
export function expiryLabel(row: Pick<AccessRow, 'expiresAt'>, now: Date): string {
  if (row.expiresAt === undefined) return '';
  const parsed = parseExpiresAt(row.expiresAt);
  // the value was checked when the files were loaded; should it not parse, it is shown as written
  if ('error' in parsed) return row.expiresAt;
  return `${expiresIn(daysLeft({ written: row.expiresAt, at: parsed.at }, now))} (${row.expiresAt})`;
}

/** The application's name, "(disabled)" after it when its grants cannot be used now. */
export function applicationLabel(row: Pick<ApplicationAccessRow, 'application' | 'applicationDisabled'>): string {
  return row.applicationDisabled === true ? `${row.application} (disabled)` : row.application;
}
