// The migration scenario against the project's sandbox: everything, including permission
// set tags, both boundary forms, provisioning status and asynchronous completion.
import { describe } from 'vitest';
import { startSandboxBackend } from './backends.js';
import { migrationScenario } from './migration-scenario.js';

describe('migration between organizations, against the sandbox', () => {
  migrationScenario(startSandboxBackend);
});
