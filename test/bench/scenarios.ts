// The six measured commands of issue 7. Each prepares its live state and state directory
// with the sandbox unthrottled, then measures the built CLI with the sandbox configured like
// AWS, and records calls and throttles from the sandbox's own accounting.
import { join } from 'node:path';
import type { SandboxHandle } from '../../src/sandbox/server.js';
import {
  CONTENDER_TPS,
  DRIFT_FRACTION,
  DRIFT_SEED,
  beforeContention,
  contendedAssignments,
  contendedTarget,
  withNewAssignments,
} from './command-bounds.js';
import { CONTENDER_OPERATION, startContender, type ContenderReport } from './contender.js';
import type { BenchSettings, LowerBound } from './lower-bound.js';
import { runCli, type CliRun } from './measure.js';
import type { SyntheticOrg } from './org.js';
import { commandResult, type CommandName, type CommandResult } from './result.js';
import type { SandboxStats } from '../../src/sandbox/stats.js';
import { changeLive, seedOrganization, type SeededOrg } from './seed.js';
import { writeStateDirectory } from './state-files.js';
import { assignmentThroughputLimit, sampleAssignmentCreations } from './throughput.js';
import { driftOf, withChangedPolicy, withoutIdentity } from './variants.js';

export const SOURCE_MANAGEMENT_ACCOUNT = '111111111111';
export const TARGET_MANAGEMENT_ACCOUNT = '222222222222';

/** Unthrottled, instant async completion: for seeding and preparing, never for measuring. */
export const FAST = { tps: 0, latencyMs: 0, asyncMs: 0, maxOutstanding: 1_000_000 };
/** The tool's own rate while preparing (it paces itself; the sandbox does not limit). */
const FAST_TOOL_TPS = 100_000;

export interface BenchContext {
  sandbox: SandboxHandle;
  settings: BenchSettings;
  org: SyntheticOrg;
  bounds: Record<CommandName, LowerBound>;
  seeded: SeededOrg;
  workDir: string;
  log(message: string): void;
}

export type Scenario = (ctx: BenchContext) => Promise<CommandResult>;

interface MeasureOptions {
  accountId?: string;
  /** assignments the command creates (reconcile) */
  assignments?: number;
  /** a second client sending this many Identity Center requests per second meanwhile */
  contenderTps?: number;
}

async function measure(ctx: BenchContext, command: CommandName, args: string[], options: MeasureOptions = {}): Promise<CommandResult> {
  const { accountId = SOURCE_MANAGEMENT_ACCOUNT, assignments, contenderTps } = options;
  const { tps, latencyMs, asyncMs, maxOutstanding } = ctx.settings;
  ctx.sandbox.configure({ tps, latencyMs, asyncMs, maxOutstanding });
  const contender = contenderTps === undefined ? undefined : await startContender(ctx.sandbox.endpoint, accountId, contenderTps);
  ctx.sandbox.resetStats();
  ctx.log(
    `${command}: running sso-gitops ${args.join(' ')}${contenderTps === undefined ? '' : ` while a second client sends ${contenderTps} requests/s`}`,
  );
  const sampler = sampleAssignmentCreations(ctx.sandbox);
  const run = await runCli(args, { endpoint: ctx.sandbox.endpoint, accountId, toolTps: tps });
  const perSecond = sampler.stop();
  const report = await contender?.stop();
  const stats = report ? withoutContender(ctx.sandbox.stats(), report) : ctx.sandbox.stats();
  ctx.sandbox.configure(FAST);
  const work = assignments === undefined ? undefined : { assignments, perSecond, limit: assignmentThroughputLimit(ctx.settings) };
  const result = commandResult(command, run, stats, ctx.bounds[command], ctx.settings, work);
  if (report && contenderTps !== undefined) result.contender = { perSecond: contenderTps, ...report };
  ctx.log(
    `${command}: exit ${result.exitCode}, ${result.calls} calls (bound ${result.lowerBoundCalls}), ${result.wallSeconds} s (bound ${result.rateBoundSeconds} s), throttled ${result.throttled}`,
  );
  if (run.exitCode !== 0) ctx.log(`${command} failed:\n${result.error ?? ''}`);
  return result;
}

/** The tool's share of the sandbox's accounting: the second client's calls and throttles taken out. */
function withoutContender(stats: SandboxStats, report: ContenderReport): SandboxStats {
  const sent = stats.callsByService['sso-admin'][CONTENDER_OPERATION] ?? 0;
  const { [CONTENDER_OPERATION]: _calls, ...calls } = stats.calls;
  const { [CONTENDER_OPERATION]: _ssoCalls, ...ssoAdmin } = stats.callsByService['sso-admin'];
  return {
    ...stats,
    calls,
    callsByService: { ...stats.callsByService, 'sso-admin': ssoAdmin },
    totalCalls: stats.totalCalls - sent,
    throttled: stats.throttled - report.throttled,
  };
}

