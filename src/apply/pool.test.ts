import { describe, expect, it } from 'vitest';
import { forEachLimit, Lane } from './pool.js';

describe('forEachLimit', () => {
  it('keeps at most `limit` items in flight and runs every item', async () => {
    let inFlight = 0;
    let most = 0;
    const seen: number[] = [];
    await forEachLimit([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setImmediate(r));
      seen.push(n);
      inFlight--;
    });
    expect(most).toBe(3);
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('starts no item once the signal is aborted, and lets the started ones finish', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const finished: number[] = [];
    await forEachLimit(
      [1, 2, 3, 4, 5, 6],
      2,
      async (n) => {
        started.push(n);
        if (n === 2) controller.abort();
        await new Promise((r) => setImmediate(r));
        finished.push(n);
      },
      controller.signal,
    );
    expect(started).toEqual([1, 2]);
    expect(finished.sort()).toEqual([1, 2]);
  });

  it('starts nothing with a signal aborted before the call', async () => {
    const controller = new AbortController();
    controller.abort();
    const started: number[] = [];
    await forEachLimit([1, 2], 2, async (n) => void started.push(n), controller.signal);
    expect(started).toEqual([]);
  });
});

describe('Lane', () => {
  it('keeps to its width, and lets waiting work in when widened', async () => {
    const lane = new Lane(1);
    let inFlight = 0;
    let most = 0;
    const gates: Array<() => void> = [];
    const work = () =>
      lane.run(async () => {
        most = Math.max(most, ++inFlight);
        await new Promise<void>((r) => gates.push(r));
        inFlight--;
      });
    const all = Promise.all([work(), work(), work()]);
    await new Promise((r) => setImmediate(r));
    expect(inFlight).toBe(1);
    lane.widen(3);
    await new Promise((r) => setImmediate(r));
    expect(inFlight).toBe(3);
    gates.forEach((open) => open());
    await all;
    expect(most).toBe(3);
  });

  it('never narrows: a smaller width is ignored', async () => {
    const lane = new Lane(2);
    lane.widen(1);
    let inFlight = 0;
    const gates: Array<() => void> = [];
    const all = Promise.all(
      [1, 2].map(() =>
        lane.run(async () => {
          inFlight++;
          await new Promise<void>((r) => gates.push(r));
        }),
      ),
    );
    await new Promise((r) => setImmediate(r));
    expect(inFlight).toBe(2);
    gates.forEach((open) => open());
    await all;
  });
});
