// Migration fidelity against moto_server: every user attribute moto 5.2.1 stores (no
// photos, website, birthdate, roles or extensions: its User model lacks them).
import { describe } from 'vitest';
import { requireMoto } from '../helpers/moto.js';
import { startMotoBackend } from './backends.js';
import { CORE_USERS, userFidelityScenario } from './user-fidelity-scenario.js';

describe.runIf(requireMoto())('migration fidelity of every user attribute moto stores, against moto_server', () => {
  userFidelityScenario(startMotoBackend, { users: CORE_USERS, extensions: false, scope: { tags: false, permissionsBoundary: false } });
});
