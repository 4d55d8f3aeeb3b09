import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AssignmentTriple } from '../../model/types.js';
import { tripleKey } from '../../plan/resolve.js';
import { TripleSet } from './triple-set.js';

const triple: fc.Arbitrary<AssignmentTriple> = fc.record({
  permissionSet: fc.constantFrom('S', 'T', 'S2'),
  principalType: fc.constantFrom('USER' as const, 'GROUP' as const),
  principal: fc.constantFrom('a', 'b', 'S'),
  accountId: fc.constantFrom('111111111111', '222222222222'),
});

describe('TripleSet', () => {
  it('holds what a set of tripleKeys holds', () => {
    fc.assert(
      fc.property(fc.array(triple, { maxLength: 12 }), fc.array(triple, { maxLength: 12 }), (added, asked) => {
        const set = new TripleSet(added.slice(0, 6));
        for (const t of added.slice(6)) set.add(t);
        const keys = new Set(added.map(tripleKey));
        for (const t of [...added, ...asked]) expect(set.has(t)).toBe(keys.has(tripleKey(t)));
      }),
      { numRuns: 500 },
    );
  });
});
