// `plan-scoped` (issue 15): what a pull request's plan costs with --changed-since against the
// full plan of the same organization. `node dist/test/bench/plan-scoped.js [--shape S|M|L] [--save]`
// after `npm run build && npm run build:bench`.
//
// The organization of the shape is seeded into an in-process sandbox, its state files (with
// the accounts.yaml pins that extract writes) are committed to a scratch git repository, and for each one-entry change (one assignment, one
// membership, one permission set policy) the CLI plans with --changed-since HEAD: once with
// no permission set name cache (cold: the sets are listed and described once) and once after
// a full plan refreshed it (warm: what a workflow with the action's cache pays). Calls are
// the sandbox's own count of every request the CLI made; the sandbox runs unthrottled here
// (the counts do not depend on the rate), and "seconds at 20/s" is calls ÷ 20, the time
// Identity Center's default rate needs for them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { describeMachine, type Machine } from './document.js';
import { generateOrganization } from './generate.js';
import { runCli } from './measure.js';
import type { SyntheticOrg } from './org.js';
import { FAST, SOURCE_MANAGEMENT_ACCOUNT } from './scenarios.js';
import { seedOrganization } from './seed.js';
import { isShapeName, SHAPES, type ShapeName } from './shapes.js';
import { writeStateDirectory } from './state-files.js';
import { withChangedPolicy } from './variants.js';

const RATE = 20;
const TOOL_TPS = 100_000;

interface ChangeResult {
  change: string;
  /** calls of the scoped plan without, and with, the permission set name cache */
  coldCalls: number;
  warmCalls: number;
  /** warm calls ÷ the full plan's calls */
  warmShare: number;
  changesPlanned: number;
  callsByOperation: Record<string, number>;
}

interface PlanScopedDocument {
  shape: ShapeName;
  machine: Machine;
  fullPlanCalls: number;
  fullPlanSecondsAt20: number;
  changes: ChangeResult[];
  startedAt: string;
}

/** The three one-entry changes, each a function of the organization. */
const CHANGES: Record<string, (org: SyntheticOrg) => SyntheticOrg> = {
  'one assignment': (org) => {
    const taken = new Set(org.assignments.map((a) => `${a.permissionSet}|${a.principal}|${a.account}`));
    const group = org.groups[0]?.name ?? '';
    const set = org.permissionSets.find((s) => org.accounts.some((a) => !taken.has(`${s.name}|${group}|${a.name}`)));
    const account = org.accounts.find((a) => !taken.has(`${set?.name}|${group}|${a.name}`));
    if (!set || !account) throw new Error('no free assignment to add');
    return {
      ...org,
      assignments: [...org.assignments, { permissionSet: set.name, principalType: 'GROUP', principal: group, account: account.name }],
    };
  },
  'one membership': (org) => {
    const [first, ...rest] = org.groups;
    if (!first) throw new Error('no group');
    const user = org.users.find((u) => !first.members.includes(u.userName));
    if (!user) throw new Error('every user is in the first group');
    return { ...org, groups: [{ ...first, members: [...first.members, user.userName].sort() }, ...rest] };
  },
  'one policy': withChangedPolicy,
};

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', ...args], { cwd, stdio: 'pipe' });
}

async function counted(sandbox: SandboxHandle, args: string[]) {
  sandbox.resetStats();
  const run = await runCli(args, {
    endpoint: sandbox.endpoint,
    accountId: SOURCE_MANAGEMENT_ACCOUNT,
    toolTps: TOOL_TPS,
    toolOrganizationsTps: TOOL_TPS,
  });
  if (run.exitCode !== 0) throw new Error(`sso-gitops ${args.join(' ')} exited ${run.exitCode}:\n${run.stderr.slice(-2000)}`);
  const stats = sandbox.stats();
  return { run, calls: stats.totalCalls, byOperation: stats.calls };
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { shape: { type: 'string', default: 'S' }, save: { type: 'boolean' } } });
  const shape = values.shape ?? 'S';
  if (!isShapeName(shape)) throw new Error(`--shape must be S, M or L, not "${shape}"`);
  const startedAt = new Date();
  const org = generateOrganization(SHAPES[shape]);
  const work = mkdtempSync(join(tmpdir(), `sso-gitops-bench-scoped-${shape}-`));
  // The CLI's HOME is tmpdir() (measure.ts), and with it the permission set name cache:
  // other benchmarks running at the same time would fill the shared one between the
  // removal and the cold run. A private tmpdir() for this process and the CLIs it starts.
  process.env.TMPDIR = work;
  const cacheDir = join(tmpdir(), '.cache', 'sso-gitops');
  const sandbox = await startSandbox({ ...FAST, randomSeed: 1 });
  try {
    const log = (m: string) => process.stderr.write(`[plan-scoped ${shape}] ${m}\n`);
    log(`seeding ${org.accounts.length} accounts, ${org.users.length} users, ${org.assignments.length} assignments`);
    const seeded = await seedOrganization(sandbox.endpoint, SOURCE_MANAGEMENT_ACCOUNT, org);
    const dir = join(work, 'identity');
    // extract writes every account's pin: a change naming accounts by name describes them
    const pins = ['accounts:', ...[...seeded.accountIds].map(([name, id]) => `  ${JSON.stringify(name)}: ${JSON.stringify(id)}`), ''];
    const writeState = (o: SyntheticOrg) => {
      writeStateDirectory(dir, o);
      writeFileSync(join(dir, 'accounts.yaml'), pins.join('\n'));
    };
    writeState(org);
    git(work, 'init', '-q');
    git(work, 'add', '.');
    git(work, 'commit', '-qm', 'base');
    const full = await counted(sandbox, ['plan', '--dir', dir]);
    log(`full plan: ${full.calls} calls`);
    const changes: ChangeResult[] = [];
    for (const [name, edit] of Object.entries(CHANGES)) {
      writeState(edit(org));
      rmSync(cacheDir, { recursive: true, force: true });
      const args = ['plan', '--dir', dir, '--changed-since', 'HEAD', '--format', 'json'];
      const cold = await counted(sandbox, args);
      await counted(sandbox, ['plan', '--dir', dir]); // a full plan (the nightly drift check) refreshes the cache
      const warm = await counted(sandbox, args);
      const plan = JSON.parse(warm.run.stdout) as { changes: unknown[] };
      changes.push({
        change: name,
        coldCalls: cold.calls,
        warmCalls: warm.calls,
        warmShare: Number((warm.calls / full.calls).toFixed(4)),
        changesPlanned: plan.changes.length,
        callsByOperation: warm.byOperation,
      });
      log(
        `${name}: ${cold.calls} calls cold, ${warm.calls} warm (${((warm.calls / full.calls) * 100).toFixed(2)}% of the full plan), ${plan.changes.length} changes`,
      );
      writeState(org);
    }
    const doc: PlanScopedDocument = {
      shape,
      machine: describeMachine(),
      fullPlanCalls: full.calls,
      fullPlanSecondsAt20: Number((full.calls / RATE).toFixed(1)),
      changes,
      startedAt: startedAt.toISOString(),
    };
    const text = `${JSON.stringify(doc, null, 2)}\n`;
    if (values.save) writeFileSync(resolve(process.cwd(), 'bench', `plan-scoped-${shape}.json`), text);
    process.stdout.write(text);
  } finally {
    await sandbox.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`plan-scoped: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
