import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../testing/virtual-clock.js';
import { TokenBucket, resolveRate } from './rate-limit.js';

/** Takes `n` tokens one after the other and returns the virtual time of each grant. */
async function grantTimes(bucket: TokenBucket, clock: VirtualClock, n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    await bucket.take();
    times.push(clock.now());
  }
  return times;
}

describe('TokenBucket', () => {
  it('grants the first request at once and then one every 1/rate seconds', async () => {
    const clock = new VirtualClock();
    const bucket = new TokenBucket(20, 1, clock);
    expect(await grantTimes(bucket, clock, 5)).toEqual([0, 50, 100, 150, 200]);
  });

  it('lets a burst through when the bucket is larger, then paces', async () => {
    const clock = new VirtualClock();
    const bucket = new TokenBucket(10, 3, clock);
    expect(await grantTimes(bucket, clock, 5)).toEqual([0, 0, 0, 100, 200]);
  });

  it('does not save up more than the burst while idle', async () => {
    const clock = new VirtualClock();
    const bucket = new TokenBucket(10, 1, clock);
    await bucket.take();
    clock.advance(10_000);
    const start = clock.now();
    expect((await grantTimes(bucket, clock, 3)).map((t) => t - start)).toEqual([0, 100, 200]);
  });

  it('serves concurrent callers in the order they asked', async () => {
    const clock = new VirtualClock();
    const bucket = new TokenBucket(10, 1, clock);
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3].map((i) => bucket.take().then(() => order.push(i))));
    expect(order).toEqual([0, 1, 2, 3]);
    expect(clock.now()).toBe(300);
  });

  it('serves a call that holds an outstanding-request slot before the calls already waiting', async () => {
    const clock = new VirtualClock();
    const bucket = new TokenBucket(10, 1, clock);
    const order: string[] = [];
    const normal = [0, 1, 2].map((i) => bucket.take().then(() => order.push(`normal ${i}`)));
    const first = bucket.take('first').then(() => order.push('first'));
    await Promise.all([...normal, first]);
    // normal 0 had the token at once; the slot's call goes next, then the rest in order
    expect(order).toEqual(['normal 0', 'first', 'normal 1', 'normal 2']);
    expect(clock.now()).toBe(300);
  });

  it('still serves waiting calls when the first ones keep coming', async () => {
    const clock = new VirtualClock();
    const bucket = new TokenBucket(10, 1, clock);
    const order: string[] = [];
    const normal = bucket.take().then(() => order.push('normal'));
    const firsts = [0, 1].map((i) => bucket.take('first').then(() => order.push(`first ${i}`)));
    await Promise.all([normal, ...firsts]);
    expect(order).toEqual(['normal', 'first 0', 'first 1']);
  });

  it('paces at a new rate from the moment setRate is called', async () => {
    const clock = new VirtualClock();
    const bucket = new TokenBucket(20, 1, clock);
    await grantTimes(bucket, clock, 2); // at 0 and 50
    bucket.setRate(5);
    const start = clock.now();
    expect((await grantTimes(bucket, clock, 3)).map((t) => t - start)).toEqual([200, 400, 600]);
  });

  it('grants after a fractional wait even when float rounding leaves a hair short of a token', async () => {
    const clock = new VirtualClock();
    clock.advance(1e9); // a long-running process: large timestamps lose low bits
    const bucket = new TokenBucket(3, 1, clock);
    const start = clock.now();
    const times = (await grantTimes(bucket, clock, 4)).map((t) => Math.round(t - start));
    expect(times).toEqual([0, 333, 667, 1000]);
    expect(clock.sleeps.length).toBeLessThan(10);
  });

  it('rejects a rate that is not a positive finite number', () => {
    for (const bad of [0, -1, Number.NaN, Infinity]) expect(() => new TokenBucket(bad)).toThrow('positive number');
    expect(() => new TokenBucket(1).setRate(0)).toThrow('positive number');
  });
});

describe('resolveRate', () => {
  it('prefers the option, then the environment, then the default, and names the bad source', () => {
    expect(resolveRate(5, '7', 'SSO_GITOPS_TPS', 20)).toBe(5);
    expect(resolveRate(undefined, '7', 'SSO_GITOPS_TPS', 20)).toBe(7);
    expect(resolveRate(undefined, '', 'SSO_GITOPS_TPS', 20)).toBe(20);
    expect(() => resolveRate(undefined, 'abc', 'SSO_GITOPS_TPS', 20)).toThrow('SSO_GITOPS_TPS');
  });
});
