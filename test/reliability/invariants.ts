// What "never worse than partly applied" means, as checks over names. `before` is the
// state the instance had when reconcile started (v1), `after` the state files it was
// asked to reach (v2), `live` what the sandbox holds now (from live-audit.ts).
import type { NamedState } from './change-set.js';

type Kind = 'user' | 'group' | 'membership' | 'permission set' | 'assignment';

function keysOf(state: NamedState): [Kind, Set<string>][] {
  return [
    ['user', new Set(state.users.keys())],
    ['group', new Set(state.groups.keys())],
    ['membership', state.memberships],
    ['permission set', new Set(state.sets.keys())],
    ['assignment', state.assignments],
  ];
}

function byKind(state: NamedState): Map<Kind, Set<string>> {
  return new Map(keysOf(state));
}

/**
 * An interrupted or failed run may have done any part of the planned work, and nothing
 * else: whatever both states hold is still there (never deleted, even transiently
 * visible at the end), and nothing exists that neither state holds.
 */
export function partlyAppliedViolations(before: NamedState, after: NamedState, live: NamedState): string[] {
  const out: string[] = [];
  const b = byKind(before);
  const a = byKind(after);
  for (const [kind, liveKeys] of keysOf(live)) {
    const was = b.get(kind) ?? new Set<string>();
    const will = a.get(kind) ?? new Set<string>();
    for (const key of was) if (will.has(key) && !liveKeys.has(key)) out.push(`${kind} ${key} is in both states but was removed`);
    for (const key of liveKeys) if (!was.has(key) && !will.has(key)) out.push(`${kind} ${key} exists but is in neither state`);
  }
  return out;
}

/**
 * Creations come before deletions (docs/plan-format.md, "Apply order"): once any deletion of the plan
 * is visible, every creation of the plan must be too. Only meaningful without injected
 * faults, where every creation succeeds.
 */
export function orderingViolations(before: NamedState, after: NamedState, live: NamedState): string[] {
  const b = byKind(before);
  const a = byKind(after);
  const l = byKind(live);
  const deleted: string[] = [];
  const pendingCreations: string[] = [];
  for (const [kind, liveKeys] of l) {
    const was = b.get(kind) ?? new Set<string>();
    const will = a.get(kind) ?? new Set<string>();
    for (const key of was) if (!will.has(key) && !liveKeys.has(key)) deleted.push(`${kind} ${key}`);
    for (const key of will) if (!was.has(key) && !liveKeys.has(key)) pendingCreations.push(`${kind} ${key}`);
  }
  if (deleted.length === 0 || pendingCreations.length === 0) return [];
  return [
    `deleted ${deleted.slice(0, 3).join(', ')} (${deleted.length} in all) before creating ${pendingCreations.slice(0, 3).join(', ')} (${pendingCreations.length} pending)`,
  ];
}

/** Differences between the live state and the desired one, by name (empty when converged). */
export function convergenceDifferences(desired: NamedState, live: NamedState): string[] {
  const out: string[] = [];
  const l = byKind(live);
  for (const [kind, want] of keysOf(desired)) {
    const have = l.get(kind) ?? new Set<string>();
    for (const key of want) if (!have.has(key)) out.push(`missing ${kind} ${key}`);
    for (const key of have) if (!want.has(key)) out.push(`extra ${kind} ${key}`);
  }
  for (const [name, user] of desired.users) {
    const got = live.users.get(name);
    if (got && got.displayName !== user.displayName) out.push(`user ${name} has displayName "${got.displayName}"`);
  }
  for (const [name, set] of desired.sets) {
    const got = live.sets.get(name);
    if (got && got.description !== set.description) out.push(`permission set ${name} has description "${got.description}"`);
  }
  return out;
}
