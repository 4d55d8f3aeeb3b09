import { describe, expect, it } from 'vitest';
import type { Json } from '../input.js';
import { identityStoreOperations } from './identitystore.js';
import { ssoAdminOperations as ops } from './sso-admin.js';
import { awsError, testWorld, type TestWorld } from './test-world.js';

const CUSTOM = 'arn:aws:sso::aws:applicationProvider/custom';
const CUSTOM_SAML = 'arn:aws:sso::aws:applicationProvider/custom-saml';
const CATALOG = 'arn:aws:sso::aws:applicationProvider/catalog/Salesforce';
const OUTSIDER = '444444444444';

function createApp(t: TestWorld, name: string, extra: Json = {}): string {
  return String(
    t.call(ops, 'CreateApplication', { InstanceArn: t.instanceArn, ApplicationProviderArn: CUSTOM, Name: name, ...extra }).ApplicationArn,
  );
}

function listAll(t: TestWorld, body: Json): { names: string[]; pages: number[] } {
  const names: string[] = [];
  const pages: number[] = [];
  let token: unknown;
  do {
    const out = t.call(ops, 'ListApplications', { InstanceArn: t.instanceArn, ...body, ...(token ? { NextToken: token } : {}) });
    const apps = out.Applications as Json[];
    pages.push(apps.length);
    names.push(...apps.map((a) => String(a.Name)));
    token = out.NextToken;
  } while (token);
  return { names, pages };
}

function user(t: TestWorld, name: string): string {
  const body = { IdentityStoreId: t.storeId, UserName: name, DisplayName: name, Name: { GivenName: name, FamilyName: 'X' } };
  return String(t.call(identityStoreOperations, 'CreateUser', body).UserId);
}

function group(t: TestWorld, name: string): string {
  return String(t.call(identityStoreOperations, 'CreateGroup', { IdentityStoreId: t.storeId, DisplayName: name }).GroupId);
}

