// One Identity Center instance: permission sets, account assignments (indexed by target and
// by principal so every listing is a page walk, not a scan), per-account provisioning
// versions and the asynchronous request records.
import type { Json } from '../input.js';
import { conflict, notFound } from '../errors.js';
import { Applications, type AccessControlConfiguration } from './applications.js';

export interface PolicyReference {
  Name: string;
  Path: string;
}

export interface PermissionSet {
  PermissionSetArn: string;
  Name: string;
  Description?: string;
  SessionDuration: string;
  RelayState?: string;
  CreatedDate: number;
  tags: Map<string, string>;
  /** managed policy ARN → policy name */
  managedPolicies: Map<string, string>;
  /** path+name → reference */
  customerManagedPolicies: Map<string, PolicyReference>;
  inlinePolicy?: string;
  /** {CustomerManagedPolicyReference?, ManagedPolicyArn?} as the API returns it */
  boundary?: Json;
  /** bumped by every change a role in an account must receive through provisioning */
  version: number;
}

export interface Assignment {
  AccountId: string;
  PermissionSetArn: string;
  PrincipalType: 'USER' | 'GROUP';
  PrincipalId: string;
}

export type RequestStatus = 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED';
export type RequestKind = 'provision' | 'assignment-create' | 'assignment-delete';

export interface AsyncRequest {
  kind: RequestKind;
  caller: string;
  /** the status object exactly as the Describe call returns it */
  status: Json & { Status: RequestStatus; RequestId: string; CreatedDate: number };
}

export function policyKey(ref: PolicyReference): string {
  return `${ref.Path}${ref.Name}`;
}

function targetKey(accountId: string, permissionSetArn: string): string {
  return `${accountId}|${permissionSetArn}`;
}

function principalKey(type: string, id: string): string {
  return `${type}#${id}`;
}

export class Instance {
  readonly permissionSets = new Map<string, PermissionSet>();
  /** tags of the instance itself (TagResource accepts an instance ARN too) */
  readonly tags = new Map<string, string>();
  /** The region Identity Center was enabled in; the sandbox has one region per instance. */
  primaryRegion = 'us-east-1';
  /** applications connected to the instance, their assignments and assignment configuration */
  readonly applications = new Applications();
  /** the ABAC configuration; absent until CreateInstanceAccessControlAttributeConfiguration */
  accessControl?: AccessControlConfiguration;
  /** kind → request id → request, in creation order (the List...Status calls walk one kind) */
  private readonly requests = new Map<RequestKind, Map<string, AsyncRequest>>();
  /** permission set name (lower case) → ARN */
  private readonly setByName = new Map<string, string>();
  /** account|set → principal → assignment */
  private readonly byTarget = new Map<string, Map<string, Assignment>>();
  /** principal → account|set → assignment */
  private readonly byPrincipal = new Map<string, Map<string, Assignment>>();
  private readonly assignmentsPerSet = new Map<string, number>();
  /** set → account → provisioned version */
  private readonly provisioned = new Map<string, Map<string, number>>();
  /** account → sets provisioned there */
  private readonly setsInAccount = new Map<string, Set<string>>();
  /** caller account → IN_PROGRESS assignment requests */
  private readonly outstanding = new Map<string, number>();

  constructor(
    readonly arn: string,
    readonly identityStoreId: string,
    readonly ownerAccountId: string,
    readonly organizationId: string,
    readonly createdAt: number,
  ) {}

  permissionSet(arn: string): PermissionSet {
    const set = this.permissionSets.get(arn);
    if (!set) throw notFound(`Could not find PermissionSet with PermissionSetArn ${arn}`);
    return set;
  }

  /** Adds a permission set; ConflictException when the name is taken (IAM role names ignore case). */
  addPermissionSet(set: PermissionSet): void {
    const key = set.Name.toLowerCase();
    if (this.setByName.has(key)) throw conflict(`PermissionSet with name ${set.Name} already exists`);
    this.permissionSets.set(set.PermissionSetArn, set);
    this.setByName.set(key, set.PermissionSetArn);
  }

  assignmentsOf(accountId: string, permissionSetArn: string): Iterable<Assignment> {
    return this.byTarget.get(targetKey(accountId, permissionSetArn))?.values() ?? [];
  }

  assignmentsOfPrincipal(type: string, id: string): Iterable<Assignment> {
    return this.byPrincipal.get(principalKey(type, id))?.values() ?? [];
  }

  hasAssignment(a: Assignment): boolean {
    return this.byTarget.get(targetKey(a.AccountId, a.PermissionSetArn))?.has(principalKey(a.PrincipalType, a.PrincipalId)) ?? false;
  }

