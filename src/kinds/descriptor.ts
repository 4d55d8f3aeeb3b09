// One descriptor per resource kind (user, group, membership, permissionSet, assignment):
// everything the pipeline needs to know about a kind, in the kind's own folder
// (src/kinds/<kind>/). The stages (diff, order, safety, render, apply) iterate the
// registry (src/kinds/registry.ts) instead of switching on `change.kind`, and the
// registry's type makes a kind without one of these pieces a compile error.
//
// Everything here is SDK-free (test/architecture/layers.test.ts): live reads and the
// writer's AWS calls stay in src/aws; a kind reaches AWS only through the writer port.
import type { IdRegistry } from '../apply/ids.js';
import type { IdentityCenterWriter } from '../apply/port.js';
import type { LiveState } from '../model/live.js';
import type { DesiredState } from '../model/types.js';
import type { ChangeClues, LiveIds } from '../plan/attribution-clues.js';
import type { GoesAway } from '../plan/diff/implied.js';
import type { DiffResult } from '../plan/diff/result.js';
import type { NamedLive } from '../plan/live-names.js';
import type { ResolvedDesired } from '../plan/resolve.js';
import type { Change, ChangeKind } from '../plan/types.js';
import type { Line } from '../render/attribute-lines.js';
import type { Phase } from './phases.js';

export type ChangeOf<K extends ChangeKind> = Extract<Change, { kind: K }>;

/** What a kind's diff reads. `goesAway` is only known to kinds diffed after the deletions
 *  of the objects (diffStage 'after-deletions'); it answers false before. */
export interface DiffInput {
  desired: DesiredState;
  resolved: ResolvedDesired;
  goesAway: GoesAway;
}

/** A delegated administrator cannot manage some objects of the management account
 *  (src/plan/scope.ts cites the AWS documentation). */
export interface DelegatedAdministratorRules<C extends Change> {
  /** A deletion the files did not ask for and a delegated administrator cannot make: left out of the plan. */
  outOfScope(c: C, live: NamedLive): boolean;
  /** The note for `count` such deletions left out (count > 0). */
  outOfScopeNote(count: number, live: NamedLive): string;
  /** Why this change needs the management account (refused alone), or undefined when it does not. */
  needsManagementAccount(c: C, live: NamedLive): string | undefined;
}

export interface KindDescriptor<C extends Change> {
  kind: C['kind'];
  /** Every action of the kind, with the apply phase its changes run in (src/kinds/phases.ts).
   *  The plan file's schema has one shape `<kind>-<action>` per action. */
  phases: { readonly [A in C['action']]: Phase };

  // --- diff (pure) ---
  /** 'objects' are diffed first; 'after-deletions' kinds are diffed knowing which objects the plan deletes. */
  diffStage: 'objects' | 'after-deletions';
  diff(input: DiffInput): DiffResult<C>;

  // --- plan labels ---
  /** The plan section's heading (text and markdown). */
  title: string;
  /** The headline of a change in the plan (after its sign). */
  headline(c: C): string;
  /** The indented lines below the headline. */
  details(c: C): Line[];
  /** Set when the headline does not name the kind (an assignment's starts with the set's
   *  name): one-line lists outside the kind's section put it first. */
  headlinePrefix?: string;
  /** A short name for progress lines and failure reports. */
  label(c: C): string;

  // --- order and dependencies ---
  /** Names that sort a change within its phase (after its action). */
  sortKey(c: C): string[];
  /** The objects a change creates or touches, as keys another change can depend on. */
  provides(c: C): string[];
  /** The keys a change needs to have succeeded first. */
  needs(c: C): string[];
  /** Extra keys a failure of this change blocks (removals that must precede a deletion). */
  blockedByFailure(c: C): string[];

  // --- safety ---
  /** Plural noun for the delete thresholds ("users", "group memberships"). */
  safetyLabel: string;
  liveCount(live: NamedLive): number;
  delegatedAdministrator?: DelegatedAdministratorRules<C>;

  // --- apply ---
  /** 'assignment': AWS allows only about 10 outstanding account-assignment requests, so a
   *  phase holding these runs at the assignment concurrency. */
  concurrency: 'ordinary' | 'assignment';
  /** Changes with the same key are applied one after another within their phase: AWS's
   *  answers for them are then confirmed by one shared read (src/apply/apply.ts). */
  applyTogetherKey?(c: C): string;
  /** The changes against the writer port; resolves once AWS has finished. `each`: one
   *  change at a time; `together`: all of a phase's changes of the kind in one step, for a
   *  configuration AWS only writes whole (the plan still shows each change). */
  apply: { each(c: C, ids: IdRegistry, writer: IdentityCenterWriter): Promise<void> } | { together: ApplyTogether<C> };

  // --- drift attribution (plan --attribute) ---
  /** The CloudTrail events that could have made the live side of a change what it is,
   *  matched on the live ids (src/plan/attribution.ts), or why there can be none. */
  attributionClues(c: C, ids: LiveIds, live: LiveState): ChangeClues;

  // --- permissions ---
  /** IAM actions the kind needs: `read` for plan (iam/plan-role-policy.json), `write` for
   *  reconcile on top of them (iam/apply-role-policy.json). Checked by test/workflows/kind-iam-actions.test.ts. */
  iamActions: { read: readonly string[]; write: readonly string[] };
}

export type ApplyTogether<C extends Change> = (changes: C[], ids: IdRegistry, writer: IdentityCenterWriter) => Promise<void>;

/** The end of an exhaustive switch: a kind or action left out is a compile error here. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
