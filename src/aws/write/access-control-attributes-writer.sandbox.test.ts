// The ABAC writer and reader against the in-process sandbox: the SDK's real serializers,
// a configuration created, replaced and deleted, and the conflict rules of create.
import { SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestSandbox, type TestSandbox } from '../../../test/helpers/sandbox.js';
import { withConflictRetry } from '../conflict-retry.js';
import { readAccessControlAttributes } from '../kinds/access-control-attributes.js';
import { AccessControlAttributesWriter } from './access-control-attributes-writer.js';

const ACCOUNT = '210000000002';
const retry = <T>(label: string, fn: () => Promise<T>) =>
  withConflictRetry(fn, label, { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1, sleep: async () => {} });
const costCenter = { key: 'CostCenter', source: ['${path:enterprise.costCenter}'] };
const department = { key: 'Department', source: ['${path:enterprise.department}'] };

let sandbox: TestSandbox;
let sso: SSOAdminClient;
let writer: AccessControlAttributesWriter;
let ctx: { clients: { ssoAdmin: SSOAdminClient }; instanceArn: string };

beforeAll(async () => {
  sandbox = await startTestSandbox();
  sso = new SSOAdminClient(sandbox.clientConfig(ACCOUNT));
});

afterAll(async () => {
  sso.destroy();
  await sandbox.stop();
});

beforeEach(() => {
  sandbox.sandbox.reset();
  const { instanceArn } = sandbox.sandbox.world.createOrganization(ACCOUNT);
  writer = new AccessControlAttributesWriter(sso, instanceArn, retry);
  ctx = { clients: { ssoAdmin: sso }, instanceArn };
});

describe('ABAC attributes read and written through the SDK', () => {
  it('reads no configuration before one is created, then the set created, replaced and deleted', async () => {
    expect(await readAccessControlAttributes(ctx)).toBeUndefined();
    await writer.create([costCenter]);
    expect(await readAccessControlAttributes(ctx)).toEqual([costCenter]);
    await writer.update([department, costCenter]);
    expect(await readAccessControlAttributes(ctx)).toEqual([department, costCenter]);
    await writer.delete();
    await writer.delete();
    expect(await readAccessControlAttributes(ctx)).toBeUndefined();
  });

  it('a create that meets an existing configuration with another set writes the set over it', async () => {
    await writer.create([costCenter]);
    await writer.create([department]);
    expect(await readAccessControlAttributes(ctx)).toEqual([department]);
  });

  it('a create that meets the same set already configured is done', async () => {
    await writer.create([costCenter]);
    sandbox.sandbox.resetStats();
    await writer.create([costCenter]);
    expect(sandbox.sandbox.stats().calls.UpdateInstanceAccessControlAttributeConfiguration).toBeUndefined();
  });
});
