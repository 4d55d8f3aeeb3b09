// Runs the vitest suite on a supported Node. The product supports Node 22 and later
// (package.json engines); a suite run on an end-of-life Node would pass without proving
// anything about what users run. So: on Node 22 or later the suite runs on the Node that
// ran npm (test.yml's matrix runs 22 and 24 that way); on an older one — this project's
// own machines carry Node 20 — it runs on Node 24, the current LTS, taken from the npm
// registry's `node` package installed into tools/node24 (its own lockfile, nothing else
// downloaded). SSO_GITOPS_TEST_NODE=24 forces Node 24 anywhere.
// Extra arguments go to vitest: `npm run test:suite -- test/e2e`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SUPPORTED_FLOOR = 22;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tools = join(root, 'tools', 'node24');
const windows = process.platform === 'win32';

function run(command, args, options) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function node24() {
  const bin = join(tools, 'node_modules', '.bin', windows ? 'node.cmd' : 'node');
  if (!existsSync(bin)) {
    const status = run(windows ? 'npm.cmd' : 'npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: tools, shell: windows });
    if (status !== 0) process.exit(status);
  }
  return bin;
}

const major = Number(process.versions.node.split('.')[0]);
const node = major >= SUPPORTED_FLOOR && process.env.SSO_GITOPS_TEST_NODE !== '24' ? process.execPath : node24();
const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
process.stdout.write(`test suite on Node ${version}${node === process.execPath ? '' : ` (tools/node24; npm ran on ${process.version})`}\n`);
process.exit(run(node, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...process.argv.slice(2)], { cwd: root }));
