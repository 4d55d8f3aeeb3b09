// Attribute comparison shared by the per-kind diffs. An empty string and an absent
// value are the same thing: Identity Center does not store empty attributes.
import type { JsonValue } from '../../model/types.js';
import { canonicalJson } from '../canonical.js';
import type { AttributeChange } from '../types.js';

export function present(value: JsonValue | undefined): JsonValue | undefined {
  return value === '' || value === null ? undefined : value;
}

/** The change of one attribute, or nothing when both sides are the same value. */
export function compareAttribute(field: string, before: JsonValue | undefined, after: JsonValue | undefined): AttributeChange | undefined {
  const b = present(before);
  const a = present(after);
  if (b === undefined && a === undefined) return undefined;
  // two strings are the same document exactly when equal (JSON.stringify is one-to-one on
  // strings); most attributes are strings, and canonicalJson copied and stringified each
  if (typeof b === 'string' && typeof a === 'string') {
    if (b === a) return undefined;
  } else if (b !== undefined && a !== undefined && canonicalJson(b) === canonicalJson(a)) return undefined;
  return { field, ...(b !== undefined ? { before: b } : {}), ...(a !== undefined ? { after: a } : {}) };
}

export function compareAttributes<T extends object>(fields: readonly string[], before: T, after: T): AttributeChange[] {
  const get = (o: T, f: string) => (o as Record<string, JsonValue | undefined>)[f];
  // a loop, not flatMap: no array per unchanged attribute (20 fields × 20,000 users at L size)
  const changes: AttributeChange[] = [];
  for (const f of fields) {
    const change = compareAttribute(f, get(before, f), get(after, f));
    if (change !== undefined) changes.push(change);
  }
  return changes;
}
