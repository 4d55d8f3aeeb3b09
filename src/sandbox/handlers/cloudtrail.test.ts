import { CloudTrailClient, LookupEventsCommand, type LookupEventsCommandInput } from '@aws-sdk/client-cloudtrail';
import { CreateGroupCommand, IdentitystoreClient, ListGroupsCommand } from '@aws-sdk/client-identitystore';
import { CreateOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { ListInstancesCommand, SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../server.js';

const ACCOUNT = '111122223333';

describe('sandbox CloudTrail: every write recorded, LookupEvents over them', () => {
  let sandbox: SandboxHandle;
  let storeId: string;
  const clients: { destroy(): void }[] = [];
  const config = (accessKeyId: string, region = 'us-east-1') => ({
    endpoint: sandbox.endpoint,
    region,
    credentials: { accessKeyId, secretAccessKey: 'x' },
    maxAttempts: 1,
  });
  const trail = (accessKeyId = ACCOUNT, region = 'us-east-1') => {
    const client = new CloudTrailClient(config(accessKeyId, region));
    clients.push(client);
    return client;
  };
  const store = (accessKeyId: string) => {
    const client = new IdentitystoreClient(config(accessKeyId));
    clients.push(client);
    return client;
  };
  const lookup = (input: LookupEventsCommandInput, accessKeyId = ACCOUNT, region = 'us-east-1') =>
    trail(accessKeyId, region).send(new LookupEventsCommand(input));
  const createGroup = (accessKeyId: string, name: string) =>
    store(accessKeyId).send(new CreateGroupCommand({ IdentityStoreId: storeId, DisplayName: name }));

  beforeAll(async () => {
    sandbox = await startSandbox({ tps: 0, randomSeed: 1 });
  });
  beforeEach(async () => {
    sandbox.reset();
    const org = new OrganizationsClient(config(ACCOUNT));
    clients.push(org);
    await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    const sso = new SSOAdminClient(config(ACCOUNT));
    clients.push(sso);
    storeId = (await sso.send(new ListInstancesCommand({}))).Instances?.[0]?.IdentityStoreId ?? '';
  });
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    await sandbox?.stop();
  });

  it('records who wrote, from where, with the request and answer, in the CloudTrail record format', async () => {
    const created = await createGroup(`${ACCOUNT}-mallory`, 'shadow-admins');
    const out = await lookup({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateGroup' }] });
    expect(out.Events).toHaveLength(1);
    const event = out.Events?.[0];
    expect(event).toMatchObject({
      EventName: 'CreateGroup',
      EventSource: 'identitystore.amazonaws.com',
      Username: 'mallory',
      ReadOnly: 'false',
      AccessKeyId: `${ACCOUNT}-mallory`,
    });
    expect(event?.EventTime).toBeInstanceOf(Date);
    expect(event?.Resources).toContainEqual({ ResourceType: 'AWS::IdentityStore::Group', ResourceName: created.GroupId });
    const record = JSON.parse(event?.CloudTrailEvent ?? '{}') as Record<string, unknown>;
    expect(record).toMatchObject({
      eventSource: 'identitystore.amazonaws.com',
      eventName: 'CreateGroup',
      awsRegion: 'us-east-1',
      sourceIPAddress: '127.0.0.1',
      recipientAccountId: ACCOUNT,
      readOnly: false,
      eventType: 'AwsApiCall',
      userIdentity: {
        type: 'AssumedRole',
        arn: `arn:aws:sts::${ACCOUNT}:assumed-role/sandbox/mallory`,
        accountId: ACCOUNT,
        sessionContext: { sessionIssuer: { type: 'Role', arn: `arn:aws:iam::${ACCOUNT}:role/sandbox` } },
      },
      requestParameters: { identityStoreId: storeId, displayName: 'shadow-admins' },
      responseElements: { groupId: created.GroupId },
    });
    expect(record.eventID).toBe(event?.EventId);
  });

  it('records organizations and sso writes too, and no reads', async () => {
    await store(ACCOUNT).send(new ListGroupsCommand({ IdentityStoreId: storeId }));
    const out = await lookup({});
    expect(out.Events?.map((e) => [e.EventSource, e.EventName, e.Username])).toEqual([
      ['organizations.amazonaws.com', 'CreateOrganization', 'root'],
    ]);
  });

  it('records a failed write with its errorCode', async () => {
    await createGroup(ACCOUNT, 'dup');
    await expect(createGroup(ACCOUNT, 'dup')).rejects.toThrow();
    const out = await lookup({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateGroup' }] });
    const records = (out.Events ?? []).map((e) => JSON.parse(e.CloudTrailEvent ?? '{}') as { errorCode?: string });
    expect(records.map((r) => r.errorCode)).toEqual(['ConflictException', undefined]);
  });

  it('shows an account only its own events, in the region they happened in', async () => {
    await createGroup(ACCOUNT, 'mine');
    expect((await lookup({}, '444455556666')).Events).toEqual([]);
    expect((await lookup({}, ACCOUNT, 'eu-west-1')).Events).toEqual([]);
  });

  it('filters by each lookup attribute', async () => {
    const created = await createGroup(`${ACCOUNT}-alice`, 'a');
    await createGroup(`${ACCOUNT}-bob`, 'b');
    const names = async (key: string, value: string) =>
      (await lookup({ LookupAttributes: [{ AttributeKey: key as 'Username', AttributeValue: value }] })).Events?.map((e) => e.Username);
    expect(await names('Username', 'alice')).toEqual(['alice']);
    expect(await names('AccessKeyId', `${ACCOUNT}-bob`)).toEqual(['bob']);
    expect(await names('ResourceName', created.GroupId ?? '')).toEqual(['alice']);
    expect(await names('ResourceType', 'AWS::IdentityStore::Group')).toEqual(['bob', 'alice']);
    expect(await names('EventSource', 'identitystore.amazonaws.com')).toEqual(['bob', 'alice']);
    expect(await names('ReadOnly', 'true')).toEqual([]);
  });

  it('refuses two lookup attributes, an unknown key, MaxResults above 50 and a start after the end', async () => {
    await expect(
      lookup({
        LookupAttributes: [
          { AttributeKey: 'EventName', AttributeValue: 'CreateGroup' },
          { AttributeKey: 'Username', AttributeValue: 'root' },
        ],
      }),
    ).rejects.toMatchObject({ name: 'InvalidLookupAttributesException' });
    await expect(lookup({ LookupAttributes: [{ AttributeKey: 'Colour' as 'Username', AttributeValue: 'x' }] })).rejects.toMatchObject({
      name: 'InvalidLookupAttributesException',
    });
    await expect(lookup({ MaxResults: 51 })).rejects.toMatchObject({ name: 'InvalidMaxResultsException' });
    await expect(lookup({ StartTime: new Date(2_000_000), EndTime: new Date(1_000_000) })).rejects.toMatchObject({
      name: 'InvalidTimeRangeException',
    });
  });

  it('keeps to StartTime/EndTime and to the last 90 days', async () => {
    await createGroup(ACCOUNT, 'now');
    const future = new Date(Date.now() + 3600_000);
    expect((await lookup({ StartTime: future, EndTime: new Date(future.getTime() + 1000) })).Events).toEqual([]);
    await expect(lookup({ StartTime: future })).rejects.toMatchObject({ name: 'InvalidTimeRangeException' });
    expect((await lookup({ EndTime: new Date(Date.now() - 3600_000) })).Events).toEqual([]);
    const old = sandbox.world.trail.all().at(-1);
    if (old) old.eventTime -= 91 * 24 * 3600;
    const names = (await lookup({ StartTime: new Date(0) })).Events?.map((e) => e.EventName);
    expect(names).not.toContain('CreateGroup');
  });

  it('pages most recent first and refuses a NextToken of other parameters', async () => {
    for (const name of ['g1', 'g2', 'g3', 'g4', 'g5']) await createGroup(ACCOUNT, name);
    const query = { LookupAttributes: [{ AttributeKey: 'EventName' as const, AttributeValue: 'CreateGroup' }], MaxResults: 2 };
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await lookup({ ...query, ...(token ? { NextToken: token } : {}) });
      pages++;
      for (const e of page.Events ?? [])
        seen.push((JSON.parse(e.CloudTrailEvent ?? '{}') as { requestParameters: { displayName: string } }).requestParameters.displayName);
      token = page.NextToken;
      if (pages === 1 && token)
        await expect(lookup({ MaxResults: 2, NextToken: token })).rejects.toMatchObject({ name: 'InvalidNextTokenException' });
    } while (token);
    expect(pages).toBe(3);
    expect(seen).toEqual(['g5', 'g4', 'g3', 'g2', 'g1']);
  });

  it('answers AccessDeniedException when the denials switch names LookupEvents', async () => {
    const res = await fetch(`${sandbox.endpoint}/_sandbox/denials`, {
      method: 'POST',
      body: JSON.stringify({ operations: ['LookupEvents'] }),
    });
    expect(res.status).toBe(200);
    try {
      await expect(lookup({})).rejects.toMatchObject({ name: 'AccessDeniedException' });
    } finally {
      await fetch(`${sandbox.endpoint}/_sandbox/denials`, { method: 'POST', body: JSON.stringify({ operations: [] }) });
    }
    await expect(lookup({})).resolves.toBeDefined();
  });

  it('refuses a denials body that is not a list of operation names, changing nothing', async () => {
    for (const body of ['{"operations":"LookupEvents"}', '{"operations":["lookup events"]}', '{}']) {
      const res = await fetch(`${sandbox.endpoint}/_sandbox/denials`, { method: 'POST', body });
      expect(res.status, body).toBe(400);
    }
    await expect(lookup({})).resolves.toBeDefined();
  });
});

describe('sandbox CloudTrail rate limit', () => {
  it('throttles LookupEvents beyond 2 requests per second per account and region', async () => {
    const sandbox = await startSandbox({ tps: 20, randomSeed: 1 });
    const client = (region: string) =>
      new CloudTrailClient({
        endpoint: sandbox.endpoint,
        region,
        credentials: { accessKeyId: ACCOUNT, secretAccessKey: 'x' },
        maxAttempts: 1,
      });
    const east = client('us-east-1');
    const west = client('us-west-2');
    try {
      // the bucket holds 2: three calls in a row cannot all pass
      const results = await Promise.allSettled([1, 2, 3].map(() => east.send(new LookupEventsCommand({}))));
      expect(results.filter((r) => r.status === 'rejected').map((r) => r.reason as Error)).toEqual([
        expect.objectContaining({ name: 'ThrottlingException' }),
      ]);
      // another region has its own bucket
      await expect(west.send(new LookupEventsCommand({}))).resolves.toBeDefined();
      expect(sandbox.stats().throttled).toBe(1);
    } finally {
      east.destroy();
      west.destroy();
      await sandbox.stop();
    }
  });
});

describe('sandbox CloudTrail target', () => {
  it('answers the AWS CLI full target prefix like the JS SDK short one', async () => {
    const sandbox = await startSandbox({ tps: 0, randomSeed: 1 });
    try {
      const res = await fetch(sandbox.endpoint, {
        method: 'POST',
        headers: {
          'x-amz-target': 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents',
          'content-type': 'application/x-amz-json-1.1',
        },
        body: '{}',
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ Events: [] });
    } finally {
      await sandbox.stop();
    }
  });
});
