// ConflictException: the sso-admin model documents it as "a conflict with a previous
// successful write ... A retry (with appropriate backoff logic) is the recommended
// response"; the identitystore model gives it a Reason (ConflictExceptionReason:
// CONCURRENT_MODIFICATION or UNIQUENESS_CONSTRAINT_VIOLATION), and only the latter
// means "already exists". The SDK does not retry it. Writes wrap their call in
// withConflictRetry: jittered exponential backoff, a bounded number of attempts, then the
// last error is rethrown (same class, message naming the call). Whether an exhausted
// conflict still ends in success is the writer's decision: only a read that shows the
// write's goal holds may turn it into one (src/aws/write/settle.ts).
import type { RetryConflicts } from './write/retry.js';

export interface ConflictRetryOptions {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Injected in tests; defaults to setTimeout. */
  sleep?: (ms: number) => Promise<void>;
  /** Injected in tests; defaults to Math.random. */
  random?: () => number;
}

export const DEFAULT_CONFLICT_RETRY: ConflictRetryOptions = { maxAttempts: 8, baseDelayMs: 250, maxDelayMs: 8000 };

/** True for a ConflictException, whether raw from the SDK or wrapped. */
export function isConflict(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  return err.name === 'ConflictException' || (err as { errorName?: string }).errorName === 'ConflictException';
}

/**
 * identitystore's "already exists": a ConflictException whose Reason is
 * UNIQUENESS_CONSTRAINT_VIOLATION (the model's ConflictExceptionReason enum). Nothing
 * else means that: a conflict without a Reason, or CONCURRENT_MODIFICATION, says only
 * that another write got in the way.
 */
export function isUniquenessConflict(err: unknown): boolean {
  return isConflict(err) && (err as { Reason?: string }).Reason === 'UNIQUENESS_CONSTRAINT_VIOLATION';
}

/**
 * A conflict that waiting can resolve: every conflict but "already exists", which stays
 * true however long one waits. The writers adopt the existing object on that answer, so
 * it must reach them at once, not after ~12 s of backoff.
 */
export function isRetryableConflict(err: unknown): boolean {
  return isConflict(err) && !isUniquenessConflict(err);
}

/** "Full jitter" backoff: a random delay in [0, min(max, base * 2^attempt)]. */
export function conflictDelayMs(attempt: number, options: ConflictRetryOptions, random: () => number = Math.random): number {
  const cap = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt);
  return Math.round(random() * cap);
}

export async function withConflictRetry<T>(
  fn: () => Promise<T>,
  label: string,
  options: ConflictRetryOptions = DEFAULT_CONFLICT_RETRY,
): Promise<T> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (!isRetryableConflict(err) || attempt + 1 >= options.maxAttempts) {
        if (isRetryableConflict(err) && err instanceof Error)
          err.message = `${label}: still conflicting after ${options.maxAttempts} attempts: ${err.message}`;
        throw err;
      }
      await sleep(conflictDelayMs(attempt, options, options.random));
    }
  }
}

/** withConflictRetry in the shape the writers (src/aws/write) take: (label, fn). */
export const retryConflicts: RetryConflicts = (label, fn) => withConflictRetry(fn, label);
