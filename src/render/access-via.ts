// How the human renderings (text, markdown) spell a row's person and its `via`.
import type { AccessRow } from '../access/types.js';

/** "direct, group:Ops", an entry the state files do not manage followed by `mark`. */
export function viaLabel(row: Pick<AccessRow, 'via' | 'unmanaged'>, mark: string): string {
  return row.via.map((v) => (row.unmanaged?.includes(v) ? `${v}${mark}` : v)).join(', ');
}

/** The userName, with the status when it is not simply enabled. */
export function personLabel(row: Pick<AccessRow, 'userName' | 'status'>): string {
  return row.status === 'enabled' ? row.userName : `${row.userName} (${row.status})`;
}
