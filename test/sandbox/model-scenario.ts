// A run through every operation the sandbox serves, over raw HTTP (so the answers are the
// wire JSON, before any SDK deserializer forgives a missing or extra member), recording each
// call. Listings are made to hold at least two items where the service allows, so the
// conformance test can page them one item at a time.
import type { Json } from '../../src/sandbox/input.js';
import type { ServiceName as SandboxService } from '../../src/sandbox/router-types.js';

/** The services whose botocore models are vendored (test/fixtures/models/): the JSON 1.1
 *  services the dispatcher serves, and IAM Access Analyzer (restJson1, ValidatePolicy only). */
export type ModelledService = SandboxService | 'accessanalyzer';
type ServiceName = ModelledService;
type JsonService = SandboxService;

export const MANAGEMENT = '210000000001';
const CUSTOM_PROVIDER = 'arn:aws:sso::aws:applicationProvider/custom';

const TARGET_PREFIX: Record<JsonService, string> = {
  'sso-admin': 'SWBExternalService',
  identitystore: 'AWSIdentityStore',
  organizations: 'AWSOrganizationsV20161128',
  cloudtrail: 'CloudTrail_20131101',
};

/**
 * The restJson1 operations the sandbox answers, by their HTTP binding in the service model:
 * accessanalyzer ValidatePolicy is `POST /policy/validation`, `maxResults` and `nextToken`
 * in the query string (location "querystring"), every other member in the JSON body.
 */
const REST_BINDINGS: Record<string, { path: string; query: readonly string[] }> = {
  'accessanalyzer ValidatePolicy': { path: '/policy/validation', query: ['maxResults', 'nextToken'] },
};

export interface CallRecord {
  service: ServiceName;
  operation: string;
  body: Json;
  status: number;
  answer: Json;
}

export class RawClient {
  readonly records: CallRecord[] = [];

  constructor(
    private readonly endpoint: string,
    private readonly caller: string = MANAGEMENT,
  ) {}

  /** One call; recorded. */
  async call(service: ServiceName, operation: string, body: Json): Promise<CallRecord> {
    const authorization = `AWS4-HMAC-SHA256 Credential=${this.caller}/20260101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=0`;
    const response =
      service === 'accessanalyzer'
        ? await this.restCall(service, operation, body, authorization)
        : await fetch(this.endpoint, {
            method: 'POST',
            headers: {
              'content-type': 'application/x-amz-json-1.1',
              'x-amz-target': `${TARGET_PREFIX[service]}.${operation}`,
              authorization,
            },
            body: JSON.stringify(body),
          });
    const text = await response.text();
    const answer = text === '' ? {} : (JSON.parse(text) as Json);
    // restJson1 names an error in the x-amzn-errortype header, not in the body: put it where
    // the JSON 1.1 services put it (__type) so that one check reads both
    const errorType = response.headers.get('x-amzn-errortype');
    if (response.status !== 200 && errorType !== null && answer.__type === undefined) answer.__type = errorType.replace(/:.*$/, '');
    const record: CallRecord = { service, operation, body, status: response.status, answer };
    this.records.push(record);
    return record;
  }

  /** A restJson1 call by the operation's HTTP binding: query members in the URL, the rest as the JSON body. */
  private restCall(service: ServiceName, operation: string, body: Json, authorization: string): Promise<Response> {
    const binding = REST_BINDINGS[`${service} ${operation}`];
    if (!binding) throw new Error(`no HTTP binding known for ${service} ${operation}`);
    const url = new URL(binding.path, this.endpoint);
    const payload: Json = {};
    for (const [name, value] of Object.entries(body)) {
      if (binding.query.includes(name)) url.searchParams.set(name, String(value));
      else payload[name] = value;
    }
    return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify(payload) });
  }

  /** A call that must succeed: its answer. */
  async ok(service: ServiceName, operation: string, body: Json = {}): Promise<Json> {
    const record = await this.call(service, operation, body);
    if (record.status !== 200) throw new Error(`${service} ${operation} failed: ${JSON.stringify(record.answer)}`);
    return record.answer;
  }
}

