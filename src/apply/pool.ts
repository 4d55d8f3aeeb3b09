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
