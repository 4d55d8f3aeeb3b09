// Runs units of work as soon as the units they wait for have finished, rather than phase
// after phase: in a migration the assignment requests of a group can start once that group
// and its permission set exist, while thousands of users and memberships are still being
// created beside them (the phases that allow it: src/kinds/phases.ts,
// STARTS_WHEN_NEEDS_ARE_MET; the units and what they wait for: units.ts).
//
// Each unit's items go to one lane (ordinary writes, or assignment requests with their
// outstanding-request limit), each lane with its own width. Among the items a lane may
// start, the one of the highest-priority unit goes first, then in the order they became
// ready. Once `signal` is aborted no further item starts; started items run to their end.
import { PriorityQueue } from './priority-queue.js';

export interface Unit<T, L extends string> {
  /** Queued together once every unit in `after` has finished; run in their lane. */
  readonly items: readonly T[];
  readonly lane: L;
  /** Indices of units that must finish first — each smaller than this unit's own index, so
   *  the units can never wait for each other in a circle. */
  readonly after: readonly number[];
  /** Higher starts first among a lane's queued items. */
  readonly priority: number;
}

interface Queued<T> {
  item: T;
  unit: number;
  priority: number;
  seq: number;
}

const takenFirst = <T>(a: Queued<T>, b: Queued<T>): boolean => a.priority > b.priority || (a.priority === b.priority && a.seq < b.seq);

export function runInDependencyOrder<T, L extends string>(
  units: readonly Unit<T, L>[],
  widths: Readonly<Record<L, number>>,
  work: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  const waitingFor = units.map((u) => u.after.length);
  const itemsLeft = units.map((u) => u.items.length);
  const dependents: number[][] = units.map(() => []);
  units.forEach((u, i) => {
    if (!(u.lane in widths)) throw new Error(`unit ${i} is for lane "${u.lane}", which has no width`);
    for (const j of u.after) {
      if (!(Number.isInteger(j) && j >= 0 && j < i)) throw new Error(`unit ${i} waits for unit ${j}, which does not come before it`);
      dependents[j]?.push(i);
    }
  });
  const lanes = Object.keys(widths) as L[];
  const queues = new Map(lanes.map((l) => [l, new PriorityQueue<Queued<T>>(takenFirst)]));
  const running = new Map(lanes.map((l) => [l, 0]));
  let seq = 0;
  let finished = 0;
  let inFlight = 0;
  let failure: { error: unknown } | undefined;

  return new Promise<void>((resolve, reject) => {
    const stopped = () => signal?.aborted === true || failure !== undefined;
    const finish = (unit: number): void => {
      finished++;
      for (const d of dependents[unit] ?? []) if (--(waitingFor[d] as number) === 0) ready(d);
    };
    const ready = (unit: number): void => {
      const u = units[unit] as Unit<T, L>;
      if (u.items.length === 0) return finish(unit);
      const queue = queues.get(u.lane) as PriorityQueue<Queued<T>>;
      for (const item of u.items) queue.push({ item, unit, priority: u.priority, seq: seq++ });
    };
    const settle = (): void => {
      if (inFlight > 0) return;
      if (failure !== undefined) return reject(failure.error instanceof Error ? failure.error : new Error(String(failure.error)));
      if (finished === units.length || stopped()) return resolve();
      if (lanes.every((l) => queues.get(l)?.size === 0))
        reject(new Error('apply scheduler stalled: no step may start and none is running'));
    };
    const pump = (): void => {
      for (const lane of lanes) {
        const queue = queues.get(lane) as PriorityQueue<Queued<T>>;
        while (!stopped() && (running.get(lane) as number) < widths[lane] && queue.size > 0) {
          const next = queue.pop() as Queued<T>;
          running.set(lane, (running.get(lane) as number) + 1);
          inFlight++;
          void Promise.resolve()
            .then(() => work(next.item))
            .catch((error: unknown) => void (failure ??= { error }))
            .finally(() => {
              running.set(lane, (running.get(lane) as number) - 1);
              inFlight--;
              if (--(itemsLeft[next.unit] as number) === 0) finish(next.unit);
              pump();
            });
        }
      }
      settle();
    };
    units.forEach((u, i) => {
      if (u.after.length === 0) ready(i);
    });
    pump();
  });
}
