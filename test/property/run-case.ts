// One property case, end to end: a fresh backend with the seeded organization, the
// initial state written as files and applied with the REAL CLI (`reconcile --yes`, the
// built binary), then each edit the same way. After every apply: `plan
// --detailed-exitcode` must exit 0, and the independent SDK read must equal the files.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliResult } from '../helpers/cli.js';
import { buildOrganization } from '../helpers/org.js';
import type { PropertyBackend } from './backends.js';
import { applyEdit, type Edit } from './edits.js';
import { IndependentReader } from './live-reader.js';
import type { SpecState } from './model.js';
import { MANAGEMENT_ACCOUNT, placedAccounts, PROPERTY_ACCOUNTS } from './organization.js';
import { describeDifferences, EMPTY_SNAPSHOT, expectedSnapshot, needsAllowDeletes, type Snapshot } from './snapshot.js';
import { writeStateFiles } from './state-files.js';

/** The last lines of a run's output: enough to see the error without pages of progress. */
function tail(run: CliResult, lines = 40): string {
  const text = `${run.stdout}\n${run.stderr}`.trim().split('\n');
  return text
    .slice(-lines)
    .map((l) => `    | ${l}`)
    .join('\n');
}

class StepFailure extends Error {}

export async function runCase(target: PropertyBackend, initial: SpecState, edits: readonly Edit[]): Promise<void> {
  const backend = await target.start();
  const work = await mkdtemp(join(tmpdir(), `sso-gitops-property-${target.caps.name}-`));
  const dir = join(work, 'identity');
  let reader: IndependentReader | undefined;
  try {
    const org = await buildOrganization(backend.sdkConfig(MANAGEMENT_ACCOUNT), MANAGEMENT_ACCOUNT, [...PROPERTY_ACCOUNTS]);
    const accounts = placedAccounts(org.accountIds);
    const env = await backend.cliEnv(MANAGEMENT_ACCOUNT);
    const scope = { tags: target.caps.permissionSetTags, permissionsBoundary: target.caps.permissionsBoundary };
    reader = new IndependentReader(backend.sdkConfig(MANAGEMENT_ACCOUNT), accounts, scope);
    const liveReader = reader;
    const history: string[] = [];
    let before: Snapshot = EMPTY_SNAPSHOT;
    let groupIds: Record<string, string> = {};

    /** An edit the tool must refuse: reconcile exits 1 naming why, and nothing is written. */
    const refusedStep = async (label: string, state: SpecState, mention: string) => {
      history.push(`${label} (must be refused)`);
      if (process.env.SSO_GITOPS_FUZZ_VERBOSE === '1') process.stderr.write(`[${target.caps.name}] ${history.length}. ${history.at(-1)}\n`);
      const fail = (what: string) =>
        new StepFailure(
          `[${target.caps.name}] step ${history.length} failed: ${what}\nsteps:\n${history.map((h, i) => `  ${i + 1}. ${h}`).join('\n')}`,
        );
      await writeStateFiles(dir, state, org.accountIds);
      const run = await runCli(['reconcile', '--dir', dir, '--yes', '--allow-deletes'], { env });
      if (run.code !== 1 || !run.stderr.includes(mention))
        throw fail(`reconcile should refuse naming ${mention} (exit 1), got exit ${run.code}:\n${tail(run)}`);
      const live = await liveReader.read();
      const differences = describeDifferences(before, live.snapshot);
      if (differences.length > 0)
        throw fail(`the refused reconcile changed the live state:\n${differences.map((d) => `    ${d}`).join('\n')}`);
    };

    const step = async (label: string, state: SpecState, keptGroup?: { from: string; to: string }) => {
      history.push(label);
      if (process.env.SSO_GITOPS_FUZZ_VERBOSE === '1') process.stderr.write(`[${target.caps.name}] ${history.length}. ${label}\n`);
      const fail = (what: string) =>
        new StepFailure(
          `[${target.caps.name}] step ${history.length} failed: ${what}\nsteps:\n${history.map((h, i) => `  ${i + 1}. ${h}`).join('\n')}`,
        );
      await writeStateFiles(dir, state, org.accountIds);
      const expected = expectedSnapshot(state, accounts, scope);
      const allowDeletes = needsAllowDeletes(before, expected, state.maxDeletePercent);
      const args = ['reconcile', '--dir', dir, '--yes', ...(allowDeletes ? ['--allow-deletes'] : [])];
      const applied = await runCli(args, { env });
      if (applied.code !== 0) throw fail(`\`${args.join(' ')}\` exited ${applied.code}:\n${tail(applied)}`);

      const problems: string[] = [];
      const plan = await runCli(['plan', '--dir', dir, '--detailed-exitcode'], { env });
      if (plan.code !== 0)
        problems.push(`\`plan --detailed-exitcode\` after the apply exited ${plan.code} (0 = no changes):\n${tail(plan)}`);
      const live = await liveReader.read();
      const differences = describeDifferences(expected, live.snapshot);
      if (differences.length > 0)
        problems.push(`the independent read differs from the files:\n${differences.map((d) => `    ${d}`).join('\n')}`);
      if (keptGroup && live.groupIds[keptGroup.to] !== groupIds[keptGroup.from]) {
        problems.push(
          `group "${keptGroup.from}" renamed with previousNames got a new id (${groupIds[keptGroup.from]} → ${live.groupIds[keptGroup.to]})`,
        );
      }
      if (problems.length > 0) throw fail(problems.join('\n'));
      before = expected;
      groupIds = live.groupIds;
    };

    await step('apply the initial state', initial);
    let state = initial;
    for (const edit of edits) {
      const applied = applyEdit(state, edit);
      if (!applied) continue;
      if (applied.refusedWith !== undefined) {
        await refusedStep(applied.label, applied.state, applied.refusedWith);
        continue;
      }
      const kept = edit.kind === 'renameGroup' && edit.withPreviousNames ? renamedGroup(state, applied.state) : undefined;
      await step(applied.label, applied.state, kept);
      state = applied.state;
    }
  } finally {
    reader?.close();
    await backend.stop();
    await rm(work, { recursive: true, force: true });
  }
}

/** The group whose name changed between two states (a rename keeps its position). */
function renamedGroup(before: SpecState, after: SpecState): { from: string; to: string } | undefined {
  for (const [i, g] of before.groups.entries()) {
    const now = after.groups[i];
    if (now && now.name !== g.name) return { from: g.name, to: now.name };
  }
  return undefined;
}
