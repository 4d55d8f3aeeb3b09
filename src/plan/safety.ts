// Safety rules over a computed change list (docs/guarantees.md). A refusal does not
// remove changes from the plan — the reviewer sees everything. A refusal of the whole plan
// means reconcile applies nothing; a refusal of one change (`change` set: what needs the
// management account from a delegated administrator) means reconcile applies everything
// else but that change and what depends on it. Each message says what, why and how to proceed.
import type { AssignmentTriple, DesiredState } from '../model/types.js';
import { descriptorOf, KIND_LIST } from '../kinds/registry.js';
import { protects } from '../kinds/assignment/diff.js';
import { deletedObjects } from './diff/implied.js';
import type { NamedLive } from './live-names.js';
import { tripleKey } from './resolve.js';
import type { AssignmentChange, Change, Refusal } from './types.js';

export interface SafetyInput {
  changes: readonly Change[];
  desired: DesiredState;
  live: NamedLive;
  allowDeletes: boolean;
  /** A scoped plan (src/plan/scoped) reads only the touched objects: the deletion thresholds
   *  then count against these totals, estimated from the files, and say so. */
  estimatedLiveCounts?: { counts: Partial<Record<Change['kind'], number>>; from: string };
}

const ADMINISTRATOR_ACCESS = /:policy\/AdministratorAccess$/;

export function safetyRefusals(input: SafetyInput): Refusal[] {
  const alone = managementAccountRefusals(input);
  // the lock-out guards judge what will really happen: a change refused alone does not
  const refusedAlone = new Set(alone.map((r) => r.change));
  const applied = { ...input, changes: input.changes.filter((c) => !refusedAlone.has(c)) };
  return [...emptyStateRefusals(input), ...deleteRefusals(input), ...alone, ...lockoutRefusals(applied)];
}

function emptyStateRefusals({ changes, desired }: SafetyInput): Refusal[] {
  if (desired.files.length > 0 || !changes.some((c) => c.action === 'delete')) return [];
  return [
    {
      rule: 'empty-state',
      message:
        'the state directory has no state files, and an empty state never means "delete everything"; ' +
        'check --dir, or run `sso-gitops extract` to write the current state first',
    },
  ];
}

function deleteRefusals({ changes, desired, live, allowDeletes, estimatedLiveCounts }: SafetyInput): Refusal[] {
  if (allowDeletes) return [];
  const max = desired.settings.safety.maxDeletePercent;
  const refusals: Refusal[] = [];
  for (const descriptor of KIND_LIST) {
    const { kind, safetyLabel: label } = descriptor;
    const total = estimatedLiveCounts?.counts[kind] ?? descriptor.liveCount(live);
    const estimated = estimatedLiveCounts?.counts[kind] !== undefined ? ` (estimated from ${estimatedLiveCounts.from})` : '';
    const deletes = changes.filter((c) => c.kind === kind && c.action === 'delete').length;
    if (total === 0 || deletes === 0) continue;
    const percent = (deletes / total) * 100;
    if (deletes === total) {
      refusals.push({
        rule: 'delete-all',
        message:
          `the plan deletes all live ${label} (${total}${estimated}); check that the state files are complete (settings.manage.* and the --dir), ` +
          'and if this is really intended run reconcile with --allow-deletes',
      });
    } else if (percent > max) {
      refusals.push({
        rule: 'max-delete-percent',
        message:
          `the plan deletes ${deletes} of ${total}${estimated} live ${label} (${percent.toFixed(0)}%), more than ` +
          `settings.safety.maxDeletePercent (${max}%); review the deletions and run reconcile with --allow-deletes to proceed`,
      });
    }
  }
  return refusals;
}

/** A delegated administrator cannot manage the management account's assignments nor the
 *  permission sets provisioned there (src/plan/scope.ts cites the AWS documentation). What
 *  the files do not ask for was left out of the plan (scope.ts); what they do ask for is
 *  refused here, each change alone: refusing up front beats AccessDenied half-way through
 *  an apply, and nothing unrelated waits for it. */
function managementAccountRefusals({ changes, live }: SafetyInput): Refusal[] {
  if (!live.delegatedAdministrator) return [];
  const how =
    'run reconcile with credentials of the management account, or leave the management account out of the state files ' +
    '(excludeAccounts, or settings.ignore.accounts); everything else is applied';
  const refusals: Refusal[] = [];
  for (const c of changes) {
    const why = descriptorOf(c).delegatedAdministrator?.needsManagementAccount(c, live);
    if (why !== undefined) refusals.push({ rule: 'management-account', message: `${why}; ${how}`, change: c });
  }
  return refusals;
}

/** What the live assignments will be after the plan, for the lock-out guards. A deleted
 *  principal or set takes its assignments with it. */
function assignmentsAfter(changes: readonly Change[], live: NamedLive): AssignmentTriple[] {
  const deleted = new Set(changes.filter((c): c is AssignmentChange => c.kind === 'assignment' && c.action === 'delete').map(tripleKey));
  const { goesAway } = deletedObjects(changes);
  const created = changes.filter((c): c is AssignmentChange => c.kind === 'assignment' && c.action === 'create');
  return [...live.assignments.filter((t) => !deleted.has(tripleKey(t))), ...created].filter((t) => !goesAway(t));
}

function lockoutRefusals({ changes, desired, live }: SafetyInput): Refusal[] {
  const after = assignmentsAfter(changes, live);
  const refusals: Refusal[] = [];
  for (const entry of desired.settings.safety.protect) {
    const before = live.assignments.filter((t) => protects(entry, t, live));
    if (before.length === 0 || after.some((t) => protects(entry, t, live))) continue;
    const who = entry.group !== undefined ? `group "${entry.group}"` : `user "${entry.user ?? ''}"`;
    refusals.push({
      rule: 'lockout',
      message:
        `the plan removes every assignment of the protected pair "${entry.permissionSet}" for ${who}` +
        `${entry.account !== undefined ? ` on ${entry.account}` : ''} (by deleting the principal, the permission set or the assignments); ` +
        'this could lock everyone out. Keep the principal and the set in the state files, or remove the protect entry in a reviewed change first',
    });
  }

  const adminSetsBefore = new Set(
    [...live.permissionSets.values()].filter((s) => s.managedPolicies.some((p) => ADMINISTRATOR_ACCESS.test(p))).map((s) => s.name),
  );
  const adminSetsAfter = new Set(adminSetsBefore);
  for (const c of changes) {
    if (c.kind !== 'permissionSet' || (c.action !== 'create' && c.action !== 'update')) continue;
    if (c.after.managedPolicies.some((p) => ADMINISTRATOR_ACCESS.test(p))) adminSetsAfter.add(c.name);
    else adminSetsAfter.delete(c.name);
  }
  const onMgmt = (sets: Set<string>) => (t: AssignmentTriple) => t.accountId === live.managementAccountId && sets.has(t.permissionSet);
  if (live.assignments.some(onMgmt(adminSetsBefore)) && !after.some(onMgmt(adminSetsAfter))) {
    refusals.push({
      rule: 'lockout',
      message:
        `the plan removes the last administrator assignment (a permission set with AdministratorAccess) on the management ` +
        `account (${live.managementAccountId}); nobody could administer Identity Center through it afterwards. ` +
        'Keep at least one such assignment in the state files (add the new one in an earlier reconcile), or make this change by hand in the console',
    });
  }
  return refusals;
}
