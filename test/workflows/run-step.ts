// Runs one `run:` step of action.yml the way the runner does (`shell: bash` is
// `bash --noprofile --norc -eo pipefail`), with a stand-in `sso-gitops` on PATH, so the
// tests pin what the action's scripts do with each exit code the CLI can return.
import { spawnSync } from 'node:child_process';
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

export function runStep(step: Step, env: Record<string, string>, cli: FakeCli = { code: 0 }): StepRun {
  if (step.run === undefined) throw new Error(`step ${step.name ?? ''} has no run: script`);
  const dir = mkdtempSync(join(tmpdir(), 'sso-gitops-action-'));
  try {
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'sso-gitops'), FAKE_CLI);
    chmodSync(join(bin, 'sso-gitops'), 0o755);
    const files = { output: join(dir, 'output'), summary: join(dir, 'summary'), calls: join(dir, 'calls') };
    for (const f of Object.values(files)) writeFileSync(f, '');
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], {
      encoding: 'utf8',
      env: {
        PATH: `${bin}:${process.env.PATH ?? ''}`,
        RUNNER_TEMP: dir,
        GITHUB_OUTPUT: files.output,
        GITHUB_STEP_SUMMARY: files.summary,
        FAKE_CALLS: files.calls,
        FAKE_CODE: String(cli.code),
        FAKE_STDOUT: cli.stdout ?? '',
        FAKE_STDERR: cli.stderr ?? '',
        FAKE_PLAN_JSON: cli.planJson === undefined ? '' : JSON.stringify(cli.planJson),
        ...env,
      },
    });
    const outputs = Object.fromEntries(
      readFileSync(files.output, 'utf8')
        .split('\n')
        .filter((l) => l.includes('='))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    const written = new Map<string, string>();
    for (const path of Object.values(outputs)) if (path.startsWith(dir) && existsSync(path)) written.set(path, readFileSync(path, 'utf8'));
    return {
      status: result.status ?? -1,
      stdout: result.stdout,
      stderr: result.stderr,
      outputs,
      summary: readFileSync(files.summary, 'utf8'),
      calls: readFileSync(files.calls, 'utf8').split('\n').filter((l) => l !== ''),
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
