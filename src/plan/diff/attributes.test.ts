import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../model/types.js';
import { canonicalJson } from '../canonical.js';
import { compareAttribute, present } from './attributes.js';

/** The first form: every pair of present values compared by canonical JSON. */
function firstForm(field: string, before: JsonValue | undefined, after: JsonValue | undefined) {
  const b = present(before);
  const a = present(after);
  if (b === undefined && a === undefined) return undefined;
  if (b !== undefined && a !== undefined && canonicalJson(b) === canonicalJson(a)) return undefined;
  return { field, ...(b !== undefined ? { before: b } : {}), ...(a !== undefined ? { after: a } : {}) };
}

// strings that JSON escapes or that look like other values, beside any JSON value
const value = fc.oneof(
  fc.constantFrom('', 'a', 'A', '"a"', '\ud800', '\\ud800', 'null', '1', '\u2028'),
  fc.string({ maxLength: 4 }),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonValue>,
  // what is not JSON data must take the canonical comparison (two Dates serialize alike there)
  fc.anything({
    maxDepth: 2,
    withDate: true,
    withBoxedValues: true,
    withNullPrototype: true,
    withSparseArray: true,
  }) as fc.Arbitrary<JsonValue>,
);
/** A value and a copy of it: equal data in another object, keys in another order. */
const copied = value.map((v) => [v, structuredCloneOrSame(v)] as const);

function structuredCloneOrSame(v: JsonValue): JsonValue {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(structuredCloneOrSame);
  if (Object.getPrototypeOf(v) !== Object.prototype) return v;
  return Object.fromEntries(
    Object.entries(v)
      .reverse()
      .map(([k, x]) => [k, structuredCloneOrSame(x)]),
  );
}

describe('compareAttribute', () => {
  it('is the comparison by canonical JSON for any two values', () => {
    fc.assert(
      fc.property(fc.option(value, { nil: undefined }), fc.option(value, { nil: undefined }), (before, after) => {
        expect(compareAttribute('f', before, after)).toStrictEqual(firstForm('f', before, after));
        expect(compareAttribute('f', before, before)).toStrictEqual(firstForm('f', before, before));
      }),
      { numRuns: 1000 },
    );
  });

  it('is the comparison by canonical JSON for a value and its copy', () => {
    fc.assert(
      fc.property(copied, ([before, after]) => {
        expect(compareAttribute('f', before, after)).toStrictEqual(firstForm('f', before, after));
      }),
      { numRuns: 1000 },
    );
  });
});
