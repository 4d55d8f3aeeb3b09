import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aGroup, aPermissionSet, aTriple, aUser, anAccount, liveStateOf } from '../testing/builders.js';
import type { JsonValue } from '../model/types.js';
import { asJson, canonicalJson } from './canonical.js';
import { orderInsensitiveJson } from './checksum-form.js';

/** The first form, kept as the reference the one-pass form must match byte for byte. */
function firstForm(value: unknown): string {
  const orderInsensitive = (v: JsonValue): JsonValue => {
    if (Array.isArray(v)) {
      const items = v.map((x) => {
        const item = orderInsensitive(x);
        return { item, key: canonicalJson(item) };
      });
      return items.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((i) => i.item);
    }
    if (v !== null && typeof v === 'object') {
      const out: { [key: string]: JsonValue } = {};
      for (const [k, x] of Object.entries(v)) out[k] = orderInsensitive(x);
      return out;
    }
    return v;
  };
  return canonicalJson(orderInsensitive(asJson(value)));
}

// keys an object orders or treats specially: array indices (and near misses), the prototype
const awkwardKey = fc.oneof(
  fc.string(),
  fc.constantFrom('0', '1', '2', '10', '01', '-1', '1.5', '4294967294', '4294967295', '__proto__', 'toJSON', 'constructor'),
);

const anything = fc.anything({
  key: awkwardKey,
  maxDepth: 4,
  withDate: true,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withSparseArray: true,
  withTypedArray: true,
  withObjectString: true,
});

describe('orderInsensitiveJson', () => {
  it('is the first form, byte for byte, for any value', () => {
    fc.assert(
      fc.property(anything, (root) => {
        expect(orderInsensitiveJson({ root })).toBe(firstForm({ root }));
      }),
      { numRuns: 2000 },
    );
  });

  it('is the first form for arrays of records listed in any order (the live state shape)', () => {
    const record = fc.dictionary(awkwardKey, fc.oneof(fc.string(), fc.integer(), fc.array(fc.string(), { maxLength: 3 })), {
      maxKeys: 4,
    });
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 8 }),
        fc.array(fc.constantFrom('a', 'b', 'a"', 'é', '\ud800'), { maxLength: 6 }),
        (rows, names) => {
          const value = { rows, names, nested: [rows, names] };
          expect(orderInsensitiveJson(value)).toBe(firstForm(value));
        },
      ),
    );
  });

  it('is the first form for records of up to 60 keys (sorted by insertion up to 32, natively beyond)', () => {
    fc.assert(
      fc.property(fc.array(fc.dictionary(awkwardKey, fc.integer(), { minKeys: 20, maxKeys: 60 }), { maxLength: 4 }), (records) => {
        expect(orderInsensitiveJson({ records })).toBe(firstForm({ records }));
      }),
      { numRuns: 300 },
    );
  });

  it('is the first form for a live state, with a Date and a toJSON method in it', () => {
    const live = liveStateOf({
      users: [aUser({ userName: 'a' }), aUser({ userName: 'b' })],
      groups: [aGroup({ name: 'G', members: ['a', 'b'] })],
      permissionSets: [aPermissionSet({ name: 'S', managedPolicies: ['arn:2', 'arn:1'] })],
      accounts: [anAccount({ id: '222222222222', tags: { '1': 'x', b: 'y', a: 'z' } }), anAccount({ id: '111111111111' })],
      assignments: [aTriple({ permissionSet: 'S', principal: 'G', accountId: '111111111111' })],
    });
    const odd = { ...live, extra: [new Date(0), { toJSON: (key: string) => `at ${key}` }, undefined, () => 1] };
    expect(orderInsensitiveJson(live)).toBe(firstForm(live));
    expect(orderInsensitiveJson(odd)).toBe(firstForm(odd));
  });
});
