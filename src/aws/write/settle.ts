// A write that AWS answers with a conflict may still have reached its goal: another run
// made the same change a moment earlier, or our own earlier attempt did and its answer
// was lost (the SDK then sent it again). Waiting does not change that answer, so retrying
// "already attached" eight times and then failing (issue #11) is wrong; but a conflict is
// no proof of success either — only a read is. So on each conflict the goal is read: if it
// holds the write is done, otherwise the conflict goes to the retry policy as before, and
// an exhausted conflict fails the write.
import { isRetryableConflict } from '../conflict-retry.js';
import { awsErrorName, unlessNotFound } from '../errors.js';
import type { RetryConflicts } from './retry.js';

/** The write's answer, or `undefined` when a conflict came back and a read showed the goal already holds. */
export async function writeOrConfirm<T>(
  retry: RetryConflicts,
  label: string,
  write: () => Promise<T>,
  goalHolds: () => Promise<boolean>,
): Promise<T | undefined> {
  return retry(label, async () => {
    try {
      return await write();
    } catch (err) {
      if (!isRetryableConflict(err)) throw err;
      let holds: boolean;
      try {
        holds = await goalHolds();
      } catch (readErr) {
        const why = readErr instanceof Error ? readErr.message : String(readErr);
        throw new Error(`${label}: AWS answered a conflict, and reading whether the change is already in place failed: ${why}`, {
          cause: readErr,
        });
      }
      if (holds) return undefined;
      throw err;
    }
  });
}

/** True when `read` fails with ResourceNotFoundException: the object is gone. */
export async function isGone(read: () => Promise<unknown>): Promise<boolean> {
  try {
    await read();
    return false;
  } catch (err) {
    if (awsErrorName(err) === 'ResourceNotFoundException') return true;
    throw err;
  }
}

/** Awaits a removal; ResourceNotFoundException means the object is already gone, which is the removal's goal. */
export async function ignoreNotFound(removal: Promise<unknown>): Promise<void> {
  await unlessNotFound(() => removal);
}
