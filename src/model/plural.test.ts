import { describe, expect, it } from 'vitest';
import { plural } from './plural.js';

describe('plural', () => {
  it.each<[number, string]>([
    [0, '0 changes'],
    [1, '1 change'],
    [2, '2 changes'],
  ])('%i change(s) reads "%s"', (n, text) => {
    expect(plural(n, 'change')).toBe(text);
  });

  it('takes an irregular plural', () => {
    expect(plural(2, 'entry', 'entries')).toBe('2 entries');
    expect(plural(1, 'entry', 'entries')).toBe('1 entry');
  });
});
