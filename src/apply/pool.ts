// Runs async work over items with at most `limit` in flight. The apply step uses it so
// that independent changes of a phase overlap (the AWS layer's rate limiter paces the
// calls) and assignment requests never exceed AWS's outstanding-request limit.
// Once `signal` is aborted (an interrupted reconcile) no further item is started; the
// items already started run to their end, so no write is cut off half-way by us.
export async function forEachLimit<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && signal?.aborted !== true) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
  await Promise.all(workers);
}

/**
 * A limit on work in flight that can be widened while work waits: a phase that runs
 * alongside later phases (src/kinds/phases.ts, OVERLAPS_UNTIL) keeps to a narrow lane while
 * they run, so its calls take only part of the rate the others need, and gets its full
 * width once it runs alone.
 */
export class Lane {
  private inFlight = 0;
  /** Waiters are handed a slot already counted in inFlight. */
  private readonly waiting: Array<() => void> = [];

  constructor(private width: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.inFlight < this.width) this.inFlight++;
    else await new Promise<void>((r) => this.waiting.push(r));
    try {
      return await work();
    } finally {
      this.inFlight--;
      this.admit();
    }
  }

  widen(width: number): void {
    this.width = Math.max(this.width, width);
    this.admit();
  }

  private admit(): void {
    while (this.inFlight < this.width) {
      const next = this.waiting.shift();
      if (next === undefined) return;
      this.inFlight++;
      next();
    }
  }
}
