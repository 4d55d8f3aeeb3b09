// Convergence, proven by property, against moto_server — restricted to what moto
// implements faithfully (see MOTO in backends.ts): an emulator nobody here wrote checks
// the same promise as the sandbox suite: every applied plan is followed by an empty plan
// and live content equal to the files.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI_PATH } from '../helpers/cli.js';
import { requireMoto } from '../helpers/moto.js';
import { MOTO } from './backends.js';
import { checkConvergence, propertyTimeoutMs } from './check-convergence.js';
import { fuzzSettings } from './switches.js';

const settings = fuzzSettings(3);

describe.skipIf(!requireMoto())('convergence against moto', () => {
  it(
    `every applied plan is followed by an empty plan and live content equal to the files (moto, ${settings.numRuns} cases: one hand-written, the rest random)`,
    async () => {
      expect(existsSync(CLI_PATH), 'build first: npx tsc -p tsconfig.build.json').toBe(true);
      await checkConvergence(MOTO, settings, 'test/property/convergence-moto.test.ts');
    },
    propertyTimeoutMs(settings),
  );
});
