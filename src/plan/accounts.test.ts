import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anAccount } from '../testing/builders.js';
import { accountDirectory, findAccount, lookUpAccount } from './accounts.js';

// few ids and names, so that both repeat: a shared name is an error, a repeated id takes the first
const id = fc.constantFrom('111111111111', '222222222222', '333333333333');
const name = fc.constantFrom('prod', 'dev', 'Prod', '444444444444', '');
const accounts = fc.array(fc.record({ id, name }), { maxLength: 6 }).map((list) => list.map((a) => anAccount(a)));

describe('findAccount', () => {
  it('answers what lookUpAccount answers, for ids, names, shared names and unknown references', () => {
    fc.assert(
      fc.property(accounts, fc.oneof(id, name, fc.string({ maxLength: 13 })), (list, ref) => {
        expect(findAccount(ref, accountDirectory(list, []))).toStrictEqual(lookUpAccount(ref, list));
      }),
      { numRuns: 500 },
    );
  });
});
