// Canonical JSON: object keys sorted recursively, array order kept. Used to compare
// policy documents (key order and whitespace never show as changes), to checksum the
// live state and to print the plan as stable JSON.
import type { JsonValue } from '../model/types.js';

/** A copy of `value` with every object's keys sorted; arrays keep their order. */
export function sortKeysDeep(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: JsonValue } = {};
    for (const key of Object.keys(value).sort()) {
      const v = value[key];
      if (v !== undefined) out[key] = sortKeysDeep(v);
    }
    return out;
  }
  return value;
}

/** Compact canonical JSON; two values are the same document iff these strings match. */
export function canonicalJson(value: JsonValue): string {
  return JSON.stringify(sortKeysDeep(value));
}

/** Pretty canonical JSON (2-space indent), as shown in diffs and written as plan files. */
export function prettyJson(value: JsonValue): string {
  return JSON.stringify(sortKeysDeep(value), null, 2);
}

/** Plain data (interfaces without index signatures) viewed as JSON. */
export function asJson(value: unknown): JsonValue {
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}
