// `access --live` shows every assignment that exists, including those the state files do
// not manage: each live row names the `via` entries the files do not grant (the same row
// computed from the files lacks them). A row the files do not grant at all has every via
// unmanaged.
// Application rows (user, application) are marked the same way, by their own key.
import { accessKey } from './engine.js';
import type { AccessRow } from './types.js';

interface Granted {
  via: string[];
  unmanaged?: string[];
}

export function markUnmanaged(live: readonly AccessRow[], fromFiles: readonly AccessRow[]): AccessRow[] {
  return markUnmanagedBy(live, fromFiles, accessKey);
}

/** Rows of any kind, matched across the two sources by `key`. */
export function markUnmanagedBy<R extends Granted>(live: readonly R[], fromFiles: readonly R[], key: (row: R) => string): R[] {
  const granted = new Map(fromFiles.map((r) => [key(r), new Set(r.via)]));
  return live.map((row) => {
    const files = granted.get(key(row));
    const unmanaged = row.via.filter((v) => !files?.has(v));
    return unmanaged.length > 0 ? { ...row, unmanaged } : row;
  });
}
