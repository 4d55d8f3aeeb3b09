import { describe, expect, test } from 'vitest';
import { closestName, didYouMean, editDistance } from './suggest.js';

describe('editDistance', () => {
  test('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  test('a swap of two neighbouring characters is one typo', () => {
    expect(editDistance('exmaple', 'example')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
  });
});

describe('closestName', () => {
  test('a name differing only in case is the closest of all', () => {
    expect(closestName('platform admins', ['Platform Admin', 'Platform Admins'])).toBe('Platform Admins');
  });

  test('a typo in a long name is corrected', () => {
    expect(closestName('alice@exmaple.com', ['bob@example.com', 'alice@example.com'])).toBe('alice@example.com');
  });

  test('a name sharing only its domain is not a typo of another', () => {
    expect(closestName('zoe@example.com', ['bob@example.com'])).toBeUndefined();
  });

  test('a short name is not "corrected" into an unrelated one', () => {
    expect(closestName('Dev', ['Ops', 'QA'])).toBeUndefined();
    expect(closestName('ab', ['xy'])).toBeUndefined();
  });

  test('ties go to the first candidate in code-unit order, whatever the input order', () => {
    expect(closestName('Devz', ['Devy', 'Devx'])).toBe('Devx');
    expect(closestName('Devz', ['Devx', 'Devy'])).toBe('Devx');
  });

  test('the name itself is never suggested', () => {
    expect(closestName('prod', ['prod'])).toBeUndefined();
  });
});

describe('didYouMean', () => {
  test('is a parenthesised hint, or nothing', () => {
    expect(didYouMean('Developres', ['Developers'])).toBe(' (did you mean "Developers"?)');
    expect(didYouMean('zzz', ['Developers'])).toBe('');
  });
});
