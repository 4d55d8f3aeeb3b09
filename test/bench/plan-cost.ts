// The cost of plan itself, with the sandbox unthrottled and the tool's pacing lifted so API
// waiting does not hide it: the phases in one process (plan-profile.ts), then the real
// `plan` command end to end for its peak RSS and CPU time.
import type { PlanCost } from './document.js';
import { PLAN_PROFILE_SCRIPT, runCli, runNode, type CliTarget } from './measure.js';
import type { PlanProfile } from './plan-profile.js';
import type { BenchContext } from './scenarios.js';
import { FAST, SOURCE_MANAGEMENT_ACCOUNT } from './scenarios.js';

const UNPACED_TOOL_TPS = 100_000;

export async function measurePlanCost(ctx: BenchContext, dir: string): Promise<PlanCost> {
  ctx.sandbox.configure(FAST);
  const target: CliTarget = {
    endpoint: ctx.sandbox.endpoint,
    accountId: SOURCE_MANAGEMENT_ACCOUNT,
    toolTps: UNPACED_TOOL_TPS,
    toolOrganizationsTps: UNPACED_TOOL_TPS,
  };
  ctx.log('plan cost: phases (load, read, compute) in one process');
  const profiled = await runNode(PLAN_PROFILE_SCRIPT, [dir], target);
  if (profiled.exitCode !== 0) return { error: profiled.stderr.trim().split('\n').slice(-5).join('\n') };
  const phases = JSON.parse(profiled.stdout) as PlanProfile;
  ctx.log(
    `plan cost: compute ${phases.compute.cpuSeconds.toFixed(2)} s CPU, peak RSS ${phases.compute.peakRssMiB.toFixed(0)} MiB; now the CLI`,
  );
  ctx.sandbox.resetStats();
  const run = await runCli(['plan', '--dir', dir], target);
  return {
    phases,
    cli: {
      wallSeconds: Number(run.wallSeconds.toFixed(2)),
      ...(run.usage ? { peakRssMiB: Number(run.usage.maxRssMiB.toFixed(1)), cpuSeconds: Number(run.usage.cpuSeconds.toFixed(2)) } : {}),
      calls: ctx.sandbox.stats().totalCalls,
      exitCode: run.exitCode,
    },
  };
}
