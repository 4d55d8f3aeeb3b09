// The apply half of reconcile: order the plan's changes, apply them phase by phase with
// the AWS writer, report progress and every failure.
import { applyPhases, DEFAULT_APPLY_OPTIONS, type ApplyResult } from '../apply/apply.js';
import { retryConflicts } from '../aws/conflict-retry.js';
import type { AwsContext } from '../aws/context.js';
import { createIdentityCenterWriter } from '../aws/write/writer.js';
import type { LiveState } from '../model/live.js';
import { orderChanges } from '../plan/order.js';
import type { Plan } from '../plan/types.js';
import type { StderrProgress } from './progress.js';

/** Account-assignment requests in flight at once; AWS allows about 10 outstanding (AWS-NOTES). */
export function maxOutstandingAssignments(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.SSO_GITOPS_MAX_OUTSTANDING);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_APPLY_OPTIONS.assignmentConcurrency;
}

export async function applyPlan(plan: Plan, live: LiveState, ctx: AwsContext, progress: StderrProgress): Promise<ApplyResult> {
  const writer = createIdentityCenterWriter({
    ssoAdmin: ctx.clients.ssoAdmin,
    identityStore: ctx.clients.identityStore,
    instanceArn: ctx.instanceArn,
    identityStoreId: ctx.identityStoreId,
    retry: retryConflicts,
  });
  const result = await applyPhases(orderChanges(plan.changes), live, writer, {
    ...DEFAULT_APPLY_OPTIONS,
    assignmentConcurrency: maxOutstandingAssignments(),
    onProgress: (done, total) => progress.update('applying', done, total, 'changes'),
  });
  progress.endLine();
  return result;
}
