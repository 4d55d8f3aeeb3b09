// A proactive client-side token bucket. AWS throttles Identity Center at about 20
// requests per second for its APIs together (IAM Identity Center user guide, "Quotas",
// throttle limits: https://docs.aws.amazon.com/singlesignon/latest/userguide/limits.html);
// pacing every HTTP attempt at that rate keeps a run AT the limit instead of running into it.
// The limit is shared with every other client of the instance, so the rate the bucket
// paces at is adjusted at run time by an AdaptiveRate (adaptive-rate.ts).
import { SettingError } from './errors.js';

/**
 * `first`: calls that hold one of AWS's few outstanding account-assignment slots (a creation
 * or deletion, and the reads that find it finished): served before every other waiting call,
 * so that other work running alongside (users, memberships) takes only the rate those
 * requests leave and no slot idles behind it. They cannot starve the rest: the slots bound
 * them to about half of Identity Center's rate.
 */
export type CallPriority = 'first' | 'normal';

export interface RateLimiter {
  /** Resolves when the caller may send one request. */
  take(priority?: CallPriority): Promise<void>;
  readonly ratePerSecond: number;
}

/** Time source; tests inject a fake one so that no test waits on a real clock. */
export interface Clock {
  /** Milliseconds, monotonic. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = { now: () => performance.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };

export class TokenBucket implements RateLimiter {
  private tokens: number;
  private last: number;
  private rate: number;
  /** Waiters of each priority are served in order; `first` ones before the others. */
  private readonly waiting: Record<CallPriority, Array<() => void>> = { first: [], normal: [] };
  private serving = false;

  /**
   * @param ratePerSecond sustained rate at the start (setRate changes it)
   * @param burst bucket size; 1 spaces requests evenly (1/rate apart), which is the
   *   safest reading of "N per second" when AWS's own burst allowance is unknown.
   */
  constructor(
    ratePerSecond: number,
    private readonly burst = 1,
    private readonly clock: Clock = realClock,
  ) {
    this.rate = checkPositive(ratePerSecond);
    this.tokens = burst;
    this.last = clock.now();
  }

  get ratePerSecond(): number {
    return this.rate;
  }

  /** Changes the rate from now on; what accrued until now accrued at the old rate. */
  setRate(ratePerSecond: number): void {
    this.refill();
    this.rate = checkPositive(ratePerSecond);
  }

  take(priority: CallPriority = 'normal'): Promise<void> {
    const turn = new Promise<void>((resolve) => this.waiting[priority].push(resolve));
    void this.serve();
    return turn;
  }

  private refill(): void {
    const now = this.clock.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
  }

  /** Hands out tokens while anyone waits; one loop at a time. The waiter is picked when its
   *  token is there, not before, so a `first` call arriving meanwhile goes ahead. */
  private async serve(): Promise<void> {
    if (this.serving) return;
    this.serving = true;
    try {
      while (this.waiting.first.length > 0 || this.waiting.normal.length > 0) {
        this.refill();
        // The epsilon absorbs float rounding: a sleep of exactly the missing fraction can
        // land a hair short of a whole token, and the next sleep would be ~0 forever.
        if (this.tokens >= 1 - 1e-9) {
          this.tokens = Math.max(0, this.tokens - 1);
          (this.waiting.first.shift() ?? this.waiting.normal.shift())?.();
          // Let the caller just served run first (it signs and sends its request): the next
          // waiter then finds the time that took accrued, instead of a token-short bucket
          // that sends it to sleep for at least a timer's 1 ms, which halved the reads at
          // rates far above 1,000/s (the benchmarks' unthrottled runs).
          await Promise.resolve();
          continue;
        }
        // The rate may change while this loop sleeps: it re-reads it on waking.
        await this.clock.sleep(((1 - this.tokens) / this.rate) * 1000);
      }
    } finally {
      this.serving = false;
    }
  }
}

function checkPositive(ratePerSecond: number): number {
  if (!(ratePerSecond > 0) || !Number.isFinite(ratePerSecond)) {
    throw new Error(`rate limit must be a positive number of requests per second, got ${ratePerSecond}`);
  }
  return ratePerSecond;
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
