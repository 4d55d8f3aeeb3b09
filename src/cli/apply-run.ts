// The apply half of reconcile: order the plan's changes, apply them phase by phase with
// the AWS writer, report progress and every failure.
import { applyPhases, DEFAULT_APPLY_OPTIONS, type ApplyResult } from '../apply/apply.js';
import { retryConflicts } from '../aws/conflict-retry.js';
import type { AwsContext } from '../aws/context.js';
import { SettingError } from '../aws/errors.js';
import { createIdentityCenterWriter } from '../aws/write/writer.js';
import type { LiveState } from '../model/live.js';
import { orderChanges } from '../plan/order.js';
import type { Change, Plan } from '../plan/types.js';
import type { StderrProgress } from './progress.js';

/** Account-assignment requests in flight at once (SSO_GITOPS_MAX_OUTSTANDING); AWS allows about 10 outstanding. */
export function maxOutstandingAssignments(env: NodeJS.ProcessEnv = process.env): number {
  const value = env.SSO_GITOPS_MAX_OUTSTANDING;
  if (value === undefined || value === '') return DEFAULT_APPLY_OPTIONS.assignmentConcurrency;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new SettingError('SSO_GITOPS_MAX_OUTSTANDING', value, 'must be a whole number of requests above 0');
  return n;
}

/** Assignment changes worked on per outstanding-request slot: one running, the others awaiting confirmation. */
const CHANGES_PER_SLOT = 4;

export interface ApplyRunOptions {
  assignmentConcurrency: number;
  /** Aborted: start no further change (an interrupted run). */
  signal?: AbortSignal;
  /** Called as each change finishes, with its error if it failed. */
  onChangeDone?: (change: Change, error?: Error) => void;
  /** Changes refused alone by the safety rules: not applied, nor what depends on them. */
  refused?: readonly Change[];
}

export async function applyPlan(
  plan: Plan,
  live: LiveState,
  ctx: AwsContext,
  progress: StderrProgress,
  options: ApplyRunOptions,
): Promise<ApplyResult> {
  const writer = createIdentityCenterWriter({
    ssoAdmin: ctx.clients.ssoAdmin,
    identityStore: ctx.clients.identityStore,
    instanceArn: ctx.instanceArn,
    identityStoreId: ctx.identityStoreId,
    retry: retryConflicts,
    maxOutstanding: options.assignmentConcurrency,
  });
  const result = await applyPhases(orderChanges(plan.changes), live, writer, {
    ...DEFAULT_APPLY_OPTIONS,
    // the writer holds AWS's outstanding-request slots and gives each back when AWS has
    // finished, before the outcome is confirmed: more changes than slots keep every slot busy
    assignmentConcurrency: options.assignmentConcurrency * CHANGES_PER_SLOT,
    ...(options.signal !== undefined ? { signal: options.signal } : {}),
    ...(options.refused !== undefined ? { refused: options.refused } : {}),
    onProgress: (done, total, change, error) => {
      options.onChangeDone?.(change, error);
      progress.update('applying', done, total, 'changes');
    },
  });
  progress.endLine();
  return result;
}
