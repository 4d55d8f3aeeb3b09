// Convergence, proven by property, against the project's sandbox: random valid states and
// random edit sequences, each applied by the real CLI, are followed by an empty plan and
// by live content equal to the files (read independently with the plain SDK).
// `npm test` runs a few small cases; `npm run fuzz` runs many more (SSO_GITOPS_FUZZ_RUNS).
import { existsSync } from 'node:fs';
import { expect, it } from 'vitest';
import { CLI_PATH } from '../helpers/cli.js';
import { SANDBOX } from './backends.js';
import { checkConvergence, propertyTimeoutMs } from './check-convergence.js';
import { fuzzSettings } from './switches.js';

const settings = fuzzSettings(3);

it(
  `every applied plan is followed by an empty plan and live content equal to the files (sandbox, ${settings.numRuns} cases: one hand-written, the rest random)`,
  async () => {
    expect(existsSync(CLI_PATH), 'build first: npx tsc -p tsconfig.build.json').toBe(true);
    await checkConvergence(SANDBOX, settings, 'test/property/convergence-sandbox.test.ts');
  },
  propertyTimeoutMs(settings),
);
