// Migration fidelity against the sandbox: every user attribute the identitystore model has,
// imported by a delegated administrator of the target organization.
import { describe } from 'vitest';
import { startSandboxBackend } from './backends.js';
import { FULL_USERS, userFidelityScenario } from './user-fidelity-scenario.js';

describe('migration fidelity of every user attribute, against the sandbox', () => {
  userFidelityScenario(startSandboxBackend, {
    users: FULL_USERS,
    extensions: true,
    scope: { tags: true, permissionsBoundary: true },
    delegatedAdministratorTarget: true,
  });
});
