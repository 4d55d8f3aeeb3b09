import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareStrings, valuesByKey } from './order.js';

describe('valuesByKey', () => {
  it('orders the values as compareStrings orders their keys', () => {
    // surrogates, NUL and case: where code-unit order and other orders part ways
    const key = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('\u0000', '\ud83d\ude00', '\uffff', 'a', 'B', 'b', 'é'));
    fc.assert(
      fc.property(fc.uniqueArray(key), (keys) => {
        const map = new Map(keys.map((k, i) => [k, i]));
        const expected = [...map.entries()].sort(([a], [b]) => compareStrings(a, b)).map(([, v]) => v);
        expect(valuesByKey(map)).toStrictEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
