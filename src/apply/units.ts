// What the apply scheduler (schedule.ts) runs for an ordered plan: the phases cut into
// stages, and each stage's steps as units that wait for exactly what they need.
//
// A stage is a phase that waits for every phase before it, followed by the phases that
// start as soon as what they need is done (src/kinds/phases.ts, STARTS_WHEN_NEEDS_ARE_MET).
// Stages run one after another. Within a stage a unit waits for the units of earlier
// phases that provide a dependency key one of its changes needs (the keys that also tell
// which changes a failure blocks, src/apply/dependencies.ts), and for all of each earlier
// phase its own phase lists.
import { PHASES, STARTS_WHEN_NEEDS_ARE_MET, type Phase } from '../kinds/phases.js';
import { descriptorOf } from '../kinds/registry.js';
import { phaseOf } from '../plan/order.js';
import type { Change } from '../plan/types.js';
import type { IdRegistry } from './ids.js';
import type { IdentityCenterWriter } from './port.js';
import type { Unit } from './schedule.js';
import { stepsOf, type Step } from './steps.js';

/** Ordinary writes, and account-assignment requests (AWS's outstanding-request limit). */
export type LaneName = 'ordinary' | 'assignment';

/** The phase of a group of changes from orderChanges (all of a group share it). */
export function phaseNameOf(phase: readonly Change[]): Phase {
  const first = phase[0];
  if (first === undefined) throw new Error('an empty phase');
  return PHASES[phaseOf(first)] as Phase;
}

const startsWhenNeedsAreMet = (phase: Phase): boolean => STARTS_WHEN_NEEDS_ARE_MET[phase] !== undefined;

/** The phases (in apply order) cut into stages that run one after another. */
export function stagesOf(phases: readonly (readonly Change[])[]): (readonly Change[])[][] {
  const stages: (readonly Change[])[][] = [];
  for (const phase of phases) {
    const current = stages.at(-1);
    if (current !== undefined && startsWhenNeedsAreMet(phaseNameOf(phase))) current.push(phase);
    else stages.push([phase]);
  }
  return stages;
}

interface Draft {
  steps: Step[];
  changes: Change[];
  lane: LaneName;
  after: Set<number>;
}

/**
 * The units of one stage. The assignment requests of one (account, permission set) pair
 * (KindDescriptor.applyTogetherKey) are one unit, so they start together and one read
 * confirms them all. A unit's priority is the number of changes that wait for it directly:
 * the groups and sets that many assignments wait for go before users and memberships.
 */
export function unitsOf(stage: readonly (readonly Change[])[], ids: IdRegistry, writer: IdentityCenterWriter): Unit<Step, LaneName>[] {
  const drafts: Draft[] = [];
  /** dependency key → the units that provide it (or block it when they fail) */
  const providers = new Map<string, number[]>();
  /** phase → a unit without steps that finishes when every unit of the phase has */
  const phaseEnds = new Map<Phase, number>();
  for (const phase of stage) {
    const name = phaseNameOf(phase);
    const wholePhases = (STARTS_WHEN_NEEDS_ARE_MET[name] ?? []).flatMap((p) => phaseEnds.get(p) ?? []);
    const first = drafts.length;
    for (const steps of byApplyTogetherKey(stepsOf(phase, ids, writer))) {
      const changes = steps.flatMap((s) => s.changes);
      const after = new Set(wholePhases);
      for (const c of changes) for (const key of descriptorOf(c).needs(c)) for (const u of providers.get(key) ?? []) after.add(u);
      drafts.push({ steps, changes, lane: descriptorOf(changes[0] as Change).concurrency, after });
    }
    // added only now: the changes of one phase never wait for each other
    for (let u = first; u < drafts.length; u++) {
      for (const c of (drafts[u] as Draft).changes) {
        const d = descriptorOf(c);
        for (const key of [...d.provides(c), ...d.blockedByFailure(c)]) {
          const list = providers.get(key) ?? [];
          if (list.at(-1) !== u) list.push(u);
          providers.set(key, list);
        }
      }
    }
    phaseEnds.set(name, drafts.length);
    drafts.push({
      steps: [],
      changes: [],
      lane: 'ordinary',
      after: new Set(Array.from({ length: drafts.length - first }, (_, i) => first + i)),
    });
  }
  const priority = drafts.map(() => 0);
  for (const d of drafts) for (const u of d.after) priority[u] = (priority[u] as number) + d.changes.length;
  return drafts.map((d, u) => ({ items: d.steps, lane: d.lane, after: [...d.after], priority: priority[u] as number }));
}

/** Consecutive steps that share an applyTogetherKey, as one group; every other step alone. */
function byApplyTogetherKey(steps: readonly Step[]): Step[][] {
  const groups: Step[][] = [];
  let lastKey: string | undefined;
  for (const step of steps) {
    const c = step.changes[0] as Change;
    const together = descriptorOf(c).applyTogetherKey?.(c);
    const key = together === undefined ? undefined : `${c.kind}\u0000${together}`;
    const last = groups.at(-1);
    if (key !== undefined && key === lastKey && last !== undefined) last.push(step);
    else groups.push([step]);
    lastKey = key;
  }
  return groups;
}
