// A clock for tests of anything that waits: time moves only when a waiter sleeps (to the
// end of that sleep) or when the test advances it, so a test of pacing runs instantly
// and measures virtual milliseconds exactly.
import type { Clock } from '../aws/rate-limit.js';

export class VirtualClock implements Clock {
  private time = 0;
  /** Every sleep requested, in ms, in order. */
  readonly sleeps: number[] = [];

  now(): number {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.time += ms;
    return Promise.resolve();
  }

  advance(ms: number): void {
    this.time += ms;
  }
}
