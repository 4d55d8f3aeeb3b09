// Pins the moto helper: a private server per suite, account selection by header and by
// access key, reset, and a stop that really ends the process it started.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateOrganizationCommand, DescribeOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { createMotoAccessKey, motoClientConfig, requireMoto, startMoto, type MotoServer } from './moto.js';

const hasMoto = requireMoto();

describe.runIf(hasMoto)('moto helper', () => {
  let moto: MotoServer;
  beforeAll(async () => {
    moto = await startMoto();
  });
  afterAll(async () => {
    await moto?.stop();
  });

  it('serves on 127.0.0.1 and selects the account from the client config', async () => {
    expect(moto.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const org = new OrganizationsClient(motoClientConfig(moto.endpoint, '111122223333'));
    const created = await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    expect(created.Organization?.MasterAccountId).toBe('111122223333');
  });

  it('maps an access key made by createMotoAccessKey back to its account', async () => {
    const key = await createMotoAccessKey(moto.endpoint, '444455556666');
    const org = new OrganizationsClient({ endpoint: moto.endpoint, region: 'us-east-1', credentials: key });
    const created = await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    expect(created.Organization?.MasterAccountId).toBe('444455556666');
  });

  it('reset forgets the organizations created so far', async () => {
    const org = new OrganizationsClient(motoClientConfig(moto.endpoint, '777788889999'));
    await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    await moto.reset();
    await expect(org.send(new DescribeOrganizationCommand({}))).rejects.toThrow(/organization/i);
  });

  it('stop ends the process it started', async () => {
    const second = await startMoto();
    await second.stop();
    expect(() => process.kill(second.pid, 0)).toThrow();
  });
});
