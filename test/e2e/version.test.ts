// `--version` of the built CLI is the version of the package it belongs to: the one in
// this repository's package.json when run from dist/, and the installed package's when
// run from node_modules/sso-gitops (simulated by copying the built files under a
// package.json of another version).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_PATH, REPO_ROOT, runCli } from '../helpers/cli.js';

const own = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
const scratch = mkdtempSync(join(tmpdir(), 'sso-gitops-version-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('sso-gitops --version', () => {
  it("prints this repository's package.json version from dist/", async () => {
    const r = await runCli(['--version']);
    expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: 0, stdout: `${own.version}\n`, stderr: '' });
  });

  it("prints the installed package's version from node_modules/sso-gitops, not a constant", () => {
    const installed = join(scratch, 'node_modules', 'sso-gitops');
    // the built tree the CLI lives in (dist/src), at the same place inside the package
    const built = dirname(dirname(CLI_PATH));
    cpSync(built, join(installed, relative(REPO_ROOT, built)), { recursive: true });
    writeFileSync(join(installed, 'package.json'), JSON.stringify({ name: 'sso-gitops', version: '97.3.1-rc.2', type: 'module' }));
    // a package.json of the user's own repository above it must not be taken for the tool's
    writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'acme-identity', version: '5.0.0' }));
    const main = join(installed, relative(REPO_ROOT, CLI_PATH));
    const r = spawnSync(process.execPath, [main, '--version'], { cwd: scratch, encoding: 'utf8' });
    expect({ code: r.status, stdout: r.stdout }).toEqual({ code: 0, stdout: '97.3.1-rc.2\n' });
  });
});
