// Applies an ordered plan: phase after phase (src/plan/order.ts), the changes of one
// phase concurrently. A failure stops nothing that does not depend on it; every
// failure is collected and reported at the end. Re-running converges because
// reconcile always plans from the live state again.
import { OVERLAPS_UNTIL, PHASES, type Phase } from '../kinds/phases.js';
import { descriptorOf } from '../kinds/registry.js';
import type { LiveState } from '../model/live.js';
import { asJson, canonicalJson } from '../plan/canonical.js';
import { phaseOf } from '../plan/order.js';
import type { Change, ChangeKind } from '../plan/types.js';
import { FailureDependencies } from './dependencies.js';
import { IdRegistry } from './ids.js';
import { changeLabel } from './label.js';
import { forEachLimit, Lane } from './pool.js';
import type { IdentityCenterWriter } from './port.js';

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

/** Changes in flight of a phase running alongside later phases (OVERLAPS_UNTIL), while they run. */
const ALONGSIDE_CONCURRENCY = 2;

/** A phase started to run alongside the phases after it, joined before `untilIndex`. */
interface Alongside {
  untilIndex: number;
  lane: Lane;
  done: Promise<void>;
}

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
  const alongside: Alongside[] = [];
  /** Lets the phases running alongside finish (at full width) before the phase at `index`. */
  const join = async (index: number): Promise<void> => {
    for (const a of alongside.filter((x) => x.untilIndex <= index)) {
      a.lane.widen(options.concurrency);
      await a.done;
      alongside.splice(alongside.indexOf(a), 1);
    }
  };
  for (const [i, phase] of phases.entries()) {
    if (options.signal?.aborted === true) break;
    const index = phaseIndexOf(phase);
    await join(index);
    const limit = phase.some((c) => descriptorOf(c).concurrency === 'assignment') ? options.assignmentConcurrency : options.concurrency;
    const until = OVERLAPS_UNTIL[PHASES[index] as Phase];
    if (until !== undefined && i < phases.length - 1) {
      const lane = new Lane(Math.min(limit, ALONGSIDE_CONCURRENCY));
      const run = forEachLimit(stepsOf(keptTogether(phase), ids, writer), limit, (step) => lane.run(() => runStep(step)), options.signal);
      alongside.push({ untilIndex: PHASES.indexOf(until), lane, done: run });
      continue;
    }
    await forEachLimit(stepsOf(keptTogether(phase), ids, writer), limit, runStep, options.signal);
  }
  await join(PHASES.length);
  return { applied: done - failures.length - refused.length, failures, refused };
}

/** The index in PHASES of a group of changes from orderChanges (all of a group share it). */
function phaseIndexOf(phase: readonly Change[]): number {
  const first = phase[0];
  if (first === undefined) throw new Error('an empty phase');
  return phaseOf(first);
}

/**
 * The phase with the changes that share a KindDescriptor.applyTogetherKey next to each other
 * (the assignment requests of one (account, permission set) pair): they are then in flight
 * together, and one ListAccountAssignments of the pair confirms them all
 * (src/aws/write/request-status-sources.ts). A phase's changes are independent, so any order
 * is correct; the rest keeps the plan's order (a stable sort).
 */
function keptTogether(phase: readonly Change[]): readonly Change[] {
  const key = (c: Change) => descriptorOf(c).applyTogetherKey?.(c) ?? '';
  if (!phase.some((c) => descriptorOf(c).applyTogetherKey !== undefined)) return phase;
  return [...phase].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}

/** One step of a phase: a change, or all of a phase's changes of a kind whose
 *  configuration AWS writes whole (KindDescriptor.apply.together). */
interface Step {
  changes: Change[];
  /** Applies the step's changes that may run. */
  run(runnable: Change[]): Promise<void>;
}

function stepsOf(phase: readonly Change[], ids: IdRegistry, writer: IdentityCenterWriter): Step[] {
  const steps: Step[] = [];
  const together = new Map<ChangeKind, Step>();
  for (const change of phase) {
    const { apply } = descriptorOf(change);
    if ('each' in apply) {
      steps.push({ changes: [change], run: () => apply.each(change, ids, writer) });
      continue;
    }
    const step = together.get(change.kind) ?? { changes: [], run: (runnable) => apply.together(runnable, ids, writer) };
    if (step.changes.length === 0) {
      together.set(change.kind, step);
      steps.push(step);
    }
    step.changes.push(change);
  }
  return steps;
}
