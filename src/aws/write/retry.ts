// The write path's retry policy for ConflictException, which the SDK does not retry:
// AWS answers it while a concurrent write is still propagating.
export type RetryConflicts = <T>(label: string, fn: () => Promise<T>) => Promise<T>;