describe('sso-admin applications', () => {
  it('creates a customer managed OAuth application in the model ARN form, enabled, with assignment required by default', () => {
    const t = testWorld();
    const arn = createApp(t, 'Wiki', { Description: 'team wiki', PortalOptions: { Visibility: 'ENABLED' } });
    expect(arn).toMatch(/^arn:aws:sso::111111111111:application\/ssoins-[0-9a-f]{16}\/apl-[a-zA-Z0-9]{16}$/);
    expect(t.call(ops, 'DescribeApplication', { ApplicationArn: arn })).toMatchObject({
      ApplicationArn: arn,
      ApplicationProviderArn: CUSTOM,
      Name: 'Wiki',
      Description: 'team wiki',
      Status: 'ENABLED',
      InstanceArn: t.instanceArn,
      ApplicationAccount: '111111111111',
      PortalOptions: { Visibility: 'ENABLED' },
    });
    expect(t.call(ops, 'GetApplicationAssignmentConfiguration', { ApplicationArn: arn })).toEqual({ AssignmentRequired: true });
  });

  it('refuses SAML providers (customer managed and catalogue) and answers not found for an unknown provider', () => {
    const t = testWorld();
    const body = (provider: string) => ({ InstanceArn: t.instanceArn, ApplicationProviderArn: provider, Name: 'x' });
    expect(awsError(() => t.call(ops, 'CreateApplication', body(CUSTOM_SAML))).type).toBe('ValidationException');
    expect(awsError(() => t.call(ops, 'CreateApplication', body(CATALOG))).message).toContain('OAuth 2.0');
    expect(awsError(() => t.call(ops, 'CreateApplication', body(`${CUSTOM}-nope`))).type).toBe('ResourceNotFoundException');
    expect(awsError(() => t.call(ops, 'CreateApplication', body('arn:aws:sso:::applicationProvider/custom'))).type).toBe(
      'ValidationException',
    );
    expect(listAll(t, {}).names).toEqual([]);
  });

  it('validates name length, status and sign-in origin', () => {
    const t = testWorld();
    expect(awsError(() => createApp(t, 'x'.repeat(101))).message).toContain('100');
    expect(awsError(() => createApp(t, 'a', { Status: 'ON' })).type).toBe('ValidationException');
    expect(awsError(() => createApp(t, 'a', { PortalOptions: { SignInOptions: {} } })).message).toContain('origin');
  });

  it('answers a repeated ClientToken with the same application, and a conflict when the request differs', () => {
    const t = testWorld();
    const first = createApp(t, 'Wiki', { ClientToken: 'token-1' });
    expect(createApp(t, 'Wiki', { ClientToken: 'token-1' })).toBe(first);
    expect(awsError(() => createApp(t, 'Other', { ClientToken: 'token-1' })).type).toBe('ConflictException');
    expect(listAll(t, {}).names).toEqual(['Wiki']);
  });

  it('pages ListApplications at most 50 per page even when MaxResults asks 100, and filters by provider', () => {
    const t = testWorld();
    for (let i = 0; i < 120; i++) createApp(t, `app-${i}`);
    t.addApplication({ name: 'Salesforce', providerArn: CATALOG });
    const all = listAll(t, { MaxResults: 100 });
    expect(all.pages).toEqual([50, 50, 21]);
    expect(new Set(all.names).size).toBe(121);
    expect(listAll(t, { Filter: { ApplicationProvider: CATALOG } }).names).toEqual(['Salesforce']);
    expect(listAll(t, { Filter: { ApplicationAccount: '999999999999' } }).names).toEqual([]);
    expect(awsError(() => t.call(ops, 'ListApplications', { InstanceArn: t.instanceArn, MaxResults: 101 })).type).toBe(
      'ValidationException',
    );
  });

  it('refuses a NextToken from another filter', () => {
    const t = testWorld();
    for (let i = 0; i < 3; i++) createApp(t, `app-${i}`);
    const token = t.call(ops, 'ListApplications', { InstanceArn: t.instanceArn, MaxResults: 1 }).NextToken;
    const other = { InstanceArn: t.instanceArn, NextToken: token, Filter: { ApplicationProvider: CUSTOM } };
    expect(awsError(() => t.call(ops, 'ListApplications', other)).message).toContain('NextToken');
  });

  it('updates only the members given', () => {
    const t = testWorld();
    const arn = createApp(t, 'Wiki', { Description: 'team wiki' });
    t.call(ops, 'UpdateApplication', { ApplicationArn: arn, Status: 'DISABLED' });
    expect(t.call(ops, 'DescribeApplication', { ApplicationArn: arn })).toMatchObject({
      Name: 'Wiki',
      Description: 'team wiki',
      Status: 'DISABLED',
    });
  });

  it('deletes an application with its assignments; later calls answer not found', () => {
    const t = testWorld();
    const arn = createApp(t, 'Wiki');
    const userId = user(t, 'alice');
    t.call(ops, 'CreateApplicationAssignment', { ApplicationArn: arn, PrincipalType: 'USER', PrincipalId: userId });
    t.call(ops, 'DeleteApplication', { ApplicationArn: arn });
    expect(awsError(() => t.call(ops, 'DescribeApplication', { ApplicationArn: arn })).type).toBe('ResourceNotFoundException');
    expect(awsError(() => t.call(ops, 'DeleteApplication', { ApplicationArn: arn })).type).toBe('ResourceNotFoundException');
    const forUser = t.call(ops, 'ListApplicationAssignmentsForPrincipal', {
      InstanceArn: t.instanceArn,
      PrincipalType: 'USER',
      PrincipalId: userId,
    });
    expect(forUser.ApplicationAssignments).toEqual([]);
  });

  it('denies a caller outside the organization', () => {
    const t = testWorld();
    const arn = createApp(t, 'Wiki');
    expect(awsError(() => t.call(ops, 'DescribeApplication', { ApplicationArn: arn }, OUTSIDER)).type).toBe('AccessDeniedException');
  });

  it('lists and describes providers; an unknown one is not found', () => {
    const t = testWorld();
    const providers = t.call(ops, 'ListApplicationProviders', {}).ApplicationProviders as Json[];
    expect(providers).toContainEqual(expect.objectContaining({ ApplicationProviderArn: CUSTOM, FederationProtocol: 'OAUTH' }));
    expect(t.call(ops, 'DescribeApplicationProvider', { ApplicationProviderArn: CATALOG }).FederationProtocol).toBe('SAML');
    expect(awsError(() => t.call(ops, 'DescribeApplicationProvider', { ApplicationProviderArn: `${CATALOG}X` })).type).toBe(
      'ResourceNotFoundException',
    );
  });
});

