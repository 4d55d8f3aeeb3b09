import { describe, expect, it } from 'vitest';
import { fairShares } from './fair-share.js';

describe('fairShares', () => {
  it('gives every section its whole size when they all fit', () => {
    expect(fairShares([10, 20, 30], 100)).toEqual([10, 20, 30]);
  });

  it('shows small sections whole and splits the rest equally among the large ones', () => {
    expect(fairShares([1000, 10, 1000, 30], 240)).toEqual([100, 10, 100, 30]);
  });

  it('never hands out more than the room', () => {
    const shares = fairShares([500, 400, 300], 99);
    expect(shares.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(99);
    expect(shares).toEqual([33, 33, 33]);
  });
});
