// The migration scenario against moto_server: the faithful subset (no tags, no
// boundaries, no provisioning status; see backends.ts and docs/aws-behaviour.md).
import { describe } from 'vitest';
import { requireMoto } from '../helpers/moto.js';
import { startMotoBackend } from './backends.js';
import { migrationScenario } from './migration-scenario.js';

describe.runIf(requireMoto())('migration between organizations, against moto_server', () => {
  migrationScenario(startMotoBackend);
});