describe('sso-admin application assignments', () => {
  it('assigns users and groups to a catalogue application once each; a repeated create keeps one row', () => {
    const t = testWorld();
    const arn = t.addApplication({ name: 'Salesforce', providerArn: CATALOG });
    const userId = user(t, 'alice');
    const groupId = group(t, 'devs');
    for (const body of [
      { PrincipalType: 'USER', PrincipalId: userId },
      { PrincipalType: 'GROUP', PrincipalId: groupId },
      { PrincipalType: 'USER', PrincipalId: userId },
    ]) {
      t.call(ops, 'CreateApplicationAssignment', { ApplicationArn: arn, ...body });
    }
    expect(t.call(ops, 'ListApplicationAssignments', { ApplicationArn: arn }).ApplicationAssignments).toEqual([
      { ApplicationArn: arn, PrincipalType: 'USER', PrincipalId: userId },
      { ApplicationArn: arn, PrincipalType: 'GROUP', PrincipalId: groupId },
    ]);
    expect(t.call(ops, 'DescribeApplicationAssignment', { ApplicationArn: arn, PrincipalType: 'GROUP', PrincipalId: groupId })).toEqual({
      ApplicationArn: arn,
      PrincipalType: 'GROUP',
      PrincipalId: groupId,
    });
  });

  it('refuses a principal the identity store does not hold, and a user id given as a group', () => {
    const t = testWorld();
    const arn = createApp(t, 'Wiki');
    const userId = user(t, 'alice');
    const missing = '11111111-2222-4333-8444-555555555555';
    expect(
      awsError(() => t.call(ops, 'CreateApplicationAssignment', { ApplicationArn: arn, PrincipalType: 'USER', PrincipalId: missing })).type,
    ).toBe('ResourceNotFoundException');
    expect(
      awsError(() => t.call(ops, 'CreateApplicationAssignment', { ApplicationArn: arn, PrincipalType: 'GROUP', PrincipalId: userId })).type,
    ).toBe('ResourceNotFoundException');
    expect(
      awsError(() => t.call(ops, 'CreateApplicationAssignment', { ApplicationArn: arn, PrincipalType: 'ROLE', PrincipalId: userId })).type,
    ).toBe('ValidationException');
  });

  it('deletes idempotently; describing a missing assignment is not found', () => {
    const t = testWorld();
    const arn = createApp(t, 'Wiki');
    const userId = user(t, 'alice');
    const body = { ApplicationArn: arn, PrincipalType: 'USER', PrincipalId: userId };
    t.call(ops, 'CreateApplicationAssignment', body);
    t.call(ops, 'DeleteApplicationAssignment', body);
    t.call(ops, 'DeleteApplicationAssignment', body);
    expect(awsError(() => t.call(ops, 'DescribeApplicationAssignment', body)).type).toBe('ResourceNotFoundException');
  });

  it('lists a principal’s assignments across applications, filtered by application', () => {
    const t = testWorld();
    const wiki = createApp(t, 'Wiki');
    const sf = t.addApplication({ name: 'Salesforce', providerArn: CATALOG });
    const groupId = group(t, 'devs');
    for (const arn of [wiki, sf])
      t.call(ops, 'CreateApplicationAssignment', { ApplicationArn: arn, PrincipalType: 'GROUP', PrincipalId: groupId });
    const body = { InstanceArn: t.instanceArn, PrincipalType: 'GROUP', PrincipalId: groupId };
    expect(
      (t.call(ops, 'ListApplicationAssignmentsForPrincipal', body).ApplicationAssignments as Json[]).map((a) => a.ApplicationArn),
    ).toEqual([wiki, sf]);
    const filtered = t.call(ops, 'ListApplicationAssignmentsForPrincipal', { ...body, Filter: { ApplicationArn: sf } });
    expect(filtered.ApplicationAssignments).toEqual([{ ApplicationArn: sf, PrincipalType: 'GROUP', PrincipalId: groupId }]);
  });

  it('keeps the assignment configuration per application and requires the boolean', () => {
    const t = testWorld();
    const wiki = createApp(t, 'Wiki');
    const sf = t.addApplication({ name: 'Salesforce', providerArn: CATALOG, assignmentRequired: false });
    t.call(ops, 'PutApplicationAssignmentConfiguration', { ApplicationArn: wiki, AssignmentRequired: false });
    t.call(ops, 'PutApplicationAssignmentConfiguration', { ApplicationArn: sf, AssignmentRequired: true });
    expect(t.call(ops, 'GetApplicationAssignmentConfiguration', { ApplicationArn: wiki }).AssignmentRequired).toBe(false);
    expect(t.call(ops, 'GetApplicationAssignmentConfiguration', { ApplicationArn: sf }).AssignmentRequired).toBe(true);
    expect(awsError(() => t.call(ops, 'PutApplicationAssignmentConfiguration', { ApplicationArn: wiki })).message).toContain(
      'assignmentRequired',
    );
    expect(
      awsError(() => t.call(ops, 'PutApplicationAssignmentConfiguration', { ApplicationArn: wiki, AssignmentRequired: 'no' })).type,
    ).toBe('ValidationException');
  });
});

