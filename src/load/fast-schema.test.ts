import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORBIDDEN_KEYS, isForbiddenKey } from './fast-schema.js';

describe('isForbiddenKey', () => {
  it('is FORBIDDEN_KEYS.has for those keys, near misses and any string', () => {
    const near = fc.constantFrom(
      ...FORBIDDEN_KEYS,
      '__proto_',
      '__proto__ ',
      'Prototype',
      'constructoR',
      'construct0r',
      '_________',
      'aaaaaaaaaaa',
    );
    fc.assert(
      fc.property(fc.oneof(near, fc.string({ maxLength: 12 })), (key) => {
        expect(isForbiddenKey(key)).toBe(FORBIDDEN_KEYS.has(key));
      }),
      { numRuns: 1000 },
    );
  });
});
