// A proactive client-side token bucket. AWS throttles Identity Center at about 20
// requests per second for the whole API (AWS-NOTES); pacing every HTTP attempt at that
// rate keeps a run AT the limit instead of running into it and backing off.

export interface RateLimiter {
  /** Resolves when the caller may send one request. */
  take(): Promise<void>;
  readonly ratePerSecond: number;
}

import { SettingError } from './errors.js';

type Clock = { now(): number; sleep(ms: number): Promise<void> };
const realClock: Clock = { now: () => performance.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };

export class TokenBucket implements RateLimiter {
  private tokens: number;
  private last: number;
  /** Waiters are served in order, so no caller starves under load. */
  private queue: Promise<void> = Promise.resolve();

  /**
   * @param ratePerSecond sustained rate
   * @param burst bucket size; 1 spaces requests evenly (1/rate apart), which is the
   *   safest reading of "N per second" when AWS's own burst allowance is unknown.
   */
  constructor(
    readonly ratePerSecond: number,
    private readonly burst = 1,
    private readonly clock: Clock = realClock,
  ) {
    if (!(ratePerSecond > 0)) throw new Error(`rate limit must be a positive number of requests per second, got ${ratePerSecond}`);
    this.tokens = burst;
    this.last = clock.now();
  }

  take(): Promise<void> {
    const turn = this.queue.then(() => this.acquire());
    this.queue = turn;
    return turn;
  }

  private async acquire(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.ratePerSecond);
      this.last = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.clock.sleep(((1 - this.tokens) / this.ratePerSecond) * 1000);
    }
  }
}

/** A limiter that never waits (tests, or a caller that paces by other means). */
export const UNLIMITED: RateLimiter = { take: () => Promise.resolve(), ratePerSecond: Infinity };

export const DEFAULT_IDENTITY_CENTER_TPS = 20;
// Organizations documents no per-API rate for these list calls; its throttling answers
// (TooManyRequestsException) start at a few requests per second per account, so the
// default stays well below Identity Center's.
export const DEFAULT_ORGANIZATIONS_TPS = 10;

/** Reads a rate from an option, then an environment variable, then the default; rejects nonsense. */
export function resolveRate(option: number | undefined, envValue: string | undefined, envName: string, fallback: number): number {
  if (option !== undefined) return checkRate(option, 'option');
  if (envValue !== undefined && envValue !== '') {
    const rate = Number(envValue);
    if (!Number.isFinite(rate) || rate <= 0) throw new SettingError(envName, envValue, 'requests per second must be a positive number');
    return rate;
  }
  return fallback;
}

function checkRate(value: number, source: string): number {
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${source}: requests per second must be a positive number, got "${value}"`);
  return value;
}
