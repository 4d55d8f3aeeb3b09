import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PriorityQueue } from './priority-queue.js';
import { runInDependencyOrder, type Unit } from './schedule.js';

type Lane = 'a' | 'b';
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `units` (items are their own names), recording starts and ends. */
async function trace(
  units: Unit<string, Lane>[],
  widths: Record<Lane, number>,
  ms: (item: string) => number = () => 0,
  signal?: AbortSignal,
) {
  const events: string[] = [];
  await runInDependencyOrder(
    units,
    widths,
    async (item) => {
      events.push(`start ${item}`);
      await tick(ms(item));
      events.push(`end ${item}`);
    },
    signal,
  );
  return events;
}

const unit = (items: string[], after: number[] = [], priority = 0, lane: Lane = 'a'): Unit<string, Lane> => ({
  items,
  lane,
  after,
  priority,
});

describe('runInDependencyOrder', () => {
  it('starts a unit only once every unit it waits for has finished, and the rest at once', async () => {
    const events = await trace([unit(['slow']), unit(['free']), unit(['needs slow'], [0])], { a: 4, b: 1 }, (i) => (i === 'slow' ? 20 : 0));
    expect(events.indexOf('start needs slow')).toBeGreaterThan(events.indexOf('end slow'));
    expect(events.indexOf('end free')).toBeLessThan(events.indexOf('end slow'));
  });

  it('starts the queued item of the higher priority first, then in the order they became ready', async () => {
    const events = await trace([unit(['low 1', 'low 2'], [], 0), unit(['high'], [], 5)], { a: 1, b: 1 });
    expect(events.filter((e) => e.startsWith('start'))).toEqual(['start high', 'start low 1', 'start low 2']);
  });

  it('keeps each lane to its width, the lanes independent of each other', async () => {
    let a = 0;
    let b = 0;
    let maxA = 0;
    let maxB = 0;
    const units = [unit(['a1', 'a2', 'a3', 'a4', 'a5']), unit(['b1', 'b2', 'b3'], [], 0, 'b')];
    await runInDependencyOrder(units, { a: 2, b: 3 }, async (item) => {
      if (item.startsWith('a')) maxA = Math.max(maxA, ++a);
      else maxB = Math.max(maxB, ++b);
      await tick(2);
      if (item.startsWith('a')) a--;
      else b--;
    });
    expect([maxA, maxB]).toEqual([2, 3]);
  });

  it('finishes a unit without items as soon as it may start, releasing what waits for it', async () => {
    const events = await trace([unit(['x'], []), unit([], [0]), unit(['y'], [1])], { a: 2, b: 1 });
    expect(events).toEqual(['start x', 'end x', 'start y', 'end y']);
  });

  it('starts nothing more once the signal is aborted, and lets the started items finish', async () => {
    const controller = new AbortController();
    const events: string[] = [];
    await runInDependencyOrder(
      [unit(['first', 'second', 'third'])],
      { a: 1, b: 1 },
      async (item) => {
        events.push(`start ${item}`);
        if (item === 'first') controller.abort();
        await tick(1);
        events.push(`end ${item}`);
      },
      controller.signal,
    );
    expect(events).toEqual(['start first', 'end first']);
  });

  it('rejects a unit that waits for a unit after it (no circle can be built)', () => {
    expect(() => runInDependencyOrder([unit(['x'], [1]), unit(['y'])], { a: 1, b: 1 }, async () => {})).toThrow(
      'unit 0 waits for unit 1, which does not come before it',
    );
  });

  it('rejects with the error of a failed item after the started ones finished, starting no more', async () => {
    const started: string[] = [];
    const run = runInDependencyOrder([unit(['boom', 'other', 'later'])], { a: 2, b: 1 }, async (item) => {
      started.push(item);
      await tick(1);
      if (item === 'boom') throw new Error('boom');
    });
    await expect(run).rejects.toThrow('boom');
    expect(started).toEqual(['boom', 'other']);
  });

  it('runs every item once, after all it waits for and within the widths, for any units (property)', async () => {
    const graph = fc
      .array(
        fc.record({
          items: fc.integer({ min: 0, max: 3 }),
          lane: fc.constantFrom<Lane>('a', 'b'),
          priority: fc.nat(3),
          picks: fc.array(fc.nat(), { maxLength: 3 }),
        }),
        {
          maxLength: 12,
        },
      )
      .map((drafts) =>
        drafts.map((d, i): Unit<string, Lane> => ({
          items: Array.from({ length: d.items }, (_, k) => `${i}.${k}`),
          lane: d.lane,
          priority: d.priority,
          after: i === 0 ? [] : [...new Set(d.picks.map((p) => p % i))],
        })),
      );
    await fc.assert(
      fc.asyncProperty(graph, fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), async (units, wa, wb) => {
        const ended = new Set<string>();
        const running = { a: 0, b: 0 };
        const runs: string[] = [];
        /** a unit has finished when all its items ended, and all units it waits for have */
        const finished = (u: number): boolean => {
          const x = units[u] as Unit<string, Lane>;
          return x.items.every((i) => ended.has(i)) && x.after.every(finished);
        };
        await runInDependencyOrder(units, { a: wa, b: wb }, async (item) => {
          const u = Number(item.split('.')[0]);
          const x = units[u] as Unit<string, Lane>;
          expect(x.after.every(finished)).toBe(true);
          running[x.lane]++;
          expect(running[x.lane]).toBeLessThanOrEqual(x.lane === 'a' ? wa : wb);
          runs.push(item);
          await tick(0);
          running[x.lane]--;
          ended.add(item);
        });
        expect(runs.sort()).toEqual(units.flatMap((x) => x.items).sort());
      }),
      { numRuns: 60 },
    );
  });
});

describe('PriorityQueue', () => {
  it('pops in the order of `before`, for any pushes (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), (values) => {
        const queue = new PriorityQueue<number>((a, b) => a > b);
        for (const v of values) queue.push(v);
        const popped: number[] = [];
        while (queue.size > 0) popped.push(queue.pop() as number);
        expect(popped).toEqual([...values].sort((a, b) => b - a));
        expect(queue.pop()).toBeUndefined();
      }),
    );
  });
});
