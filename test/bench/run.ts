// `npm run bench -- [--shape S|M|L] [--json] [--only cmd,cmd] [--plan-cost-only] [--save]`
// (default S; S runs every command but migrate, M all six; --only picks commands)
// `--only access-engine` measures the access engine alone (no sandbox; access-cost.ts).
//
// Generates the organization of the shape, seeds it into an in-process sandbox, measures
// each command with the sandbox configured like AWS, and prints the results: with --json
// one JSON document on stdout (progress always goes to stderr), otherwise a markdown table.
// --save writes bench/results-<shape>.json and regenerates bench/README.md and the chart
// from every results file present. L defaults to --plan-cost-only (a full L run needs hours
// of API time at 20 requests per second).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startSandbox } from '../../src/sandbox/server.js';
import { ACCESS_ENGINE_TARGET, measureAccessEngine, saveAccessEngine } from './access-cost.js';
import { commandBounds } from './command-bounds.js';
import { describeMachine, organizationSize, type BenchDocument } from './document.js';
import { generateOrganization } from './generate.js';
import type { BenchSettings } from './lower-bound.js';
import { measurePlanCost } from './plan-cost.js';
import { renderShapeTable, rewriteReadme, saveDocument } from './report.js';
import type { CommandName, CommandResult } from './result.js';
import { FAST, SCENARIOS, SOURCE_MANAGEMENT_ACCOUNT, type BenchContext } from './scenarios.js';
import { seedOrganization } from './seed.js';
import { isShapeName, SHAPES, type ShapeName } from './shapes.js';
import { writeStateDirectory } from './state-files.js';

/** AWS's documented limits (IAM Identity Center user guide, "Quotas") and a typical per-call latency. */
export const AWS_LIKE: BenchSettings = { tps: 20, organizationsTps: 10, latencyMs: 45, asyncMs: 1000, maxOutstanding: 10 };

const COMMAND_ORDER = Object.keys(SCENARIOS) as CommandName[];
/** The issue measures the full migration on M; on S it would add 90 s to a run that must stay under two minutes. */
const DEFAULT_COMMANDS: Record<ShapeName, CommandName[]> = { S: COMMAND_ORDER.filter((c) => c !== 'migrate'), M: COMMAND_ORDER, L: [] };

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

function parseCommandLine(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      shape: { type: 'string', default: 'S' },
      json: { type: 'boolean', default: false },
      only: { type: 'string' },
      'plan-cost-only': { type: 'boolean' },
      save: { type: 'boolean', default: false },
    },
  });
  const shape = values.shape ?? 'S';
  if (!isShapeName(shape)) throw new Error(`--shape must be S, M or L, not "${shape}"`);
  const picked = values.only?.split(',').map((s) => s.trim());
  const accessEngine = picked?.includes(ACCESS_ENGINE) ?? false;
  const only = picked?.filter((c) => c !== ACCESS_ENGINE) ?? DEFAULT_COMMANDS[shape];
  const unknown = only.filter((c) => !(COMMAND_ORDER as string[]).includes(c));
  if (unknown.length > 0)
    throw new Error(`--only: unknown command(s) ${unknown.join(', ')}; known: ${[...COMMAND_ORDER, ACCESS_ENGINE].join(', ')}`);
  const planCostOnly = values['plan-cost-only'] ?? shape === 'L';
  return {
    shape,
    json: values.json ?? false,
    only: COMMAND_ORDER.filter((c) => only.includes(c)),
    planCostOnly,
    save: values.save ?? false,
    accessEngine,
    /** `--only access-engine` and nothing else: the sandbox is not even started. */
    accessEngineOnly: accessEngine && only.length === 0,
  };
}

const ACCESS_ENGINE = 'access-engine';

/** The access engine case: measured, saved with --save (its own file and README section), printed. */
async function runAccessEngine(shape: ShapeName, save: boolean, json: boolean): Promise<void> {
  log(`access-engine: shape ${shape}`);
  const doc = await measureAccessEngine(shape);
  const { engine, rows } = doc.profile;
  const within = engine.cpuSeconds < ACCESS_ENGINE_TARGET.cpuSeconds && engine.peakRssMiB < ACCESS_ENGINE_TARGET.peakRssMiB;
  log(
    `access-engine: ${rows} rows, ${engine.cpuSeconds.toFixed(2)} s CPU, peak RSS ${engine.peakRssMiB.toFixed(0)} MiB (${within ? 'within' : 'OVER'} the target)`,
  );
  if (save) {
    const dir = resolve(process.cwd(), 'bench');
    log(`wrote ${[saveAccessEngine(dir, doc), ...rewriteReadme(dir)].join(', ')}`);
  }
  if (json) process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
}

async function main(argv: string[]): Promise<void> {
  const options = parseCommandLine(argv);
  if (options.accessEngine) await runAccessEngine(options.shape, options.save, options.json && options.accessEngineOnly);
  if (options.accessEngineOnly) return;
  const startedAt = new Date();
  const org = generateOrganization(SHAPES[options.shape]);
  const settings = AWS_LIKE;
  const bounds = commandBounds(org, settings);
  const workDir = mkdtempSync(join(tmpdir(), `sso-gitops-bench-${options.shape}-`));
  const sandbox = await startSandbox({ ...FAST, randomSeed: 1 });
  const results: CommandResult[] = [];
  let planCost: BenchDocument['planCost'];
  const document = (final: boolean): BenchDocument => ({
    shape: options.shape,
    machine: describeMachine(),
    settings,
    organization: organizationSize(org),
    results,
    bounds: COMMAND_ORDER.map((command) => ({
      command,
      lowerBoundCalls: bounds[command].calls,
      rateBoundSeconds: Number(bounds[command].rateBoundSeconds.toFixed(2)),
      naiveCalls: bounds[command].naiveCalls,
    })),
    ...(planCost ? { planCost } : {}),
    ...(options.planCostOnly
      ? { note: 'plan cost only (phases and the plan command, sandbox unthrottled); the AWS-limited commands were not run for this shape' }
      : final
        ? {}
        : { note: `partial: ${results.length} of ${options.only.length} commands finished so far` }),
    startedAt: startedAt.toISOString(),
    durationSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
  });
  // with --save, every finished command is written at once: a long run that is stopped keeps what it measured
  const save = (final: boolean) => {
    if (options.save) log(`wrote ${saveDocument(resolve(process.cwd(), 'bench'), document(final)).join(', ')}`);
  };
  try {
    log(
      `shape ${options.shape}: seeding ${org.accounts.length} accounts, ${org.users.length} users, ${org.groups.length} groups, ${org.permissionSets.length} permission sets, ${org.assignments.length} assignments`,
    );
    const seeded = await seedOrganization(sandbox.endpoint, SOURCE_MANAGEMENT_ACCOUNT, org);
    log(`seeded (${sandbox.stats().totalCalls} calls)`);
    const ctx: BenchContext = { sandbox, settings, org, bounds, seeded, workDir, log };
    const baseDir = join(workDir, 'base');
    writeStateDirectory(baseDir, org);
    planCost = await measurePlanCost(ctx, baseDir);
    if (!options.planCostOnly) {
      for (const command of options.only) {
        results.push(await SCENARIOS[command](ctx));
        if (results.length < options.only.length) save(false);
      }
    }
  } finally {
    await sandbox.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
  save(true);
  const final = document(true);
  process.stdout.write(options.json ? `${JSON.stringify(final, null, 2)}\n` : `${renderShapeTable(final)}\n`);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