/** Brings the live state to `dir` without measuring (after a failed measured reconcile). */
async function converge(ctx: BenchContext, dir: string, accountId = SOURCE_MANAGEMENT_ACCOUNT): Promise<CliRun> {
  ctx.sandbox.configure(FAST);
  return runCli(['reconcile', '--yes', '--allow-deletes', '--dir', dir], {
    endpoint: ctx.sandbox.endpoint,
    accountId,
    toolTps: FAST_TOOL_TPS,
    toolOrganizationsTps: FAST_TOOL_TPS,
  });
}

function stateDir(ctx: BenchContext, name: string, org: SyntheticOrg): string {
  const dir = join(ctx.workDir, name);
  writeStateDirectory(dir, org);
  return dir;
}

export const extract: Scenario = (ctx) => measure(ctx, 'extract', ['extract', '--dir', join(ctx.workDir, 'extracted')]);

export const planNoChange: Scenario = (ctx) => measure(ctx, 'plan-no-change', ['plan', '--dir', stateDir(ctx, 'base', ctx.org)]);

/** 1% of the assignments and of the users drift outside git; the plan must find them. The drift is undone afterwards. */
export const planDrift: Scenario = async (ctx) => {
  const drift = driftOf(ctx.org, DRIFT_FRACTION, DRIFT_SEED);
  ctx.sandbox.configure(FAST);
  await changeLive(ctx.sandbox.endpoint, ctx.seeded, {
    create: drift.addedAssignments,
    remove: drift.removedAssignments,
    displayNames: drift.renamedUsers,
  });
  const result = await measure(ctx, 'plan-drift-1pct', ['plan', '--dir', stateDir(ctx, 'base', ctx.org)]);
  const original = new Map(ctx.org.users.filter((u) => drift.renamedUsers.has(u.userName)).map((u) => [u.userName, u.displayName]));
  await changeLive(ctx.sandbox.endpoint, ctx.seeded, {
    create: drift.removedAssignments,
    remove: drift.addedAssignments,
    displayNames: original,
  });
  return result;
};

export const reconcileAssignments: Scenario = async (ctx) => {
  const dir = stateDir(ctx, 'new-assignments', withNewAssignments(ctx.org));
  const result = await measure(ctx, 'reconcile-assignments-1000', ['reconcile', '--yes', '--dir', dir], {
    assignments: ctx.org.shape.newAssignments,
  });
  if (result.exitCode !== 0) await converge(ctx, dir);
  return result;
};

/** Runs after reconcileAssignments: the live state then has the new assignments too. */
export const reconcilePolicy: Scenario = (ctx) =>
  measure(ctx, 'reconcile-policy-200', [
    'reconcile',
    '--yes',
    '--dir',
    stateDir(ctx, 'policy-change', withChangedPolicy(withNewAssignments(ctx.org))),
  ]);

/** Everything into a second organization whose accounts have the same names and no Identity Center content. */
export const migrate: Scenario = async (ctx) => {
  ctx.sandbox.configure(FAST);
  await seedOrganization(ctx.sandbox.endpoint, TARGET_MANAGEMENT_ACCOUNT, withoutIdentity(ctx.org), false);
  return measure(ctx, 'migrate', ['reconcile', '--yes', '--dir', stateDir(ctx, 'base', ctx.org)], {
    accountId: TARGET_MANAGEMENT_ACCOUNT,
    assignments: ctx.org.assignments.length,
  });
};

/** Runs after reconcilePolicy: a plan with no changes while another client uses 15 of the 20 requests/s. */
export const planContended: Scenario = async (ctx) => {
  const dir = stateDir(ctx, 'contended-plan', beforeContention(ctx.org));
  await converge(ctx, dir); // a no-op after reconcile-policy-200; makes `--only plan-contended` measure the same
  return measure(ctx, 'plan-contended', ['plan', '--dir', dir], { contenderTps: CONTENDER_TPS });
};

/** A reconcile that reads everything and creates assignments while another client uses 15 of the 20 requests/s. */
export const reconcileContended: Scenario = async (ctx) => {
  await converge(ctx, stateDir(ctx, 'contended-plan', beforeContention(ctx.org)));
  const dir = stateDir(ctx, 'contended-reconcile', contendedTarget(ctx.org));
  const result = await measure(ctx, 'reconcile-contended', ['reconcile', '--yes', '--dir', dir], {
    assignments: contendedAssignments(ctx.org),
    contenderTps: CONTENDER_TPS,
  });
  if (result.exitCode !== 0) await converge(ctx, dir);
  return result;
};

export const SCENARIOS: Record<CommandName, Scenario> = {
  extract,
  'plan-no-change': planNoChange,
  'plan-drift-1pct': planDrift,
  'reconcile-assignments-1000': reconcileAssignments,
  'reconcile-policy-200': reconcilePolicy,
  'plan-contended': planContended,
  'reconcile-contended': reconcileContended,
  migrate,
};
