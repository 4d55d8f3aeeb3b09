// The published package: what `npm pack` puts in it, and that the packed tarball installed
// into an empty project runs `--version`, `validate` and `sandbox` from there.
// Packs dist/ as built (npm test builds first).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH, REPO_ROOT, hermeticEnv } from '../helpers/cli.js';
import { installOffline, pack, readPackageJson, type Packed } from './packed.js';

const pkg = readPackageJson(REPO_ROOT);
const BIN = pkg.bin['sso-gitops'] ?? '';
const work = mkdtempSync(join(tmpdir(), 'sso-gitops-pack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Paths that belong to tests, test support or source maps (whose sources do not ship). */
function notShipped(files: string[]): string[] {
  return files.filter(
    (f) =>
      f.startsWith('test/') ||
      f.startsWith('dist/test/') ||
      f.startsWith('src/') ||
      f.includes('/testing/') ||
      /\.test\.js$|\.map$/.test(f),
  );
}

describe('package.json "files"', () => {
  it('keeps out of the package what a benchmark build or an old build leaves in dist/', () => {
    // A copy of the package manifest over a dist/ holding every kind of file that must not ship.
    const dir = join(work, 'rules');
    const planted = [
      BIN,
      'dist/src/plan/build.js',
      'dist/schema/identity.schema.json',
      'dist/src/plan/build.test.js',
      'dist/src/plan/build.js.map',
      'dist/src/testing/builders.js',
      'dist/test/bench/run.js',
      'dist/test/helpers/cli.js',
      'test/helpers/cli.ts',
      'src/cli/main.ts',
      'schema/identity.schema.json',
      'README.md',
    ];
    for (const path of planted) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), '');
    }
    cpSync(join(REPO_ROOT, 'package.json'), join(dir, 'package.json'));

    const { files } = pack(dir, work, { dryRun: true });

    expect(files).toEqual(
      [
        BIN,
        'dist/src/plan/build.js',
        'dist/schema/identity.schema.json',
        'schema/identity.schema.json',
        'README.md',
        'package.json',
      ].sort(),
    );
  });
});

describe('the packed tarball', () => {
  let packed: Packed;
  const app = join(work, 'app');

  beforeAll(() => {
    expect(existsSync(CLI_PATH), `${CLI_PATH} is missing: run npm run build`).toBe(true);
    packed = pack(REPO_ROOT, work);
    installOffline(REPO_ROOT, packed.tarball, app);
  }, 60_000);

  it('holds the CLI, both schemas, the README and the LICENSE, and nothing from the tests', () => {
    expect(notShipped(packed.files)).toEqual([]);
    expect(packed.files).toEqual(
      expect.arrayContaining([
        BIN,
        'dist/schema/identity.schema.json',
        'schema/identity.schema.json',
        'schema/plan.schema.json',
        'README.md',
        'package.json',
      ]),
    );
    expect(packed.files).toContain('LICENSE');
  });

  const installedBin = (): string => join(app, 'node_modules', '.bin', 'sso-gitops');

  it('installed into an empty project, prints the version of package.json', () => {
    const run = spawnSync(installedBin(), ['--version'], { cwd: app, env: hermeticEnv(), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`${pkg.version}\n`);
    expect(run.status).toBe(0);
  });

  it('installed into an empty project, validates a copy of identity/', () => {
    cpSync(join(REPO_ROOT, 'identity'), join(app, 'identity'), { recursive: true });
    const run = spawnSync(installedBin(), ['validate', '--dir', 'identity'], { cwd: app, env: hermeticEnv(), encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^identity: valid, /);
    expect(run.status).toBe(0);
  });

  it('installed into an empty project, serves the sandbox on the port it prints until stopped by its pid', async () => {
    const child = spawn(installedBin(), ['sandbox', '--port', '0'], { cwd: app, env: hermeticEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const endpoint = await new Promise<string>((resolve, reject) => {
        let out = '';
        let err = '';
        child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString('utf8');
          const match = /^AWS_ENDPOINT_URL=(http:\/\/127\.0\.0\.1:\d+)$/m.exec(out);
          if (match?.[1]) resolve(match[1]);
        });
        void exited.then((code) => reject(new Error(`sandbox exited (${code}) before it was ready: ${err}`)));
      });
      const health = await fetch(`${endpoint}/_sandbox/health`);
      expect(await health.json()).toEqual({ status: 'ok' });
    } finally {
      if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, 'SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
