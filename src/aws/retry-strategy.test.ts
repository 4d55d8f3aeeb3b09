import type { RetryErrorType, RetryToken } from '@smithy/types';
import { describe, expect, it } from 'vitest';
import { PacedRetryStrategy } from './retry-strategy.js';

function strategy(random = () => 1 - Number.EPSILON) {
  const feedback = { throttles: 0, successes: 0, onThrottle: () => void feedback.throttles++, onSuccess: () => void feedback.successes++ };
  return { feedback, retry: new PacedRetryStrategy({ maxAttempts: 3, throttleMaxAttempts: 6, feedback, random }) };
}

/** Follows one call through `errors`; returns the delays granted and whether the last error was refused. */
async function follow(retry: PacedRetryStrategy, errors: RetryErrorType[]): Promise<{ delays: number[]; refused: boolean }> {
  let token: RetryToken = await retry.acquireInitialRetryToken();
  const delays: number[] = [];
  for (const errorType of errors) {
    try {
      token = await retry.refreshRetryTokenForRetry(token, { errorType });
      delays.push(token.getRetryDelay());
    } catch {
      return { delays, refused: true };
    }
  }
  return { delays, refused: false };
}

describe('PacedRetryStrategy', () => {
  it('gives throttled attempts their own, larger budget', async () => {
    const { retry } = strategy();
    expect((await follow(retry, Array<RetryErrorType>(5).fill('THROTTLING'))).refused).toBe(false);
    expect((await follow(retry, Array<RetryErrorType>(6).fill('THROTTLING'))).refused).toBe(true);
  });

  it('gives transient failures maxAttempts, whatever throttling came before', async () => {
    const { retry } = strategy();
    expect(await follow(retry, ['THROTTLING', 'THROTTLING', 'TRANSIENT', 'TRANSIENT'])).toMatchObject({ refused: false });
    expect(await follow(retry, ['TRANSIENT', 'TRANSIENT', 'TRANSIENT'])).toMatchObject({ refused: true });
  });

  it('never retries client errors or unclassified server errors', async () => {
    const { retry } = strategy();
    expect(await follow(retry, ['CLIENT_ERROR'])).toEqual({ delays: [], refused: true });
    expect(await follow(retry, ['SERVER_ERROR'])).toEqual({ delays: [], refused: true });
  });

  it('reports every throttled attempt and every success to the pacing', async () => {
    const { retry, feedback } = strategy();
    await follow(retry, ['THROTTLING', 'THROTTLING', 'TRANSIENT']);
    retry.recordSuccess();
    expect(feedback).toMatchObject({ throttles: 2, successes: 1 });
  });

  it('backs off exponentially with full jitter, throttling capped at 5 s', async () => {
    const { retry } = strategy();
    expect((await follow(retry, Array<RetryErrorType>(5).fill('THROTTLING'))).delays).toEqual([999, 1999, 3999, 4999, 4999]);
    expect((await follow(retry, ['TRANSIENT', 'TRANSIENT'])).delays).toEqual([49, 99]);
    const { retry: noJitter } = strategy(() => 0);
    expect((await follow(noJitter, ['THROTTLING', 'TRANSIENT'])).delays).toEqual([0, 0]);
  });
});
