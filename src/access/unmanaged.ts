// `access --live` shows every assignment that exists, including those the state files do
// not manage: each live row names the `via` entries the files do not grant (the same row
// computed from the files lacks them). A row the files do not grant at all has every via
// unmanaged.
import { accessKey } from './engine.js';
import type { AccessRow } from './types.js';

export function markUnmanaged(live: readonly AccessRow[], fromFiles: readonly AccessRow[]): AccessRow[] {
  const granted = new Map(fromFiles.map((r) => [accessKey(r), new Set(r.via)]));
  return live.map((row) => {
    const files = granted.get(accessKey(row));
    const unmanaged = row.via.filter((v) => !files?.has(v));
    return unmanaged.length > 0 ? { ...row, unmanaged } : row;
  });
}
