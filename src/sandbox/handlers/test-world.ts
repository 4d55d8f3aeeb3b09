// Test support for the handler unit tests: a World with one organization, and a call()
// that does what the server does around a handler (settle due async requests, then handle).
import { AwsError } from '../errors.js';
import { FaultInjector, noFaults, type FaultSpec } from '../faults.js';
import { Input, type Json } from '../input.js';
import { seededRandom } from '../prng.js';
import type { OperationTable } from '../router-types.js';
import { addApplication, type NewApplication } from '../state/applications.js';
import type { Organization } from '../state/organization.js';
import { IDENTITY_CENTER_PRINCIPAL, World, type WorldSettings } from '../state/world.js';

export const MANAGEMENT = '111111111111';

export interface TestWorld {
  world: World;
  instanceArn: string;
  storeId: string;
  org: Organization;
  /** Adds a member account to the organization. */
  addMember(accountId: string): void;
  /** Registers a member account as Identity Center delegated administrator. */
  delegateAdmin(accountId: string): void;
  /** Adds an application of any provider, as the console would (catalogue SAML ones included); returns its ARN. */
  addApplication(fields: NewApplication): string;
  call(table: OperationTable, operation: string, body: Json, caller?: string): Json;
}

export function testWorld(settings: Partial<WorldSettings> = {}, faults: FaultSpec = noFaults()): TestWorld {
  const random = seededRandom(7);
  const world = new World(random, { asyncMs: 0, maxOutstanding: 10, ...settings }, new FaultInjector(faults, random));
  const org = world.createOrganization(MANAGEMENT);
  const instance = world.instances.get(org.instanceArn);
  if (!instance) throw new Error('createOrganization made no instance');
  return {
    world,
    instanceArn: instance.arn,
    storeId: instance.identityStoreId,
    org,
    addMember(accountId) {
      org.addAccount(accountId, `member-${accountId}`, `${accountId}@example.com`, 'CREATED', world.nowSeconds());
      world.joinOrganization(org, accountId);
    },
    delegateAdmin(accountId) {
      org.delegatedAdmins.set(accountId, new Map([[IDENTITY_CENTER_PRINCIPAL, world.nowSeconds()]]));
    },
    addApplication(fields) {
      return addApplication(instance, (n) => world.hex(n), world.nowSeconds(), fields).ApplicationArn;
    },
    call(table, operation, body, caller = MANAGEMENT) {
      const op = table[operation];
      if (!op) throw new Error(`no handler for ${operation}`);
      world.queue.settle();
      return op.handle({ caller, input: new Input(body), world, operation });
    },
  };
}

/** The AwsError `fn` throws; fails the test when it throws nothing or something else. */
export function awsError(fn: () => unknown): AwsError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AwsError) return err;
    throw err;
  }
  throw new Error('expected an AwsError');
}
