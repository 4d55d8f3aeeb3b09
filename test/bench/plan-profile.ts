// Child-process script: runs the phases of `plan` one after another and reports the CPU
// time and wall time of each, and the peak RSS after each, as one JSON line on stdout.
// This separates the plan computation (load + resolve + diff + render) from the API time
// (reading the live state), which the CLI as a whole cannot show.
//   npm run build:bench && node dist/test/bench/plan-profile.js <state-dir>   (AWS_* env points at the sandbox)
import { openAwsContext } from '../../src/aws/context.js';
import { liveReadOptionsFromEnv, readLiveState } from '../../src/aws/read-live.js';
import { makeReadOnly } from '../../src/aws/read-only.js';
import { loadState } from '../../src/load/load.js';
import { buildPlan } from '../../src/plan/build.js';
import { renderText } from '../../src/render/text.js';
import { phase, type PhaseUsage } from './phase.js';

export interface PlanProfile {
  load: PhaseUsage;
  readLive: PhaseUsage;
  compute: PhaseUsage;
  changes: number;
}

async function main(dir: string): Promise<PlanProfile> {
  const [loaded, load] = await phase(() => loadState(dir));
  if (!loaded.state) throw new Error(`state files in ${dir} did not load: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
  const desired = loaded.state;
  const ctx = await openAwsContext({});
  try {
    makeReadOnly(ctx.clients);
    const [live, readLive] = await phase(() => readLiveState(ctx, liveReadOptionsFromEnv()));
    const [changes, compute] = await phase(() => {
      const { plan, diagnostics } = buildPlan(desired, live, { allowDeletes: false });
      if (!plan) throw new Error(`no plan: ${diagnostics.map((d) => d.message).join('; ')}`);
      renderText(plan, { color: false });
      return plan.changes.length;
    });
    return { load, readLive, compute, changes };
  } finally {
    ctx.close();
  }
}

const dir = process.argv[2];
if (dir === undefined) {
  process.stderr.write('usage: plan-profile.js <state-dir>\n');
  process.exitCode = 1;
} else {
  main(dir).then(
    (profile) => process.stdout.write(`${JSON.stringify(profile)}\n`),
    (err: unknown) => {
      process.stderr.write(`plan-profile: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
