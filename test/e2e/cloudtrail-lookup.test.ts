// The CloudTrail reader of plan --attribute (src/aws/cloudtrail.ts) against the sandbox's
// LookupEvents: every page of an event name, parsed to plain events, and paced so that
// the documented 2 requests/s per account and Region is never exceeded.
import { CreateGroupCommand, IdentitystoreClient } from '@aws-sdk/client-identitystore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallStats } from '../../src/aws/call-stats.js';
import { openEventHistory } from '../../src/aws/cloudtrail.js';
import { EXAMPLE_MANAGEMENT_ACCOUNT, seedExampleOrganization } from '../../src/sandbox/example-org.js';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox.js';

const GROUPS = 60;

describe('reading the Event history through the sandbox', () => {
  let sandbox: TestSandbox;
  const window = () => ({ start: new Date(Date.now() - 3600_000), end: new Date(Date.now() + 60_000) });

  beforeAll(async () => {
    // tps > 0: the sandbox enforces CloudTrail's 2 lookups per second
    sandbox = await startTestSandbox({ tps: 1000 });
    seedExampleOrganization(sandbox.sandbox.world);
    const storeId = sandbox.sandbox.world.instances.values().next().value?.identityStoreId ?? '';
    const config = sandbox.clientConfig(EXAMPLE_MANAGEMENT_ACCOUNT);
    for (let i = 0; i < GROUPS; i++) {
      const person = new IdentitystoreClient({
        ...config,
        credentials: { ...config.credentials, accessKeyId: `${EXAMPLE_MANAGEMENT_ACCOUNT}-person${i}` },
      });
      await person.send(new CreateGroupCommand({ IdentityStoreId: storeId, DisplayName: `g${i}` }));
      person.destroy();
    }
  });

  // the SDK reads the endpoint and the keys from the environment, as in the CLI; restored after
  const saved = ['AWS_ENDPOINT_URL', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'].map((k) => [k, process.env[k]] as const);
  afterAll(async () => {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await sandbox?.stop();
  });

  const history = (stats: CallStats) => {
    const config = sandbox.clientConfig(EXAMPLE_MANAGEMENT_ACCOUNT);
    process.env.AWS_ENDPOINT_URL = sandbox.endpoint;
    process.env.AWS_ACCESS_KEY_ID = config.credentials.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = config.credentials.secretAccessKey;
    return openEventHistory({ maxAttempts: 1 }, config.region, stats);
  };

  it('reads every page of an event name, newest first, as plain events', async () => {
    const stats = new CallStats();
    const trail = history(stats);
    try {
      const events = await trail.eventsNamed('CreateGroup', window());
      expect(events).toHaveLength(GROUPS);
      expect(events[0]).toMatchObject({
        eventName: 'CreateGroup',
        eventSource: 'identitystore.amazonaws.com',
        principalType: 'AssumedRole',
        principalArn: `arn:aws:sts::${EXAMPLE_MANAGEMENT_ACCOUNT}:assumed-role/sandbox/person${GROUPS - 1}`,
        sessionName: `person${GROUPS - 1}`,
        sourceIPAddress: '127.0.0.1',
        requestParameters: { displayName: `g${GROUPS - 1}` },
      });
      // 50 per page at most
      expect(stats.snapshot().find((o) => o.operation === 'cloudtrail LookupEvents')?.calls).toBe(2);
    } finally {
      trail.close();
    }
  });

  it('paces its lookups to the documented limit: the sandbox never throttles one', async () => {
    sandbox.sandbox.resetStats();
    const stats = new CallStats();
    const trail = history(stats);
    try {
      for (const name of ['CreateGroup', 'UpdateGroup', 'DeleteGroup', 'CreateUser', 'UpdateUser']) await trail.eventsNamed(name, window());
    } finally {
      trail.close();
    }
    expect(sandbox.sandbox.stats().callsByService.cloudtrail.LookupEvents).toBe(6);
    expect(sandbox.sandbox.stats().throttled).toBe(0);
    expect(stats.snapshot().every((o) => o.throttled === 0)).toBe(true);
  });
});