const str = (value: unknown): string => {
  if (typeof value !== 'string') throw new Error(`expected a string, got ${JSON.stringify(value)}`);
  return value;
};
const obj = (value: unknown): Json => value as Json;

/** Organizations: two OUs, accounts in each, tags, a delegated administrator. Returns two member account ids. */
async function organizations(c: RawClient): Promise<{ accounts: string[]; rootId: string; ouId: string }> {
  await c.ok('organizations', 'CreateOrganization', { FeatureSet: 'ALL' });
  await c.ok('organizations', 'DescribeOrganization');
  const rootId = str(((await c.ok('organizations', 'ListRoots')).Roots as Json[])[0]?.Id);
  const ouIds: string[] = [];
  for (const name of ['Workloads', 'Sandbox']) {
    const ou = obj((await c.ok('organizations', 'CreateOrganizationalUnit', { ParentId: rootId, Name: name })).OrganizationalUnit);
    ouIds.push(str(ou.Id));
  }
  const ouId = ouIds[0] ?? '';
  await c.ok('organizations', 'DescribeOrganizationalUnit', { OrganizationalUnitId: ouId });
  await c.ok('organizations', 'ListOrganizationalUnitsForParent', { ParentId: rootId });
  const accounts: string[] = [];
  for (const name of ['prod', 'staging', 'dev']) {
    const status = obj(
      (await c.ok('organizations', 'CreateAccount', { AccountName: name, Email: `${name}@example.com` })).CreateAccountStatus,
    );
    const done = obj(
      (await c.ok('organizations', 'DescribeCreateAccountStatus', { CreateAccountRequestId: str(status.Id) })).CreateAccountStatus,
    );
    accounts.push(str(done.AccountId));
  }
  for (const accountId of accounts.slice(0, 2)) {
    await c.ok('organizations', 'MoveAccount', { AccountId: accountId, SourceParentId: rootId, DestinationParentId: ouId });
  }
  await c.ok('organizations', 'DescribeAccount', { AccountId: accounts[0] });
  await c.ok('organizations', 'ListAccounts');
  await c.ok('organizations', 'ListAccountsForParent', { ParentId: ouId });
  await c.ok('organizations', 'ListAccountsForParent', { ParentId: rootId });
  await c.ok('organizations', 'ListChildren', { ParentId: rootId, ChildType: 'ORGANIZATIONAL_UNIT' });
  await c.ok('organizations', 'ListChildren', { ParentId: ouId, ChildType: 'ACCOUNT' });
  await c.ok('organizations', 'ListParents', { ChildId: accounts[0] });
  const tags = [
    { Key: 'env', Value: 'prod' },
    { Key: 'team', Value: 'core' },
    { Key: 'tier', Value: '1' },
  ];
  await c.ok('organizations', 'TagResource', { ResourceId: accounts[0], Tags: tags });
  await c.ok('organizations', 'UntagResource', { ResourceId: accounts[0], TagKeys: ['tier'] });
  await c.ok('organizations', 'ListTagsForResource', { ResourceId: accounts[0] });
  await c.ok('organizations', 'RegisterDelegatedAdministrator', { AccountId: accounts[2], ServicePrincipal: 'sso.amazonaws.com' });
  await c.ok('organizations', 'RegisterDelegatedAdministrator', { AccountId: accounts[1], ServicePrincipal: 'config.amazonaws.com' });
  await c.ok('organizations', 'ListDelegatedAdministrators');
  return { accounts, rootId, ouId };
}

