// Every kind through its descriptor: the pieces the stages rely on fit together for every
// action of every kind (src/testing/change-samples.ts has one change of each).
import { describe, expect, it } from 'vitest';
import type { Change } from '../plan/types.js';
import { PHASES } from './phases.js';
import { descriptorOf, KIND_LIST, KINDS } from './registry.js';
import { SAMPLE_CHANGES } from '../testing/change-samples.js';

const samples: Change[] = Object.values(SAMPLE_CHANGES).flatMap((byAction) => Object.values(byAction) as Change[]);

describe('the kind registry', () => {
  it('registers each descriptor under its own kind, and names the actions its samples have', () => {
    for (const [kind, descriptor] of Object.entries(KINDS)) {
      expect(descriptor.kind).toBe(kind);
      const sampled = samples.filter((c) => c.kind === kind).map((c) => c.action);
      expect(Object.keys(descriptor.phases).sort()).toEqual(sampled.sort());
    }
  });

  it('gives every change the descriptor of its kind', () => {
    for (const c of samples) expect(descriptorOf(c).kind).toBe(c.kind);
  });

  it('never puts a kind’s deletes before its creates (a removal never runs before what replaces it)', () => {
    for (const { kind } of KIND_LIST) {
      const phase = (c: Change) => PHASES.indexOf(descriptorOf(c).phases[c.action]);
      const creates = samples.filter((c) => c.kind === kind && c.action === 'create').map(phase);
      const deletes = samples.filter((c) => c.kind === kind && c.action === 'delete').map(phase);
      expect(Math.max(...creates)).toBeLessThanOrEqual(Math.min(...deletes));
    }
  });

  it('needs only dependency keys that some change of some kind provides or blocks on failure', () => {
    // compared by family ("removed-assignment-of:…"): the samples' names differ per principal type
    const family = (key: string) => key.slice(0, key.indexOf(':'));
    const offered = new Set(samples.flatMap((c) => [...descriptorOf(c).provides(c), ...descriptorOf(c).blockedByFailure(c)].map(family)));
    const dangling = samples.flatMap((c) =>
      descriptorOf(c)
        .needs(c)
        .filter((key) => !offered.has(family(key))),
    );
    expect(dangling).toEqual([]);
  });

  it('blocks, for the samples that refer to each other, exactly the needs of the dependents', () => {
    const offered = new Set(samples.flatMap((c) => [...descriptorOf(c).provides(c), ...descriptorOf(c).blockedByFailure(c)]));
    expect(
      descriptorOf(SAMPLE_CHANGES.assignment.create)
        .needs(SAMPLE_CHANGES.assignment.create)
        .every((k) => offered.has(k)),
    ).toBe(true);
    expect(
      descriptorOf(SAMPLE_CHANGES.group.delete)
        .needs(SAMPLE_CHANGES.group.delete)
        .every((k) => offered.has(k)),
    ).toBe(true);
  });

  it('labels distinct changes distinctly, and sorts them by names', () => {
    const labels = samples.map((c) => descriptorOf(c).label(c));
    expect(new Set(labels).size).toBe(samples.length);
    for (const c of samples) expect(descriptorOf(c).sortKey(c).length).toBeGreaterThan(0);
  });

  it('gives each kind a distinct plan section title and safety label', () => {
    expect(new Set(KIND_LIST.map((k) => k.title)).size).toBe(KIND_LIST.length);
    expect(new Set(KIND_LIST.map((k) => k.safetyLabel)).size).toBe(KIND_LIST.length);
  });
});
