// Everything the sandbox knows: organizations side by side (one per management account),
// their Identity Center instances and identity stores, and the customer managed policies
// a test declared per account. `reset` simply replaces the World.
import { AwsError, accessDenied, notFound } from '../errors.js';
import { AsyncQueue } from '../async-queue.js';
import type { FaultInjector } from '../faults.js';
import { randomDigits, randomHex, type Random } from '../prng.js';
import { IdentityStore } from './identity-store.js';
import { Instance, policyKey, type PolicyReference } from './instance.js';
import { Organization } from './organization.js';
import { Trail } from './trail.js';

export const DEFAULT_ACCOUNT = '123456789012';
export const IDENTITY_CENTER_PRINCIPAL = 'sso.amazonaws.com';

export interface WorldSettings {
  asyncMs: number;
  maxOutstanding: number;
}

export class World {
  readonly organizations = new Map<string, Organization>();
  readonly instances = new Map<string, Instance>();
  readonly stores = new Map<string, IdentityStore>();
  readonly queue = new AsyncQueue();
  /** CloudTrail's Event history: every write served */
  readonly trail = new Trail();
  private readonly orgOfAccount = new Map<string, Organization>();
  /** account → declared customer managed policies (path+name); absent = every policy exists */
  private readonly declaredPolicies = new Map<string, Set<string>>();

  constructor(
    readonly random: Random,
    readonly settings: WorldSettings,
    readonly faults: FaultInjector,
  ) {}

  nowSeconds(): number {
    return Date.now() / 1000;
  }

  hex(length: number): string {
    return randomHex(this.random, length);
  }

  uuid(): string {
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-a${this.hex(3)}-${this.hex(12)}`;
  }

  /** A fresh 12-digit account id used nowhere yet. */
  newAccountId(): string {
    for (;;) {
      const id = randomDigits(this.random, 12);
      if (!this.orgOfAccount.has(id) && id !== DEFAULT_ACCOUNT) return id;
    }
  }

  organizationOf(accountId: string): Organization | undefined {
    return this.orgOfAccount.get(accountId);
  }

  /** The caller's organization; AWSOrganizationsNotInUseException when it has none. */
  requireOrganization(caller: string): Organization {
    const org = this.orgOfAccount.get(caller);
    if (!org) throw new AwsError('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.');
    return org;
  }

  joinOrganization(org: Organization, accountId: string): void {
    this.orgOfAccount.set(accountId, org);
  }

  /** CreateOrganization: the caller becomes management account; its Identity Center instance is enabled. */
  createOrganization(caller: string): Organization {
    if (this.orgOfAccount.has(caller))
      throw new AwsError('AlreadyInOrganizationException', 'The AWS account is already a member of an organization.');
    const now = this.nowSeconds();
    const org = new Organization(`o-${this.hex(10)}`, `r-${this.hex(4)}`, caller, now);
    this.organizations.set(org.id, org);
    org.addAccount(caller, 'Management', `management-${caller}@example.com`, 'CREATED', now);
    this.joinOrganization(org, caller);
    const store = new IdentityStore(`d-${this.hex(10)}`);
    this.stores.set(store.id, store);
    const instance = new Instance(`arn:aws:sso:::instance/ssoins-${this.hex(16)}`, store.id, caller, org.id, now);
    this.instances.set(instance.arn, instance);
    org.instanceArn = instance.arn;
    return org;
  }

  /** The instances the caller administers: its organization's, as management account or delegated administrator. */
  visibleInstances(caller: string): Instance[] {
    const org = this.orgOfAccount.get(caller);
    if (!org || !org.instanceArn) return [];
    if (caller !== org.managementAccountId && !org.isDelegatedAdmin(caller, IDENTITY_CENTER_PRINCIPAL)) return [];
    const instance = this.instances.get(org.instanceArn);
    return instance ? [instance] : [];
  }

  instanceFor(caller: string, instanceArn: string): Instance {
    const instance = this.instances.get(instanceArn);
    if (!instance) throw notFound(`Could not find Identity Center instance ${instanceArn}`);
    if (!this.visibleInstances(caller).includes(instance))
      throw accessDenied(`User: arn:aws:iam::${caller}:root is not authorized to access instance ${instanceArn}`);
    return instance;
  }

  storeFor(caller: string, identityStoreId: string): IdentityStore {
    const store = this.stores.get(identityStoreId);
    const instance = [...this.instances.values()].find((i) => i.identityStoreId === identityStoreId);
    if (!store || !instance)
      throw notFound(`Identity store ${identityStoreId} not found`, { ResourceType: 'IDENTITY_STORE', ResourceId: identityStoreId });
    if (!this.visibleInstances(caller).includes(instance))
      throw accessDenied(`User: arn:aws:iam::${caller}:root is not authorized to access identity store ${identityStoreId}`);
    return store;
  }

  /** True when the caller is a delegated administrator (not the management account) of the instance. */
  isDelegatedAdminOf(caller: string, instance: Instance): boolean {
    return caller !== instance.ownerAccountId;
  }

  declareCustomerManagedPolicies(accountId: string, policies: PolicyReference[]): void {
    this.declaredPolicies.set(accountId, new Set(policies.map(policyKey)));
  }

  customerManagedPolicyExists(accountId: string, ref: PolicyReference): boolean {
    const declared = this.declaredPolicies.get(accountId);
    return declared === undefined || declared.has(policyKey(ref));
  }
}
