import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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

  describe('learning when to poll first', () => {
    beforeEach(() => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    /** One request that AWS finishes `ms` after it started. */
    async function request(poller: AsyncPoller, ms: number): Promise<void> {
      const started = Date.now();
      const done = poller.waitFor('x', { status: 'IN_PROGRESS' }, async () => ({
        status: Date.now() - started >= ms ? 'SUCCEEDED' : 'IN_PROGRESS',
      }));
      await vi.runAllTimersAsync();
      await done;
    }

    const options = { initialEstimateMs: 1000, backoffFactor: 1.6, minDelayMs: 10, maxDelayMs: 5000, timeoutMs: 60_000 };

    it('polls earlier after requests that were already finished at the first poll', async () => {
      const poller = new AsyncPoller(options);
      await request(poller, 20);
      expect(poller.estimateMs()).toBeLessThan(1000);
    });

    it('settles near the real completion time instead of drifting later with every request', async () => {
      const poller = new AsyncPoller(options);
      for (let i = 0; i < 60; i++) await request(poller, 20);
      expect(poller.estimateMs()).toBeLessThan(100);
    });

    it('waits longer before the first poll once requests take longer than estimated', async () => {
      const poller = new AsyncPoller({ ...options, initialEstimateMs: 20 });
      for (let i = 0; i < 30; i++) await request(poller, 800);
      expect(poller.estimateMs()).toBeGreaterThan(400);
    });

    it('needs about one poll per request once settled, without waiting much past completion', async () => {
      const poller = new AsyncPoller(options);
      for (let i = 0; i < 50; i++) await request(poller, 1000); // settle
      let polls = 0;
      let waited = 0;
      for (let i = 0; i < 200; i++) {
        const started = Date.now();
        const done = poller.waitFor('x', { status: 'IN_PROGRESS' }, async () => {
          polls++;
          return { status: Date.now() - started >= 1000 ? 'SUCCEEDED' : 'IN_PROGRESS' };
        });
        await vi.runAllTimersAsync();
        await done;
        waited += Date.now() - started;
      }
      expect(polls / 200).toBeLessThan(1.2);
      expect(waited / 200).toBeLessThan(1150);
    });
  });
});
