import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../testing/virtual-clock.js';
import { AdaptiveRate, DEFAULT_ADAPTIVE_RATE } from './adaptive-rate.js';

const OPTIONS = { decreaseFactor: 0.5, ceilingFractionPerSecond: 0.1, minimumRate: 0.5, holdMs: 1000 };

describe('AdaptiveRate', () => {
  it('starts at the configured rate, which is also its ceiling', () => {
    const rate = new AdaptiveRate(20, OPTIONS, new VirtualClock());
    rate.onSuccess();
    expect(rate.ratePerSecond).toBe(20);
  });

  it('halves the rate on a throttle and counts the throttles answered together as one', () => {
    const clock = new VirtualClock();
    const rate = new AdaptiveRate(20, OPTIONS, clock);
    for (let i = 0; i < 8; i++) rate.onThrottle(); // eight calls in flight, all throttled at once
    expect(rate.ratePerSecond).toBe(10);
    clock.advance(999);
    rate.onThrottle();
    expect(rate.ratePerSecond).toBe(10);
    clock.advance(1);
    rate.onThrottle();
    expect(rate.ratePerSecond).toBe(5);
    expect(rate.decreases).toBe(2);
  });

  it('never drops below the minimum rate', () => {
    const clock = new VirtualClock();
    const rate = new AdaptiveRate(20, OPTIONS, clock);
    for (let i = 0; i < 20; i++) {
      rate.onThrottle();
      clock.advance(1000);
    }
    expect(rate.ratePerSecond).toBe(0.5);
  });

  it('climbs back linearly while calls succeed, up to the ceiling and no further', () => {
    const clock = new VirtualClock();
    const rate = new AdaptiveRate(20, OPTIONS, clock);
    rate.onThrottle(); // 10
    clock.advance(1000);
    rate.onSuccess();
    expect(rate.ratePerSecond).toBe(12);
    clock.advance(2500);
    rate.onSuccess();
    expect(rate.ratePerSecond).toBe(17);
    clock.advance(60_000);
    rate.onSuccess();
    expect(rate.ratePerSecond).toBe(20);
  });

  it('paces take() at the lowered rate', async () => {
    const clock = new VirtualClock();
    const rate = new AdaptiveRate(20, OPTIONS, clock);
    await rate.take(); // t=0
    rate.onThrottle(); // 10/s: the next grant is 100 ms after the last
    await rate.take();
    expect(clock.now()).toBe(100);
  });

  it('finds the share another client leaves: throttled above it, it settles around it', () => {
    // A simulated server: a one-second window admits `share` requests from us; the
    // controller sends at its rate, is throttled whenever the rate exceeds the share.
    const clock = new VirtualClock();
    const rate = new AdaptiveRate(20, DEFAULT_ADAPTIVE_RATE, clock);
    const share = 5;
    const rates: number[] = [];
    for (let second = 0; second < 60; second++) {
      const sent = rate.ratePerSecond;
      for (let i = 0; i < Math.floor(sent); i++) {
        clock.advance(1000 / Math.max(1, Math.floor(sent)));
        if (i >= share) rate.onThrottle();
        else rate.onSuccess();
      }
      rates.push(rate.ratePerSecond);
    }
    const lastHalf = rates.slice(30);
    expect(Math.max(...lastHalf)).toBeLessThanOrEqual(2 * share + 1);
    expect(Math.min(...lastHalf)).toBeGreaterThanOrEqual(share / 2 - 1);
  });

  it('climbs in proportion to the ceiling, so a high ceiling recovers as fast as the default', () => {
    const clock = new VirtualClock();
    const rate = new AdaptiveRate(500, OPTIONS, clock);
    rate.onThrottle(); // 250
    clock.advance(1000);
    rate.onSuccess();
    expect(rate.ratePerSecond).toBe(300);
  });

  it('rejects a decrease factor that would not decrease', () => {
    expect(() => new AdaptiveRate(20, { ...OPTIONS, decreaseFactor: 1 })).toThrow('decreaseFactor');
  });
});
