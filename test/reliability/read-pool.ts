// Sandboxes for the suites that need a populated instance but no change set: each one
// holds the migration fixture (test/fixtures/org-a: OUs, account tags, both boundary
// forms, customer managed policies) seeded by the tool into the e2e organization layout.
// A small pool lets independent tests run side by side, each with a sandbox of its own
// (faults and stats are per sandbox).
import { buildOrganization } from '../helpers/org.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';
import { ORG_LAYOUT } from '../e2e/backends.js';
import type { SecretScan } from './secret-scan.js';
import { runTool, toolEnv } from './tool.js';

export const FIXTURE_DIR = 'test/fixtures/org-a';
export const FIXTURE_MANAGEMENT = '330000000001';

export interface SeededSandbox {
  sandbox: TestSandbox;
  env: Record<string, string>;
  /** member account name → id */
  accountIds: Map<string, string>;
}

/** A new sandbox holding the e2e organization layout, with `dir` (default: the fixture) applied by the tool. */
export async function seededFixtureSandbox(
  scan: SecretScan,
  extraEnv: Record<string, string> = {},
  dir = FIXTURE_DIR,
): Promise<SeededSandbox> {
  const sandbox = await startTestSandbox({ asyncMs: 0 });
  const built = await buildOrganization(sandbox.clientConfig(FIXTURE_MANAGEMENT, 8), FIXTURE_MANAGEMENT, ORG_LAYOUT);
  const env = toolEnv(sandbox.endpoint, FIXTURE_MANAGEMENT, extraEnv);
  const seed = await runTool(scan, ['reconcile', '--dir', dir, '--yes'], env);
  if (seed.code !== 0) throw new Error(`seeding ${dir} failed (exit ${seed.code}):\n${seed.stdout}\n${seed.stderr}`);
  return { sandbox, env, accountIds: built.accountIds };
}

/** Hands out `size` seeded sandboxes, one test at a time each. */
export class SandboxPool {
  private readonly idle: SeededSandbox[] = [];
  private readonly waiting: ((s: SeededSandbox) => void)[] = [];
  private all: SeededSandbox[] = [];

  async start(size: number, scan: SecretScan, extraEnv: Record<string, string> = {}): Promise<void> {
    this.all = await Promise.all(Array.from({ length: size }, () => seededFixtureSandbox(scan, extraEnv)));
    this.idle.push(...this.all);
  }

  async use<T>(fn: (s: SeededSandbox) => Promise<T>): Promise<T> {
    const s = this.idle.pop() ?? (await new Promise<SeededSandbox>((resolve) => this.waiting.push(resolve)));
    try {
      return await fn(s);
    } finally {
      const next = this.waiting.shift();
      if (next) next(s);
      else this.idle.push(s);
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.all.map((s) => s.sandbox.stop()));
  }
}
