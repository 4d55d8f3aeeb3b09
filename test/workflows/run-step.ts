// Runs one `run:` step of action.yml the way the runner does (`shell: bash` is
// `bash --noprofile --norc -eo pipefail`), with a stand-in `sso-gitops` on PATH, so the
// tests pin what the action's scripts do with each exit code the CLI can return.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Step } from './workflow-files.js';

/** What the stand-in CLI does: its exit code, stdout, stderr, and the plan file it writes for `--out`. */
export interface FakeCli {
  code: number;
  stdout?: string;
  stderr?: string;
  planJson?: unknown;
}

export interface StepRun {
  status: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** The arguments the stand-in CLI was called with, one call per line. */
  calls: string[];
  /** Reads a file the step wrote (e.g. the path of an output). */
  read(path: string): string;
}

// Records its arguments, writes FAKE_PLAN_JSON to the file after --out, prints and exits.
const FAKE_CLI = `#!/usr/bin/env bash
echo "$*" >> "$FAKE_CALLS"
prev=""
for arg in "$@"; do
  if [ "$prev" = "--out" ] && [ -n "$FAKE_PLAN_JSON" ]; then printf '%s' "$FAKE_PLAN_JSON" > "$arg"; fi
  prev="$arg"
done
printf '%s' "$FAKE_STDOUT"
printf '%s' "$FAKE_STDERR" >&2
exit "$FAKE_CODE"
`;

export interface StepEnvironment {
  /** The runner's temp directory; GITHUB_OUTPUT etc. live in fresh files inside it. */
  runnerTemp: string;
  cwd?: string;
  env: Record<string, string>;
}

type ScriptRun = Omit<StepRun, 'calls' | 'read'> & { path: string[] };
type ScriptFiles = { output: string; summary: string; path: string };

function prepare(step: Step, runnerTemp: string): { script: string; files: ScriptFiles } {
  if (step.run === undefined) throw new Error(`step ${step.name ?? ''} has no run: script`);
  const files = { output: join(runnerTemp, 'step-output'), summary: join(runnerTemp, 'step-summary'), path: join(runnerTemp, 'step-path') };
  for (const f of Object.values(files)) writeFileSync(f, '');
  return { script: step.run, files };
}

const BASH = (script: string) => ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script];
const runnerEnv = (runnerTemp: string, files: ScriptFiles, env: Record<string, string>) => ({
  RUNNER_TEMP: runnerTemp,
  GITHUB_OUTPUT: files.output,
  GITHUB_STEP_SUMMARY: files.summary,
  GITHUB_PATH: files.path,
  ...env,
});

/** Runs a step's script as the runner would and returns its result and outputs. */
export function runScript(step: Step, { runnerTemp, cwd, env }: StepEnvironment): ScriptRun {
  const { script, files } = prepare(step, runnerTemp);
  const result = spawnSync('bash', BASH(script), { encoding: 'utf8', cwd, env: runnerEnv(runnerTemp, files, env) });
  return collect(result.status ?? -1, result.stdout, result.stderr, files);
}

/**
 * runScript without blocking the event loop: for scripts that call a server running in
 * the test's own process (the sandbox), which spawnSync would starve.
 */
export async function runScriptAsync(step: Step, { runnerTemp, cwd, env }: StepEnvironment): Promise<ScriptRun> {
  const { script, files } = prepare(step, runnerTemp);
  const child = spawn('bash', BASH(script), { cwd, env: runnerEnv(runnerTemp, files, env) });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const status = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? -1));
  });
  return collect(status, stdout, stderr, files);
}

function collect(status: number, stdout: string, stderr: string, files: ScriptFiles): ScriptRun {
  const outputs = Object.fromEntries(
    readFileSync(files.output, 'utf8')
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return {
    status,
    stdout,
    stderr,
    outputs,
    summary: readFileSync(files.summary, 'utf8'),
    path: readFileSync(files.path, 'utf8')
      .split('\n')
      .filter((l) => l !== ''),
  };
}

/** Runs one step with the stand-in CLI of `cli` on PATH. */
export function runStep(step: Step, env: Record<string, string>, cli: FakeCli = { code: 0 }): StepRun {
  const dir = mkdtempSync(join(tmpdir(), 'sso-gitops-action-'));
  try {
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'sso-gitops'), FAKE_CLI);
    chmodSync(join(bin, 'sso-gitops'), 0o755);
    const calls = join(dir, 'calls');
    writeFileSync(calls, '');
    const run = runScript(step, {
      runnerTemp: dir,
      env: {
        PATH: `${bin}:${process.env.PATH ?? ''}`,
        FAKE_CALLS: calls,
        FAKE_CODE: String(cli.code),
        FAKE_STDOUT: cli.stdout ?? '',
        FAKE_STDERR: cli.stderr ?? '',
        FAKE_PLAN_JSON: cli.planJson === undefined ? '' : JSON.stringify(cli.planJson),
        ...env,
      },
    });
    const written = new Map<string, string>();
    for (const path of Object.values(run.outputs))
      if (path.startsWith(dir) && existsSync(path)) written.set(path, readFileSync(path, 'utf8'));
    return {
      status: run.status,
      stdout: run.stdout,
      stderr: run.stderr,
      outputs: run.outputs,
      summary: run.summary,
      calls: readFileSync(calls, 'utf8')
        .split('\n')
        .filter((l) => l !== ''),
      read(path) {
        const text = written.get(path);
        if (text === undefined) throw new Error(`the step wrote no file ${path}`);
        return text;
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
