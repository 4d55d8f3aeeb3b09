// Adaptive pacing: an additive-increase / multiplicative-decrease (AIMD) controller on the
// shared token bucket. The configured rate (--tps, default 20) is the ceiling; AWS's
// quota is shared with every other client of the instance (console, other tools), so
// when AWS answers "throttled" the rate drops, and it climbs back while calls succeed.
//
// Why our own controller and not the SDK's adaptive retry mode (retryMode 'adaptive',
// @smithy DefaultRateLimiter), which implements the same idea with CUBIC growth:
// - it is reactive only: it does not pace at all before the first throttle, so it
//   cannot replace the proactive bucket that keeps a lone run at the known limit;
//   stacking it on the bucket makes two limiters whose rates fight each other;
// - its growth is capped at twice the measured send rate, not at the configured
//   ceiling, so after recovering it probes above --tps and meets throttling again;
// - it reads Date.now and setTimeout directly, so it cannot be driven by an injected
//   clock in tests;
// - it would still leave throttled calls to the same maxAttempts as real failures,
//   which is what made reads give up (see retry-strategy.ts).
// The measurement behind the choice is in docs/benchmarks.md ("Sharing the quota").
import { TokenBucket, realClock, type CallPriority, type Clock, type RateLimiter } from './rate-limit.js';

export interface AdaptiveRateOptions {
  /** The rate is multiplied by this on a throttle (0 < factor < 1). */
  decreaseFactor: number;
  /**
   * The rate climbs by this fraction of the ceiling per second of calls without
   * throttling: 0.1 is 2 requests/s per second at the default 20, back to the ceiling
   * within 10 s of the last throttle from anywhere, whatever the ceiling.
   */
  ceilingFractionPerSecond: number;
  /** The rate never drops below this. */
  minimumRate: number;
  /**
   * Throttles within this many ms of the last decrease count as the same event: the
   * calls in flight when the quota ran out all come back throttled, and halving once per
   * answer would collapse the rate to the minimum for one burst.
   */
  holdMs: number;
}

export const DEFAULT_ADAPTIVE_RATE: AdaptiveRateOptions = {
  decreaseFactor: 0.5,
  ceilingFractionPerSecond: 0.1,
  minimumRate: 0.5,
  holdMs: 1000,
};

/** What the retry strategy tells the pacing about each answer. */
export interface ThrottleFeedback {
  onThrottle(): void;
  onSuccess(): void;
}

export class AdaptiveRate implements RateLimiter, ThrottleFeedback {
  private readonly bucket: TokenBucket;
  private lastDecrease = -Infinity;
  private lastIncrease: number;
  /** How often the rate was lowered (for --verbose and tests). */
  decreases = 0;

  constructor(
    /** The configured rate: the start and the ceiling. */
    readonly ceiling: number,
    private readonly options: AdaptiveRateOptions = DEFAULT_ADAPTIVE_RATE,
    private readonly clock: Clock = realClock,
  ) {
    if (!(options.decreaseFactor > 0 && options.decreaseFactor < 1))
      throw new Error(`decreaseFactor must be between 0 and 1, got ${options.decreaseFactor}`);
    this.bucket = new TokenBucket(ceiling, 1, clock);
    this.lastIncrease = clock.now();
  }

  get ratePerSecond(): number {
    return this.bucket.ratePerSecond;
  }

  take(priority?: CallPriority): Promise<void> {
    return this.bucket.take(priority);
  }

  onThrottle(): void {
    const now = this.clock.now();
    if (now - this.lastDecrease < this.options.holdMs) return;
    this.lastDecrease = now;
    this.lastIncrease = now;
    this.decreases++;
    this.bucket.setRate(Math.max(Math.min(this.options.minimumRate, this.ceiling), this.ratePerSecond * this.options.decreaseFactor));
  }

  onSuccess(): void {
    const now = this.clock.now();
    const rate = this.ratePerSecond;
    if (rate < this.ceiling) {
      this.bucket.setRate(
        Math.min(this.ceiling, rate + (this.options.ceilingFractionPerSecond * this.ceiling * (now - this.lastIncrease)) / 1000),
      );
    }
    this.lastIncrease = now;
  }
}
