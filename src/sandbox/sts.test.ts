import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from './server.js';

describe('STS GetCallerIdentity in the sandbox', () => {
  let sandbox: SandboxHandle;
  beforeAll(async () => {
    sandbox = await startSandbox({ tps: 0, randomSeed: 1 });
  });
  afterAll(async () => {
    await sandbox?.stop();
  });

  it('answers the account of the 12-digit access key id through the real SDK client', async () => {
    const sts = new STSClient({
      endpoint: sandbox.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: '444455556666', secretAccessKey: 'x' },
    });
    const out = await sts.send(new GetCallerIdentityCommand({}));
    sts.destroy();
    expect(out.Account).toBe('444455556666');
    expect(out.Arn).toBe('arn:aws:iam::444455556666:root');
  });

  it('answers a named identity <account>-<name> as the assumed role sandbox with that session name', async () => {
    const sts = new STSClient({
      endpoint: sandbox.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: '444455556666-mallory', secretAccessKey: 'x' },
    });
    const out = await sts.send(new GetCallerIdentityCommand({}));
    sts.destroy();
    expect(out.Account).toBe('444455556666');
    expect(out.Arn).toBe('arn:aws:sts::444455556666:assumed-role/sandbox/mallory');
    expect(out.UserId).toMatch(/^AROA[0-9A-Z]{17}:mallory$/);
  });
});
