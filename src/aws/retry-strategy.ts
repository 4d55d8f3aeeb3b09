// The SDK retry strategy every client runs with. Two budgets instead of one:
//
// - Throttling (the SDK classifies it: ThrottlingException, TooManyRequestsException,
//   HTTP 429, ...) says "slower", not "broken". Each throttled attempt lowers the shared
//   adaptive rate (adaptive-rate.ts) and is retried up to THROTTLE_MAX_ATTEMPTS times:
//   while another client holds most of the quota, the controller needs several rounds
//   to find the rate that is left, and a call must not give up meanwhile (with one
//   budget of 5, half the reads of a run at 50% throttling failed).
// - Transient failures (HTTP 500/502/503/504, timeouts, dropped connections) get
//   maxAttempts (AWS_MAX_ATTEMPTS, default 5), as with the SDK's standard mode.
// Everything else is not retried (the SDK's standard mode retries the same two types).
//
// Backoff is the SDK standard mode's: full jitter, random * min(cap, 2^retry * base)
// (base 50 ms, throttling 1 s, cap 20 s: @smithy/core retry, DefaultRetryBackoffStrategy
// and retries-2026-config). Throttle
// retries are capped lower, at 5 s, because the paced bucket already spaces them; the
// jitter only de-synchronizes the calls that were throttled together.
//
// The SDK's retry quota (a 500-token bucket that stops retries during an outage) is not
// reproduced: at most `concurrency` calls are in flight and every attempt is paced, so a
// run cannot produce a retry storm; the bucket serves that purpose.
import type { RetryErrorInfo, RetryStrategyV2, RetryToken } from '@smithy/types';
import type { ThrottleFeedback } from './adaptive-rate.js';

export const THROTTLE_MAX_ATTEMPTS = 20;
const TRANSIENT_BASE_MS = 50;
const THROTTLE_BASE_MS = 1_000;
const TRANSIENT_CAP_MS = 20_000;
const THROTTLE_CAP_MS = 5_000;

class PacedRetryToken implements RetryToken {
  constructor(
    /** Throttled attempts so far. */
    readonly throttled: number,
    /** Transiently failed attempts so far. */
    readonly failed: number,
    private readonly delayMs: number,
  ) {}

  getRetryCount(): number {
    return this.throttled + this.failed;
  }

  getRetryDelay(): number {
    return this.delayMs;
  }
}

export interface PacedRetryOptions {
  /** Attempts for transient failures, including the first. */
  maxAttempts: number;
  /** Attempts for throttled calls, including the first. */
  throttleMaxAttempts?: number;
  feedback: ThrottleFeedback;
  /** [0, 1); injected by tests. */
  random?: () => number;
}

export class PacedRetryStrategy implements RetryStrategyV2 {
  readonly mode = 'standard';
  private readonly throttleMaxAttempts: number;
  private readonly random: () => number;

  constructor(private readonly options: PacedRetryOptions) {
    this.throttleMaxAttempts = options.throttleMaxAttempts ?? THROTTLE_MAX_ATTEMPTS;
    this.random = options.random ?? Math.random;
  }

  acquireInitialRetryToken(): Promise<RetryToken> {
    return Promise.resolve(new PacedRetryToken(0, 0, 0));
  }

  refreshRetryTokenForRetry(token: RetryToken, info: RetryErrorInfo): Promise<RetryToken> {
    const { throttled, failed } = token instanceof PacedRetryToken ? token : new PacedRetryToken(0, token.getRetryCount(), 0);
    if (info.errorType === 'THROTTLING') {
      this.options.feedback.onThrottle();
      if (throttled + 1 >= this.throttleMaxAttempts) return refuse(`throttled ${throttled + 1} times`);
      return Promise.resolve(new PacedRetryToken(throttled + 1, failed, this.backoff(throttled, THROTTLE_BASE_MS, THROTTLE_CAP_MS)));
    }
    if (info.errorType === 'TRANSIENT') {
      if (failed + 1 >= this.options.maxAttempts) return refuse(`failed ${failed + 1} times`);
      return Promise.resolve(new PacedRetryToken(throttled, failed + 1, this.backoff(failed, TRANSIENT_BASE_MS, TRANSIENT_CAP_MS)));
    }
    return refuse(`${info.errorType} errors are not retried`);
  }

  recordSuccess(): void {
    this.options.feedback.onSuccess();
  }

  private backoff(retry: number, baseMs: number, capMs: number): number {
    return Math.floor(this.random() * Math.min(capMs, 2 ** retry * baseMs));
  }
}

/** The SDK rethrows the call's own error when the strategy refuses; this text is never shown. */
function refuse(why: string): Promise<RetryToken> {
  return Promise.reject(new Error(`no retry: ${why}`));
}
