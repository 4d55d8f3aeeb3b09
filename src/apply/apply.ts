// Applies an ordered plan (src/plan/order.ts): each change starts once what it needs is done
// (units.ts: the additions as soon as their prerequisites exist, every removal after all
// that comes before it), independent changes concurrently. A failure stops nothing that
// does not depend on it; every failure is collected and reported at the end. Re-running
// converges because reconcile always plans from the live state again.
import type { LiveState } from '../model/live.js';
import { asJson, canonicalJson } from '../plan/canonical.js';
import type { Change } from '../plan/types.js';
import { FailureDependencies } from './dependencies.js';
import { IdRegistry } from './ids.js';
import { changeLabel } from './label.js';
import type { IdentityCenterWriter } from './port.js';
import { runInDependencyOrder } from './schedule.js';
import type { Step } from './steps.js';
import { stagesOf, unitsOf } from './units.js';

export interface ApplyOptions {
  /** Changes in flight at once for ordinary writes (the rate limiter paces calls). */
  concurrency: number;
  /** Assignment requests in flight at once: AWS allows about 10 outstanding. */
  assignmentConcurrency: number;
  onProgress?: (done: number, total: number, change: Change, error?: Error) => void;
  /** Aborted: start no further change (changes in flight finish); `applied` counts only finished ones. */
  signal?: AbortSignal;
  /** Changes the safety rules refuse alone (Refusal.change): never applied, and what
   *  depends on them is skipped as if they had failed. Matched by content. */
  refused?: readonly Change[];
}

export const DEFAULT_APPLY_OPTIONS: ApplyOptions = { concurrency: 8, assignmentConcurrency: 10 };

export interface ApplyFailure {
  change: Change;
  label: string;
  error: string;
}

export interface ApplyResult {
  applied: number;
  /** Failed changes, and changes skipped because they depend on a failed or refused one. */
  failures: ApplyFailure[];
  /** The refused changes themselves (options.refused that were in the phases). */
  refused: ApplyFailure[];
}

const changeKey = (c: Change) => canonicalJson(asJson(c));

export async function applyPhases(
  phases: Change[][],
  live: LiveState,
  writer: IdentityCenterWriter,
  options: ApplyOptions = DEFAULT_APPLY_OPTIONS,
): Promise<ApplyResult> {
  const ids = new IdRegistry(live);
  const total = phases.reduce((n, p) => n + p.length, 0);
  const failures: ApplyFailure[] = [];
  const dependencies = new FailureDependencies();
  const refusedKeys = new Set((options.refused ?? []).map(changeKey));
  const refused: ApplyFailure[] = [];
  const refusedLabels = new Set<string>();
  let done = 0;
  /** Whether a change may run; a refused or blocked one is reported here instead. */
  const admit = (change: Change): boolean => {
    const label = changeLabel(change);
    if (refusedKeys.size > 0 && refusedKeys.has(changeKey(change))) {
      refused.push({ change, label, error: 'refused by the safety rules' });
      refusedLabels.add(label);
      dependencies.fail(change, label);
      done++;
      options.onProgress?.(done, total, change, new Error('refused by the safety rules'));
      return false;
    }
    const blocker = dependencies.blockerOf(change);
    if (blocker === undefined) return true;
    // the blocker is a label that quotes its own names: put it in parentheses, not quotes
    const what = refusedLabels.has(blocker) ? 'a change the safety rules refuse' : 'a change that failed';
    settle(change, new Error(`skipped: it depends on ${what} (${blocker})`));
    return false;
  };
  const settle = (change: Change, error: Error | undefined): void => {
    if (error !== undefined) {
      const label = changeLabel(change);
      failures.push({ change, label, error: error.message });
      dependencies.fail(change, label);
    }
    done++;
    options.onProgress?.(done, total, change, error);
  };
  const runStep = async (step: Step): Promise<void> => {
    const runnable = step.changes.filter(admit);
    if (runnable.length === 0) return;
    let error: Error | undefined;
    try {
      await step.run(runnable);
    } catch (err) {
      error = err instanceof Error ? err : new Error(String(err));
    }
    for (const change of runnable) settle(change, error);
  };
  const widths = { ordinary: options.concurrency, assignment: options.assignmentConcurrency };
  for (const stage of stagesOf(phases)) {
    if (options.signal?.aborted === true) break;
    await runInDependencyOrder(unitsOf(stage, ids, writer), widths, runStep, options.signal);
  }
  return { applied: done - failures.length - refused.length, failures, refused };
}
