// Polls AWS's async requests (provisioning, assignment create/delete) until SUCCEEDED
// or FAILED. The SDK has no waiters for these. Each poll costs a call out of the same
// ~20/s budget as the writes (a creation and its poll are two calls), so the first poll
// should come just when the request has finished: earlier costs a second poll, later
// keeps one of the ~10 outstanding-request slots idle.
//
// A poll only tells whether the request had finished by then, never when, so the estimate
// is steered like a controller rather than averaged: a first poll that finds the request
// done moves the estimate earlier, by a step that grows with each such success in a row
// (fast to follow requests that got quicker, gentle near the right value); a first poll
// that finds it still running moves it later at once, by at least a quarter. That keeps
// about one request in ten needing a second poll.
export interface AsyncStatus {
  status: 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED' | (string & {});
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

/** Per first-poll success in a row, the estimate shrinks by this much more (0.3%, 0.6%, 0.9% ...). */
const PROBE_STEP = 0.003;
/** The largest step earlier at once, however long the streak. */
const MAX_PROBE = 0.5;
/** A first poll too early moves the estimate at least this much later. */
const MISS_FACTOR = 1.25;
/** After a first poll too early, the next polls come this fraction of the estimate apart (then grow). */
const AFTER_MISS = 0.15;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class AsyncPoller {
  private estimate: number;
  private successStreak = 0;

  constructor(private readonly options: PollOptions = DEFAULT_POLL_OPTIONS) {
    this.estimate = options.initialEstimateMs;
  }

  /** When the next request's first poll comes, in ms after it started. */
  estimateMs(): number {
    return this.estimate;
  }

  /**
   * Waits until `describe` reports a final status. `first` is the status the start call
   * returned (often already final). Rejects with the FailureReason when FAILED.
   */
  async waitFor(label: string, first: AsyncStatus, describe: () => Promise<AsyncStatus>): Promise<void> {
    const started = Date.now();
    let status = first;
    if (status.status === 'SUCCEEDED' || status.status === 'FAILED') return this.finish(label, status);
    const firstPollAt = await this.untilFirstPoll(started);
    let delay = 0;
    let next = Math.max(this.options.minDelayMs, firstPollAt * AFTER_MISS);
    let polls = 0;
    while (status.status !== 'SUCCEEDED' && status.status !== 'FAILED') {
      if (Date.now() - started > this.options.timeoutMs) {
        throw new Error(`${label}: still ${status.status} after ${Math.round(this.options.timeoutMs / 1000)} s`);
      }
      if (delay > 0) await sleep(delay);
      status = await describe();
      polls++;
      delay = next;
      next = Math.min(this.options.maxDelayMs, next * this.options.backoffFactor);
    }
    this.learn(polls === 1, Date.now() - started, firstPollAt);
    this.finish(label, status);
  }

  private finish(label: string, status: AsyncStatus): void {
    if (status.status === 'FAILED') {
      throw new Error(`${label} FAILED: ${status.failureReason ?? 'AWS gave no FailureReason'}`);
    }
  }

  /**
   * Sleeps until the first poll is due, reading the estimate again on waking: requests run
   * concurrently, and when one of them learns that the estimate was too early, the others
   * still waiting move their first poll too, instead of all missing together.
   */
  private async untilFirstPoll(started: number): Promise<number> {
    for (;;) {
      const due = Math.max(this.options.minDelayMs, this.estimate);
      // whole milliseconds: Date.now() has no finer grain, so a fraction would never elapse
      const remaining = Math.ceil(started + due - Date.now());
      if (remaining <= 0) return due;
      await sleep(remaining);
    }
  }

  private learn(doneAtFirstPoll: boolean, elapsedMs: number, firstPollAt: number): void {
    if (doneAtFirstPoll) {
      this.successStreak++;
      const step = Math.min(MAX_PROBE, PROBE_STEP * this.successStreak);
      this.estimate = Math.max(this.options.minDelayMs, Math.min(this.estimate, firstPollAt) * (1 - step));
    } else {
      this.successStreak = 0;
      // it finished after the first poll and by `elapsedMs`: move at least a quarter later,
      // or halfway to when it was seen finished
      this.estimate = Math.min(this.options.maxDelayMs * 4, Math.max(firstPollAt * MISS_FACTOR, (firstPollAt + elapsedMs) / 2));
    }
  }
}