/** Identity store: users, groups, memberships. Returns ids the sso-admin part assigns. */
async function identityStore(c: RawClient, storeId: string): Promise<{ users: string[]; groups: string[] }> {
  const store = { IdentityStoreId: storeId };
  const users: string[] = [];
  for (const name of ['ada', 'grace', 'temp']) {
    const body = {
      ...store,
      UserName: name,
      DisplayName: name,
      Name: { GivenName: name, FamilyName: 'Example' },
      Emails: [{ Value: `${name}@example.com`, Type: 'work', Primary: true }],
    };
    users.push(str((await c.ok('identitystore', 'CreateUser', body)).UserId));
  }
  const [ada = '', grace = '', temp = ''] = users;
  await c.ok('identitystore', 'DescribeUser', { ...store, UserId: ada });
  await c.ok('identitystore', 'UpdateUser', {
    ...store,
    UserId: ada,
    Operations: [{ AttributePath: 'title', AttributeValue: 'Engineer' }],
  });
  await c.ok('identitystore', 'ListUsers', store);
  await c.ok('identitystore', 'GetUserId', {
    ...store,
    AlternateIdentifier: { UniqueAttribute: { AttributePath: 'userName', AttributeValue: 'ada' } },
  });
  const groups: string[] = [];
  for (const name of ['admins', 'devs', 'gone']) {
    groups.push(str((await c.ok('identitystore', 'CreateGroup', { ...store, DisplayName: name, Description: `${name} group` })).GroupId));
  }
  const [admins = '', devs = '', gone = ''] = groups;
  await c.ok('identitystore', 'DescribeGroup', { ...store, GroupId: admins });
  await c.ok('identitystore', 'UpdateGroup', {
    ...store,
    GroupId: admins,
    Operations: [{ AttributePath: 'description', AttributeValue: 'the admins' }],
  });
  await c.ok('identitystore', 'ListGroups', store);
  await c.ok('identitystore', 'GetGroupId', {
    ...store,
    AlternateIdentifier: { UniqueAttribute: { AttributePath: 'displayName', AttributeValue: 'devs' } },
  });
  const memberships: string[] = [];
  for (const [groupId, userId] of [
    [admins, ada],
    [admins, grace],
    [devs, ada],
    [devs, grace],
  ] as const) {
    memberships.push(
      str(
        (await c.ok('identitystore', 'CreateGroupMembership', { ...store, GroupId: groupId, MemberId: { UserId: userId } })).MembershipId,
      ),
    );
  }
  await c.ok('identitystore', 'DescribeGroupMembership', { ...store, MembershipId: memberships[0] });
  await c.ok('identitystore', 'GetGroupMembershipId', { ...store, GroupId: admins, MemberId: { UserId: ada } });
  await c.ok('identitystore', 'ListGroupMemberships', { ...store, GroupId: admins });
  await c.ok('identitystore', 'ListGroupMembershipsForMember', { ...store, MemberId: { UserId: ada } });
  await c.ok('identitystore', 'IsMemberInGroups', { ...store, MemberId: { UserId: ada }, GroupIds: [admins, devs, gone] });
  await c.ok('identitystore', 'DeleteGroupMembership', { ...store, MembershipId: memberships[3] });
  await c.ok('identitystore', 'DeleteUser', { ...store, UserId: temp });
  await c.ok('identitystore', 'DeleteGroup', { ...store, GroupId: gone });
  return { users: [ada, grace], groups: [admins, devs] };
}

