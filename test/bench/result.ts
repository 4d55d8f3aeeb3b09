// One measured command: the JSON record of issue 7 plus the ratios the targets are stated in.
import type { SandboxStats } from '../../src/sandbox/stats.js';
import { compareStrings } from '../../src/model/order.js';
import { callSeconds, type BenchSettings, type LowerBound } from './lower-bound.js';
import { throttledFailures, type CliRun } from './measure.js';

export type CommandName =
  | 'extract'
  | 'plan-no-change'
  | 'plan-drift-1pct'
  | 'reconcile-assignments-1000'
  | 'reconcile-policy-200'
  | 'plan-contended'
  | 'reconcile-contended'
  | 'migrate';

export interface CommandResult {
  command: CommandName;
  calls: number;
  callsByOperation: Record<string, number>;
  wallSeconds: number;
  throttled: number;
  throttledFailures: number;
  lowerBoundCalls: number;
  rateBoundSeconds: number;
  naiveCalls: number;
  /** our calls ÷ lowerBoundCalls */
  callsToLowerBound: number;
  /** wall ÷ rateBoundSeconds */
  wallToRateBound: number;
  /** wall ÷ (our own calls ÷ rate): how close to the rate limit the run went */
  wallToOwnCallsAtRate: number;
  /** naiveCalls ÷ our calls */
  naiveToOurs: number;
  exitCode: number;
  /** assignments created, for the reconcile commands */
  assignments?: number;
  /** assignments per second between the first and last creation (sandbox-side sampling) */
  assignmentsPerSecond?: number;
  /** what 10 outstanding requests with the async delay (and the rate) allow */
  assignmentsPerSecondLimit?: number;
  /** the CLI process: peak resident memory and CPU time (user + system) */
  peakRssMiB?: number;
  cpuSeconds?: number;
  /** the contention cases: the second client's requests per second and how many of its calls were throttled (not in `throttled`) */
  contender?: { perSecond: number; sent: number; throttled: number };
  /** the end of stderr when the command failed */
  error?: string;
  /** when this row was measured, if later than the rest of its results file (merge-results.ts) */
  ranAt?: string;
}

const round = (n: number, digits = 2): number => Number(n.toFixed(digits));

export interface AssignmentWork {
  assignments: number;
  perSecond: number | undefined;
  limit: number;
}

export function commandResult(
  command: CommandName,
  run: CliRun,
  stats: SandboxStats,
  bound: LowerBound,
  settings: BenchSettings,
  work?: AssignmentWork,
): CommandResult {
  const identityCenter = total(stats.callsByService['sso-admin']) + total(stats.callsByService.identitystore);
  const organizations = total(stats.callsByService.organizations);
  const ownSeconds = callSeconds(identityCenter, organizations, settings);
  return {
    command,
    calls: stats.totalCalls,
    callsByOperation: sortedCounts(stats),
    wallSeconds: round(run.wallSeconds),
    throttled: stats.throttled,
    throttledFailures: throttledFailures(run),
    lowerBoundCalls: bound.calls,
    rateBoundSeconds: round(bound.rateBoundSeconds),
    naiveCalls: bound.naiveCalls,
    callsToLowerBound: round(stats.totalCalls / bound.calls),
    wallToRateBound: round(run.wallSeconds / bound.rateBoundSeconds),
    wallToOwnCallsAtRate: round(run.wallSeconds / ownSeconds),
    naiveToOurs: round(bound.naiveCalls / Math.max(1, stats.totalCalls), 1),
    exitCode: run.exitCode,
    ...(work ? { assignments: work.assignments, assignmentsPerSecondLimit: round(work.limit) } : {}),
    ...(work?.perSecond !== undefined ? { assignmentsPerSecond: round(work.perSecond) } : {}),
    ...(run.usage ? { peakRssMiB: round(run.usage.maxRssMiB, 1), cpuSeconds: round(run.usage.cpuSeconds) } : {}),
    ...(run.exitCode !== 0 ? { error: run.stderr.trim().split('\n').slice(-8).join('\n') } : {}),
  };
}

function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/** Per operation, services kept apart where one name exists in two (ListTagsForResource). */
function sortedCounts(stats: SandboxStats): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [service, counts] of Object.entries(stats.callsByService)) {
    for (const [op, n] of Object.entries(counts)) {
      const shared = Object.entries(stats.callsByService).some(([other, c]) => other !== service && c[op] !== undefined);
      out[shared ? `${service}:${op}` : op] = n;
    }
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => compareStrings(a, b)));
}
