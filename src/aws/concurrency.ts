// Runs independent reads concurrently with a bounded pool. The rate limiter paces the
// requests; the pool only keeps enough requests in flight to hide network latency.

/** Like Promise.all(items.map(fn)) with at most `limit` running; results keep input order.
 *  The first failure rejects (after in-flight work settles no new work starts). */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index] as T, index);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
  await Promise.all(workers);
  return results;
}

/** Default number of concurrent reads: enough to keep 20 req/s busy at ~300 ms latency. */
export const DEFAULT_READ_CONCURRENCY = 8;
