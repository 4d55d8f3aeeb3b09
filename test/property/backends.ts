// The two backends the convergence property runs against, with what each stores
// faithfully. Each case gets a fresh one (started here, stopped after the case), so no
// case sees another's leftovers.
import { startMotoBackend, startSandboxBackend, type Backend } from '../e2e/backends.js';
import type { BackendCapabilities } from './model.js';

export interface PropertyBackend {
  caps: BackendCapabilities;
  start(): Promise<Backend>;
}

export const SANDBOX: PropertyBackend = {
  caps: {
    name: 'sandbox',
    permissionSetTags: true,
    permissionsBoundary: true,
    updateUser: true,
    updateGroup: true,
    managedPolicyArnsWithPath: true,
    updateClearsOmittedFields: false,
  },
  start: startSandboxBackend,
};

/**
 * moto 5.2.1, restricted to what it implements faithfully (the conformance suite's
 * MOTO_DIFFERS table, test/sandbox/conformance.test.ts, and src/sandbox/README.md):
 * no UpdateUser and no UpdateGroup (HTTP 500), so users and groups are never changed
 * after creation — no attribute edits or removals, no in-place or case-only renames;
 * no permission set tags and no permissions boundary calls; managed policy ARNs with a
 * path are rejected. Plain renames (delete + create), memberships, policies, selectors,
 * deletions and additions all run. moto clears the fields an UpdatePermissionSet leaves
 * out, so removing a description or relay state runs here even while that known defect's
 * switch is off.
 */
export const MOTO: PropertyBackend = {
  caps: {
    name: 'moto',
    permissionSetTags: false,
    permissionsBoundary: false,
    updateUser: false,
    updateGroup: false,
    managedPolicyArnsWithPath: false,
    updateClearsOmittedFields: true,
  },
  start: startMotoBackend,
};