/** Permission sets with every kind of content, provisioning, account assignments. */
async function permissionSets(c: RawClient, instanceArn: string, accounts: string[], principals: { users: string[]; groups: string[] }) {
  const instance = { InstanceArn: instanceArn };
  const sets: string[] = [];
  for (const name of ['Admin', 'ReadOnly', 'Doomed']) {
    const body = {
      ...instance,
      Name: name,
      Description: `${name} access`,
      SessionDuration: 'PT2H',
      RelayState: 'https://console.aws.amazon.com/',
    };
    sets.push(str(obj((await c.ok('sso-admin', 'CreatePermissionSet', body)).PermissionSet).PermissionSetArn));
  }
  const [admin = '', readOnly = '', doomed = ''] = sets;
  const set = { ...instance, PermissionSetArn: admin };
  await c.ok('sso-admin', 'DescribePermissionSet', set);
  await c.ok('sso-admin', 'UpdatePermissionSet', { ...set, Description: 'full access', SessionDuration: 'PT4H' });
  await c.ok('sso-admin', 'ListPermissionSets', instance);
  await c.ok('sso-admin', 'TagResource', {
    ...instance,
    ResourceArn: admin,
    Tags: [
      { Key: 'a', Value: '1' },
      { Key: 'b', Value: '2' },
      { Key: 'c', Value: '3' },
    ],
  });
  await c.ok('sso-admin', 'UntagResource', { ...instance, ResourceArn: admin, TagKeys: ['c'] });
  await c.ok('sso-admin', 'ListTagsForResource', { ...instance, ResourceArn: admin });
  for (const policy of ['ReadOnlyAccess', 'ViewOnlyAccess', 'SecurityAudit']) {
    await c.ok('sso-admin', 'AttachManagedPolicyToPermissionSet', { ...set, ManagedPolicyArn: `arn:aws:iam::aws:policy/${policy}` });
  }
  await c.ok('sso-admin', 'DetachManagedPolicyFromPermissionSet', { ...set, ManagedPolicyArn: 'arn:aws:iam::aws:policy/SecurityAudit' });
  await c.ok('sso-admin', 'ListManagedPoliciesInPermissionSet', set);
  for (const name of ['deploy', 'observe', 'extra']) {
    await c.ok('sso-admin', 'AttachCustomerManagedPolicyReferenceToPermissionSet', {
      ...set,
      CustomerManagedPolicyReference: { Name: name, Path: '/team/' },
    });
  }
  await c.ok('sso-admin', 'DetachCustomerManagedPolicyReferenceFromPermissionSet', {
    ...set,
    CustomerManagedPolicyReference: { Name: 'extra', Path: '/team/' },
  });
  await c.ok('sso-admin', 'ListCustomerManagedPolicyReferencesInPermissionSet', set);
  const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'iam:*', Resource: '*' }] });
  await c.ok('sso-admin', 'PutInlinePolicyToPermissionSet', { ...set, InlinePolicy: policy });
  await c.ok('sso-admin', 'GetInlinePolicyForPermissionSet', set);
  await c.ok('sso-admin', 'PutPermissionsBoundaryToPermissionSet', {
    ...set,
    PermissionsBoundary: { ManagedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' },
  });
  await c.ok('sso-admin', 'GetPermissionsBoundaryForPermissionSet', set);
  const readOnlySet = { ...instance, PermissionSetArn: readOnly };
  await c.ok('sso-admin', 'PutInlinePolicyToPermissionSet', { ...readOnlySet, InlinePolicy: policy });
  await c.ok('sso-admin', 'DeleteInlinePolicyFromPermissionSet', readOnlySet);
  await c.ok('sso-admin', 'PutPermissionsBoundaryToPermissionSet', {
    ...readOnlySet,
    PermissionsBoundary: { ManagedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' },
  });
  await c.ok('sso-admin', 'DeletePermissionsBoundaryFromPermissionSet', readOnlySet);

  const [prod = '', staging = '', dev = ''] = accounts;
  const [ada = '', grace = ''] = principals.users;
  const [admins = ''] = principals.groups;
  const creations: string[] = [];
  for (const [account, setArn, type, id] of [
    [prod, admin, 'GROUP', admins],
    [prod, admin, 'USER', ada],
    [staging, admin, 'USER', ada],
    [prod, readOnly, 'USER', grace],
    [staging, readOnly, 'USER', grace],
    [dev, readOnly, 'USER', grace],
  ] as const) {
    const body = {
      ...instance,
      TargetId: account,
      TargetType: 'AWS_ACCOUNT',
      PermissionSetArn: setArn,
      PrincipalType: type,
      PrincipalId: id,
    };
    creations.push(str(obj((await c.ok('sso-admin', 'CreateAccountAssignment', body)).AccountAssignmentCreationStatus).RequestId));
  }
  await c.ok('sso-admin', 'DescribeAccountAssignmentCreationStatus', { ...instance, AccountAssignmentCreationRequestId: creations[0] });
  await c.ok('sso-admin', 'ListAccountAssignmentCreationStatus', instance);
  await c.ok('sso-admin', 'ListAccountAssignments', { ...instance, AccountId: prod, PermissionSetArn: admin });
  await c.ok('sso-admin', 'ListAccountAssignmentsForPrincipal', { ...instance, PrincipalType: 'USER', PrincipalId: ada });
  await c.ok('sso-admin', 'ListAccountsForProvisionedPermissionSet', { ...instance, PermissionSetArn: admin });
  await c.ok('sso-admin', 'ListPermissionSetsProvisionedToAccount', { ...instance, AccountId: prod });
  const provisions: string[] = [];
  for (const setArn of [admin, readOnly]) {
    const out = await c.ok('sso-admin', 'ProvisionPermissionSet', {
      ...instance,
      PermissionSetArn: setArn,
      TargetType: 'ALL_PROVISIONED_ACCOUNTS',
    });
    provisions.push(str(obj(out.PermissionSetProvisioningStatus).RequestId));
  }
  await c.ok('sso-admin', 'DescribePermissionSetProvisioningStatus', { ...instance, ProvisionPermissionSetRequestId: provisions[0] });
  await c.ok('sso-admin', 'ListPermissionSetProvisioningStatus', instance);
  const deletions: string[] = [];
  for (const [account, setArn, id] of [
    [staging, readOnly, grace],
    [dev, readOnly, grace],
  ] as const) {
    const body = {
      ...instance,
      TargetId: account,
      TargetType: 'AWS_ACCOUNT',
      PermissionSetArn: setArn,
      PrincipalType: 'USER',
      PrincipalId: id,
    };
    deletions.push(str(obj((await c.ok('sso-admin', 'DeleteAccountAssignment', body)).AccountAssignmentDeletionStatus).RequestId));
  }
  await c.ok('sso-admin', 'DescribeAccountAssignmentDeletionStatus', { ...instance, AccountAssignmentDeletionRequestId: deletions[0] });
  await c.ok('sso-admin', 'ListAccountAssignmentDeletionStatus', instance);
  await c.ok('sso-admin', 'DeletePermissionSet', { ...instance, PermissionSetArn: doomed });
}

/** Applications, their assignments and configuration, providers, ABAC. */
async function applications(c: RawClient, instanceArn: string, principals: { users: string[]; groups: string[] }): Promise<void> {
  const instance = { InstanceArn: instanceArn };
  const apps: string[] = [];
  for (const name of ['Wiki', 'Grafana', 'Doomed']) {
    const body = {
      ...instance,
      ApplicationProviderArn: CUSTOM_PROVIDER,
      Name: name,
      Description: `${name} app`,
      PortalOptions: { SignInOptions: { Origin: 'APPLICATION', ApplicationUrl: 'https://example.com/' }, Visibility: 'ENABLED' },
      Tags: [{ Key: 'team', Value: 'core' }],
    };
    apps.push(str((await c.ok('sso-admin', 'CreateApplication', body)).ApplicationArn));
  }
  const [wiki = '', grafana = '', doomed = ''] = apps;
  await c.ok('sso-admin', 'DescribeApplication', { ApplicationArn: wiki });
  await c.ok('sso-admin', 'UpdateApplication', {
    ApplicationArn: wiki,
    Status: 'DISABLED',
    PortalOptions: { SignInOptions: { Origin: 'IDENTITY_CENTER' } },
  });
  await c.ok('sso-admin', 'ListApplications', instance);
  await c.ok('sso-admin', 'ListApplicationProviders');
  await c.ok('sso-admin', 'DescribeApplicationProvider', { ApplicationProviderArn: CUSTOM_PROVIDER });
  const [ada = '', grace = ''] = principals.users;
  const [admins = ''] = principals.groups;
  for (const [arn, type, id] of [
    [wiki, 'USER', ada],
    [wiki, 'USER', grace],
    [wiki, 'GROUP', admins],
    [grafana, 'USER', ada],
  ] as const) {
    await c.ok('sso-admin', 'CreateApplicationAssignment', { ApplicationArn: arn, PrincipalType: type, PrincipalId: id });
  }
  await c.ok('sso-admin', 'DescribeApplicationAssignment', { ApplicationArn: wiki, PrincipalType: 'GROUP', PrincipalId: admins });
  await c.ok('sso-admin', 'ListApplicationAssignments', { ApplicationArn: wiki });
  await c.ok('sso-admin', 'ListApplicationAssignmentsForPrincipal', { ...instance, PrincipalType: 'USER', PrincipalId: ada });
  await c.ok('sso-admin', 'DeleteApplicationAssignment', { ApplicationArn: wiki, PrincipalType: 'USER', PrincipalId: grace });
  await c.ok('sso-admin', 'PutApplicationAssignmentConfiguration', { ApplicationArn: grafana, AssignmentRequired: false });
  await c.ok('sso-admin', 'GetApplicationAssignmentConfiguration', { ApplicationArn: grafana });
  await c.ok('sso-admin', 'DeleteApplication', { ApplicationArn: doomed });

  const config = (keys: string[]) => ({
    ...instance,
    InstanceAccessControlAttributeConfiguration: {
      AccessControlAttributes: keys.map((key) => ({ Key: key, Value: { Source: [`\${path:enterprise.${key}}`] } })),
    },
  });
  await c.ok('sso-admin', 'CreateInstanceAccessControlAttributeConfiguration', config(['costCenter']));
  await c.ok('sso-admin', 'UpdateInstanceAccessControlAttributeConfiguration', config(['costCenter', 'department']));
  await c.ok('sso-admin', 'DescribeInstanceAccessControlAttributeConfiguration', instance);
  await c.ok('sso-admin', 'DeleteInstanceAccessControlAttributeConfiguration', instance);
  await c.ok('sso-admin', 'CreateInstanceAccessControlAttributeConfiguration', config(['costCenter']));
}

/** CloudTrail's event history of the writes above, and Access Analyzer's policy check. */
async function auditAndLint(c: RawClient): Promise<void> {
  // the three CreateUser events of identityStore(): a listing of several items, fewer than one page
  await c.ok('cloudtrail', 'LookupEvents', { LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateUser' }] });
  await c.ok('cloudtrail', 'LookupEvents', { EventCategory: 'insight', MaxResults: 5 });
  // a statement with several grammar errors: several findings, with locations
  const policy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: 'no-dashes', Effect: 'allow', Action: 's3:*', NotAction: 'ec2:*', Extra: 1 }],
  });
  await c.ok('accessanalyzer', 'ValidatePolicy', { policyDocument: policy, policyType: 'IDENTITY_POLICY', locale: 'EN', maxResults: 50 });
  await c.ok('accessanalyzer', 'ValidatePolicy', {
    policyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }] }),
    policyType: 'IDENTITY_POLICY',
  });
}

/** Runs every operation once or more against a fresh sandbox; the client holds the records. */
export async function runScenario(endpoint: string): Promise<RawClient> {
  const c = new RawClient(endpoint);
  const { accounts } = await organizations(c);
  const instance = obj(((await c.ok('sso-admin', 'ListInstances')).Instances as Json[])[0]);
  const instanceArn = str(instance.InstanceArn);
  await c.ok('sso-admin', 'DescribeInstance', { InstanceArn: instanceArn });
  const principals = await identityStore(c, str(instance.IdentityStoreId));
  await permissionSets(c, instanceArn, accounts, principals);
  await applications(c, instanceArn, principals);
  await auditAndLint(c);
  return c;
}
