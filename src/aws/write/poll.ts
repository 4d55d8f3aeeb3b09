// Polls AWS's async requests (provisioning, assignment create/delete) until SUCCEEDED
// or FAILED. The SDK has no waiters for these. Each poll costs a call out of the same
// ~20/s budget as the writes, so the first poll is scheduled at the completion time
// observed for recent requests: most requests then need exactly one poll.
//
// What a poll observes is only an upper bound of the completion time: a request found
// finished at the first poll may have finished long before. Recording that bound as is
// made the estimate a ratchet (each first poll 5% later than the last estimate, never
// earlier, so a 20 ms request cost a full second forever). A first-poll success therefore
// records a lower value, probing downwards; a request that needed more polls records
// the time it was seen finished. The estimate settles just above the real completion time.

export interface AsyncStatus {
  status: 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED' | string;
  failureReason?: string;
}

export interface PollOptions {
  /** First guess of how long a request takes, before anything was observed. */
  initialEstimateMs: number;
  /** Delay between later polls grows by this factor, capped at maxDelayMs. */
  backoffFactor: number;
  minDelayMs: number;
  maxDelayMs: number;
  /** Give up (and report) after this long. */
  timeoutMs: number;
}

export const DEFAULT_POLL_OPTIONS: PollOptions = {
  initialEstimateMs: 1000,
  backoffFactor: 1.6,
  minDelayMs: 100,
  maxDelayMs: 5000,
  timeoutMs: 15 * 60 * 1000,
};

/** A first-poll success records this fraction of the observed time (see the header). */
const FIRST_POLL_PROBE = 0.6;
/** Completions the median is taken over: small enough to follow a change within a batch or two. */
const RECENT_WINDOW = 20;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class AsyncPoller {
  private readonly recent: number[] = [];
  constructor(private readonly options: PollOptions = DEFAULT_POLL_OPTIONS) {}

  /** The median of the last completions, or the initial estimate. */
  estimateMs(): number {
    if (this.recent.length === 0) return this.options.initialEstimateMs;
    const sorted = [...this.recent].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] as number;
  }

  /**
   * Waits until `describe` reports a final status. `first` is the status the start call
   * returned (often already final). Rejects with the FailureReason when FAILED.
   */
  async waitFor(label: string, first: AsyncStatus, describe: () => Promise<AsyncStatus>): Promise<void> {
    const started = Date.now();
    let status = first;
    const estimate = this.estimateMs();
    // First poll just after the typical completion; then short, growing intervals.
    let delay = Math.max(this.options.minDelayMs, estimate * 1.05);
    let next = Math.max(this.options.minDelayMs, estimate * 0.25);
    let polls = 0;
    while (status.status !== 'SUCCEEDED' && status.status !== 'FAILED') {
      if (Date.now() - started > this.options.timeoutMs) {
        throw new Error(`${label}: still ${status.status} after ${Math.round(this.options.timeoutMs / 1000)} s`);
      }
      await sleep(delay);
      status = await describe();
      polls++;
      delay = next;
      next = Math.min(this.options.maxDelayMs, next * this.options.backoffFactor);
    }
    const elapsed = Date.now() - started;
    this.observe(polls === 1 ? elapsed * FIRST_POLL_PROBE : elapsed);
    if (status.status === 'FAILED') {
      throw new Error(`${label} FAILED: ${status.failureReason ?? 'AWS gave no FailureReason'}`);
    }
  }

  private observe(ms: number): void {
    this.recent.push(ms);
    if (this.recent.length > RECENT_WINDOW) this.recent.shift();
  }
}
