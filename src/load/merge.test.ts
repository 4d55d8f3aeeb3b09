import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { declaredNames, declaredSpelling } from './merge.js';

// names that collide by case, and characters whose lower-case form is longer or context-dependent
const name = fc.oneof(
  fc.constantFrom('Admins', 'ADMINS', 'admins', 'İstanbul', 'i̇stanbul', 'ΟΔΟΣ', 'οδος', 'οδοσ', 'ß', 'SS', 'ss', ''),
  fc.string({ maxLength: 6 }),
);

describe('declaredSpelling', () => {
  it('answers what a lookup of the lower-case form alone answers, for declared and undeclared names', () => {
    fc.assert(
      fc.property(fc.array(name), fc.array(name), fc.array(name), (loaded, rejected, references) => {
        const declared = declaredNames(loaded, rejected);
        // the first form: a map from each lower-case form to its first spelling, loaded names first
        const first = new Map<string, string>();
        for (const n of [...loaded, ...rejected]) if (!first.has(n.toLowerCase())) first.set(n.toLowerCase(), n);
        for (const reference of [...references, ...loaded, ...rejected]) {
          expect(declaredSpelling(declared, reference)).toBe(first.get(reference.toLowerCase()));
        }
        expect([...declared.byKey]).toStrictEqual([...first]);
      }),
    );
  });
});
