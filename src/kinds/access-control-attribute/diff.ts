// Attributes for access control (ABAC), compared key by key: the files' `instance.accessControlAttributes`
// is the whole configuration, so a live key the files leave out is deleted. Without
// `instance.accessControlAttributes` the configuration is not managed (and not read).
import type { AccessControlAttribute } from '../../model/types.js';
import type { DiffResult } from '../../plan/diff/result.js';
import type { AccessControlAttributeChange } from '../../plan/types.js';
import type { DiffInput } from '../descriptor.js';

const sameSource = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((s, i) => s === b[i]);

export function diffAccessControlAttributes({ desired, resolved }: DiffInput): DiffResult<AccessControlAttributeChange> {
  const wanted = desired.instance?.accessControlAttributes;
  if (wanted === undefined) return { changes: [], warnings: [] };
  const live = new Map(resolved.live.accessControlAttributes.map((a) => [a.key, a.source]));
  const changes: AccessControlAttributeChange[] = [];
  for (const { key, source } of wanted) {
    const current = live.get(key);
    if (current === undefined) changes.push({ kind: 'accessControlAttribute', action: 'create', key, source: [...source] });
    else if (!sameSource(current, source)) {
      const attributes = [{ field: 'source', before: [...current], after: [...source] }];
      changes.push({ kind: 'accessControlAttribute', action: 'update', key, attributes, source: [...source] });
    }
  }
  const keys = new Set(wanted.map((a) => a.key));
  for (const key of live.keys()) if (!keys.has(key)) changes.push({ kind: 'accessControlAttribute', action: 'delete', key });
  return { changes, warnings: [] };
}

/** The configuration after the changes: `current` with each change's key added, replaced
 *  or removed, in the order of `current` and then the added keys. */
export function withChanges(
  current: readonly AccessControlAttribute[],
  changes: readonly AccessControlAttributeChange[],
): AccessControlAttribute[] {
  const byKey = new Map(current.map((a) => [a.key, a.source]));
  for (const c of changes) {
    if (c.action === 'delete') byKey.delete(c.key);
    else byKey.set(c.key, c.source);
  }
  return [...byKey].map(([key, source]) => ({ key, source: [...source] }));
}
