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
  } else if (b !== undefined && a !== undefined && (samePlainData(b, a) || canonicalJson(b) === canonicalJson(a))) return undefined;
  return { field, ...(b !== undefined ? { before: b } : {}), ...(a !== undefined ? { after: a } : {}) };
}

/**
 * Equal plain data (arrays, plain objects with the same keys in any order, primitives
 * equal by ===) has the same canonical JSON, so an equal pair (20,000 users' emails at L
 * size) skips serializing both. The converse does not hold (NaN and null serialize alike,
 * a Date is no plain object): anything this does not call equal is compared by canonicalJson.
 */
function samePlainData(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  if (Array.isArray(x)) {
    if (!Array.isArray(y) || x.length !== y.length || !isPlain(x, Array.prototype) || !isPlain(y, Array.prototype)) return false;
    for (let i = 0; i < x.length; i++) if (!samePlainData(x[i], y[i])) return false;
    return true;
  }
  if (Array.isArray(y) || !isPlain(x, Object.prototype) || !isPlain(y, Object.prototype)) return false;
  const xs = x as Record<string, unknown>;
  const ys = y as Record<string, unknown>;
  const keys = Object.keys(xs);
  if (keys.length !== Object.keys(ys).length) return false;
  for (const key of keys) if (!Object.prototype.propertyIsEnumerable.call(ys, key) || !samePlainData(xs[key], ys[key])) return false;
  return true;
}

/** An array or record of its own kind, with no toJSON of its own to change what JSON sees. */
function isPlain(value: object, proto: object): boolean {
  const actual: unknown = Object.getPrototypeOf(value);
  return (
    (actual === proto || (proto === Object.prototype && actual === null)) && typeof (value as { toJSON?: unknown }).toJSON !== 'function'
  );
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
