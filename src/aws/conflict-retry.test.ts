import { ConflictException } from '@aws-sdk/client-identitystore';
import { describe, expect, it } from 'vitest';
import { isUniquenessConflict, withConflictRetry, type ConflictRetryOptions } from './conflict-retry.js';

const noWait: ConflictRetryOptions = { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 1, sleep: async () => {}, random: () => 0 };

function conflict(reason?: string): ConflictException {
  return new ConflictException({ message: 'conflict', $metadata: {}, ...(reason ? { Reason: reason } : {}) } as ConstructorParameters<
    typeof ConflictException
  >[0]);
}

/** A call that fails with `errors` in turn, then answers "ok"; counts its attempts. */
function failing(...errors: Error[]): { fn: () => Promise<string>; attempts: () => number } {
  let n = 0;
  return {
    fn: async () => {
      const err = errors[n++];
      if (err) throw err;
      return 'ok';
    },
    attempts: () => n,
  };
}

describe('withConflictRetry', () => {
  it('retries a concurrent-modification conflict until the call succeeds', async () => {
    const call = failing(conflict('CONCURRENT_MODIFICATION'), conflict());
    await expect(withConflictRetry(call.fn, 'UpdateGroup g', noWait)).resolves.toBe('ok');
    expect(call.attempts()).toBe(3);
  });

  it('passes "already exists" (UNIQUENESS_CONSTRAINT_VIOLATION) on at once: waiting cannot change it', async () => {
    const call = failing(conflict('UNIQUENESS_CONSTRAINT_VIOLATION'));
    await expect(withConflictRetry(call.fn, 'CreateUser alice', noWait)).rejects.toMatchObject({
      Reason: 'UNIQUENESS_CONSTRAINT_VIOLATION',
      message: 'conflict',
    });
    expect(call.attempts()).toBe(1);
  });

  it('gives up after maxAttempts, naming the call', async () => {
    const call = failing(conflict(), conflict(), conflict(), conflict(), conflict());
    await expect(withConflictRetry(call.fn, 'DeletePermissionSet ps', noWait)).rejects.toThrow(
      'DeletePermissionSet ps: still conflicting after 4 attempts',
    );
    expect(call.attempts()).toBe(4);
  });

  it('does not retry other errors', async () => {
    const call = failing(new Error('AccessDenied'));
    await expect(withConflictRetry(call.fn, 'x', noWait)).rejects.toThrow('AccessDenied');
    expect(call.attempts()).toBe(1);
  });

  it('takes only UNIQUENESS_CONSTRAINT_VIOLATION for "already exists": a conflict without a Reason is not', () => {
    expect(isUniquenessConflict(conflict('UNIQUENESS_CONSTRAINT_VIOLATION'))).toBe(true);
    expect(isUniquenessConflict(conflict())).toBe(false);
    expect(isUniquenessConflict(conflict('CONCURRENT_MODIFICATION'))).toBe(false);
  });
});
