// The conformance suite: the same behavioural checks, through the real AWS SDK clients,
// against the project's sandbox and against moto_server — so our emulator is checked
// against an implementation nobody here wrote. Where moto is known to differ from AWS the
// check is listed in MOTO_DIFFERS with the reason and runs against moto as an expected
// failure: if moto starts to agree with AWS, that test fails and the table must shrink.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { motoBackend, sandboxBackend, type Backend } from './backends.js';
import { IDENTITYSTORE_CHECKS } from './conformance-identitystore.js';
import { ORGANIZATIONS_CHECKS } from './conformance-organizations.js';
import { createOrganization, type Check } from './conformance-setup.js';
import { SSO_ADMIN_CHECKS } from './conformance-sso-admin.js';
import { requireMoto } from '../helpers/moto.js';

const MANAGEMENT_ACCOUNT = '111122223333';

const CHECKS: Check[] = [...ORGANIZATIONS_CHECKS, ...IDENTITYSTORE_CHECKS, ...SSO_ADMIN_CHECKS];

/** Checks moto 5.2.1 gets wrong (docs/aws-behaviour.md, "The local emulators are not AWS"), by check name, with the reason. */
export const MOTO_DIFFERS: Record<string, string> = {
  'a second OU of the same name under one parent is DuplicateOrganizationalUnitException': 'moto creates a second OU of the same name',
  'a second permission set with the same name is ConflictException': 'moto creates a second permission set of the same name',
  'a duplicate group membership is ConflictException': 'moto accepts duplicate memberships',
  'UpdateUser replaces displayName and leaves the other attributes alone': 'moto does not implement UpdateUser (HTTP 500)',
  'UpdateGroup replaces the description and keeps the DisplayName': 'moto does not implement UpdateGroup (HTTP 500)',
  'CreateUser stores photos, website, birthdate and roles':
    'moto 5.2.1 stores no Photos, Website, Birthdate or Roles (its User model lacks them)',
  'the enterprise extension is returned when DescribeUser and ListUsers ask for it': 'moto 5.2.1 stores no Extensions',
  'UpdateUser sets and removes a phone number, a name part and the enterprise extension': 'moto does not implement UpdateUser (HTTP 500)',
  'a UserName longer than 128 characters is ValidationException': 'moto validates no lengths or patterns',
  'MaxResults 101 on ListPermissionSets is ValidationException': 'moto validates no ranges',
  'a managed policy ARN with a path (job-function/ViewOnlyAccess) attaches': 'moto rejects managed policy ARNs with a path',
  'GetPermissionsBoundaryForPermissionSet on a set without a boundary is ResourceNotFoundException':
    'moto does not implement permissions boundary calls (HTTP 500)',
  'a repeated CreateAccountAssignment leaves one assignment row': 'moto stores a second row for a repeated assignment',
  'an assignment provisions its permission set to the account':
    'moto does not auto-provision on assignment and ignores the account in provisioned listings',
  'deleting a permission set that still has assignments is ConflictException': 'moto deletes a permission set that is still assigned',
  'after a policy change the account is LATEST_PERMISSION_SET_NOT_PROVISIONED until ProvisionPermissionSet':
    'moto has no provisioning status per account',
  'an assignment whose customer managed policy is missing in the account ends FAILED with a FailureReason':
    'moto knows no customer managed policies per account; assignments always succeed',
};

function suite(name: Backend['name'], start: () => Promise<Backend>, expectedToDiffer: Record<string, string>) {
  describe(`conformance against ${name}`, () => {
    let backend: Backend;
    beforeAll(async () => {
      backend = await start();
    });
    afterAll(async () => {
      await backend?.stop();
    });
    beforeEach(async () => {
      await backend.reset();
    });

    const runCheck = async (check: Check) => {
      const clients = backend.clients(MANAGEMENT_ACCOUNT);
      await createOrganization(clients);
      await check.run({ backend, clients, managementAccountId: MANAGEMENT_ACCOUNT });
    };
    for (const check of CHECKS) {
      const reason = expectedToDiffer[check.name];
      if (reason === undefined) it(check.name, () => runCheck(check));
      else it.fails(`${check.name} — differs: ${reason}`, () => runCheck(check));
    }
  });
}

it('lists only existing checks in MOTO_DIFFERS', () => {
  const names = new Set(CHECKS.map((c) => c.name));
  expect(Object.keys(MOTO_DIFFERS).filter((n) => !names.has(n))).toEqual([]);
});

suite('sandbox', () => sandboxBackend(), {});

if (requireMoto()) suite('moto', motoBackend, MOTO_DIFFERS);