describe('sso-admin access control attributes (ABAC)', () => {
  const attribute = (key: string, source = '${path:enterprise.costCenter}') => ({ Key: key, Value: { Source: [source] } });
  const configBody = (t: TestWorld, attributes: unknown[]) => ({
    InstanceArn: t.instanceArn,
    InstanceAccessControlAttributeConfiguration: { AccessControlAttributes: attributes },
  });
  const describeAbac = (t: TestWorld) => t.call(ops, 'DescribeInstanceAccessControlAttributeConfiguration', { InstanceArn: t.instanceArn });

  it('is not found before it is created; created once, then a second create conflicts', () => {
    const t = testWorld();
    expect(awsError(() => describeAbac(t)).type).toBe('ResourceNotFoundException');
    t.call(ops, 'CreateInstanceAccessControlAttributeConfiguration', configBody(t, [attribute('CostCenter')]));
    expect(describeAbac(t)).toEqual({
      Status: 'ENABLED',
      InstanceAccessControlAttributeConfiguration: { AccessControlAttributes: [attribute('CostCenter')] },
    });
    expect(awsError(() => t.call(ops, 'CreateInstanceAccessControlAttributeConfiguration', configBody(t, []))).type).toBe(
      'ConflictException',
    );
  });

  it('replaces the whole set on update and forgets it on delete; both need an existing configuration', () => {
    const t = testWorld();
    expect(awsError(() => t.call(ops, 'UpdateInstanceAccessControlAttributeConfiguration', configBody(t, []))).type).toBe(
      'ResourceNotFoundException',
    );
    expect(awsError(() => t.call(ops, 'DeleteInstanceAccessControlAttributeConfiguration', { InstanceArn: t.instanceArn })).type).toBe(
      'ResourceNotFoundException',
    );
    t.call(
      ops,
      'CreateInstanceAccessControlAttributeConfiguration',
      configBody(t, [attribute('CostCenter'), attribute('Team', '${path:title}')]),
    );
    t.call(ops, 'UpdateInstanceAccessControlAttributeConfiguration', configBody(t, [attribute('Team', '${path:department}')]));
    expect(describeAbac(t).InstanceAccessControlAttributeConfiguration).toEqual({
      AccessControlAttributes: [attribute('Team', '${path:department}')],
    });
    t.call(ops, 'DeleteInstanceAccessControlAttributeConfiguration', { InstanceArn: t.instanceArn });
    expect(awsError(() => describeAbac(t)).type).toBe('ResourceNotFoundException');
  });

  it('accepts an empty list and 50 attributes, refuses 51', () => {
    const t = testWorld();
    t.call(ops, 'CreateInstanceAccessControlAttributeConfiguration', configBody(t, []));
    const fifty = Array.from({ length: 50 }, (_, i) => attribute(`k${i}`));
    t.call(ops, 'UpdateInstanceAccessControlAttributeConfiguration', configBody(t, fifty));
    expect(
      awsError(() => t.call(ops, 'UpdateInstanceAccessControlAttributeConfiguration', configBody(t, [...fifty, attribute('k50')]))).type,
    ).toBe('ValidationException');
  });

  it('validates keys, the single source and its pattern, and refuses a key given twice', () => {
    const t = testWorld();
    const refuse = (attributes: unknown[]) =>
      awsError(() => t.call(ops, 'CreateInstanceAccessControlAttributeConfiguration', configBody(t, attributes))).type;
    expect(refuse([attribute('has#hash')])).toBe('ValidationException');
    expect(refuse([attribute('')])).toBe('ValidationException');
    expect(refuse([attribute('k', 'semi;colon')])).toBe('ValidationException');
    expect(refuse([{ Key: 'k', Value: { Source: ['a', 'b'] } }])).toBe('ValidationException');
    expect(refuse([{ Key: 'k', Value: { Source: [] } }])).toBe('ValidationException');
    expect(refuse([attribute('k'), attribute('k')])).toBe('ValidationException');
    expect(awsError(() => describeAbac(t)).type).toBe('ResourceNotFoundException');
  });
});