  countAssignments(permissionSetArn: string): number {
    return this.assignmentsPerSet.get(permissionSetArn) ?? 0;
  }

  /** Adds an assignment once: a repeated create leaves one row, as in AWS. */
  addAssignment(a: Assignment): void {
    if (this.hasAssignment(a)) return;
    const row = { ...a };
    nested(this.byTarget, targetKey(a.AccountId, a.PermissionSetArn)).set(principalKey(a.PrincipalType, a.PrincipalId), row);
    nested(this.byPrincipal, principalKey(a.PrincipalType, a.PrincipalId)).set(targetKey(a.AccountId, a.PermissionSetArn), row);
    this.assignmentsPerSet.set(a.PermissionSetArn, this.countAssignments(a.PermissionSetArn) + 1);
  }

  removeAssignment(a: Assignment): void {
    if (!this.hasAssignment(a)) return;
    this.byTarget.get(targetKey(a.AccountId, a.PermissionSetArn))?.delete(principalKey(a.PrincipalType, a.PrincipalId));
    this.byPrincipal.get(principalKey(a.PrincipalType, a.PrincipalId))?.delete(targetKey(a.AccountId, a.PermissionSetArn));
    this.assignmentsPerSet.set(a.PermissionSetArn, this.countAssignments(a.PermissionSetArn) - 1);
  }

  markProvisioned(permissionSetArn: string, accountId: string, version: number): void {
    nested(this.provisioned, permissionSetArn).set(accountId, version);
    let sets = this.setsInAccount.get(accountId);
    if (!sets) this.setsInAccount.set(accountId, (sets = new Set()));
    sets.add(permissionSetArn);
  }

  /** The role leaves the account when its last assignment there is deleted. */
  unmarkProvisioned(permissionSetArn: string, accountId: string): void {
    this.provisioned.get(permissionSetArn)?.delete(accountId);
    this.setsInAccount.get(accountId)?.delete(permissionSetArn);
  }

  /** The version an account has, if the set is provisioned there. */
  provisionedVersion(permissionSetArn: string, accountId: string): number | undefined {
    return this.provisioned.get(permissionSetArn)?.get(accountId);
  }

  provisionedAccounts(permissionSetArn: string): Iterable<[string, number]> {
    return this.provisioned.get(permissionSetArn)?.entries() ?? [];
  }

  setsProvisionedTo(accountId: string): Iterable<string> {
    return this.setsInAccount.get(accountId) ?? [];
  }

  isProvisionedTo(permissionSetArn: string, accountId: string): boolean {
    return this.provisioned.get(permissionSetArn)?.has(accountId) ?? false;
  }

  deletePermissionSet(arn: string): void {
    for (const [accountId] of this.provisionedAccounts(arn)) this.setsInAccount.get(accountId)?.delete(arn);
    this.provisioned.delete(arn);
    this.assignmentsPerSet.delete(arn);
    const set = this.permissionSets.get(arn);
    if (set) this.setByName.delete(set.Name.toLowerCase());
    this.permissionSets.delete(arn);
  }

  /** Records a new IN_PROGRESS request. */
  startRequest(request: AsyncRequest): void {
    nested(this.requests, request.kind).set(request.status.RequestId, request);
    if (request.kind !== 'provision') this.outstanding.set(request.caller, this.outstandingAssignmentRequests(request.caller) + 1);
  }

  finishRequest(request: AsyncRequest, failureReason?: string): void {
    if (request.status.Status !== 'IN_PROGRESS') return;
    request.status.Status = failureReason === undefined ? 'SUCCEEDED' : 'FAILED';
    if (failureReason !== undefined) request.status.FailureReason = failureReason;
    if (request.kind !== 'provision') this.outstanding.set(request.caller, this.outstandingAssignmentRequests(request.caller) - 1);
  }

  /** A request of one kind by id; ResourceNotFoundException for an unknown id or another kind's id. */
  request(kind: RequestKind, requestId: string): AsyncRequest {
    const request = this.requests.get(kind)?.get(requestId);
    if (!request) throw notFound(`Could not find request with id ${requestId}`);
    return request;
  }

  requestsOf(kind: RequestKind): Iterable<AsyncRequest> {
    return this.requests.get(kind)?.values() ?? [];
  }

  /** IN_PROGRESS assignment creations/deletions that `caller` started. */
  outstandingAssignmentRequests(caller: string): number {
    return this.outstanding.get(caller) ?? 0;
  }
}

function nested<K, V>(index: Map<K, Map<string, V>>, key: K): Map<string, V> {
  let map = index.get(key);
  if (!map) index.set(key, (map = new Map<string, V>()));
  return map;
}
