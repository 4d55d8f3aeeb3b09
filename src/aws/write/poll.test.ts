import { describe, expect, it } from 'vitest';
import { AsyncPoller, type AsyncStatus } from './poll.js';

const fast = { initialEstimateMs: 5, backoffFactor: 1.5, minDelayMs: 1, maxDelayMs: 10, timeoutMs: 2000 };

function statuses(...list: AsyncStatus[]): () => Promise<AsyncStatus> {
  let i = 0;
  return async () => list[Math.min(i++, list.length - 1)] as AsyncStatus;
}

describe('AsyncPoller', () => {
  it('does not poll when the start call already reports SUCCEEDED', async () => {
    let polls = 0;
    await new AsyncPoller(fast).waitFor('x', { status: 'SUCCEEDED' }, async () => {
      polls++;
      return { status: 'SUCCEEDED' };
    });
    expect(polls).toBe(0);
  });

  it('polls until SUCCEEDED', async () => {
    const describe = statuses({ status: 'IN_PROGRESS' }, { status: 'IN_PROGRESS' }, { status: 'SUCCEEDED' });
    await expect(new AsyncPoller(fast).waitFor('x', { status: 'IN_PROGRESS' }, describe)).resolves.toBeUndefined();
  });

  it('rejects with the FailureReason when FAILED', async () => {
    const describe = statuses({ status: 'FAILED', failureReason: 'policy Deny not found in 222222222222' });
    await expect(new AsyncPoller(fast).waitFor('create assignment', { status: 'IN_PROGRESS' }, describe)).rejects.toThrow(
      'create assignment FAILED: policy Deny not found in 222222222222',
    );
  });

  it('gives up after the timeout with the last status named', async () => {
    const poller = new AsyncPoller({ ...fast, timeoutMs: 20 });
    await expect(poller.waitFor('provision', { status: 'IN_PROGRESS' }, statuses({ status: 'IN_PROGRESS' }))).rejects.toThrow(
      /provision: still IN_PROGRESS after/,
    );
  });

  it('learns the typical completion time for the first poll', async () => {
    const poller = new AsyncPoller(fast);
    expect(poller.estimateMs()).toBe(5);
    await poller.waitFor('x', { status: 'IN_PROGRESS' }, statuses({ status: 'SUCCEEDED' }));
    expect(poller.estimateMs()).toBeGreaterThanOrEqual(5);
  });
});
