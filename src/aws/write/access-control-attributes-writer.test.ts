// The ABAC configuration against a real sso-admin client answered by middleware: the
// shapes sent and read, a conflict retried, a configuration already gone on delete, and
// "no configuration" read from ResourceNotFoundException only.
import { AccessDeniedException, ConflictException, ResourceNotFoundException } from '@aws-sdk/client-sso-admin';
import { describe, expect, it } from 'vitest';
import { withConflictRetry } from '../conflict-retry.js';
import { AwsCallError } from '../errors.js';
import { readAccessControlAttributes } from '../kinds/access-control-attributes.js';
import { AccessControlAttributesWriter } from './access-control-attributes-writer.js';
import { commandsOf, scripted, ssoAdminAnswering } from './testing/sdk-answers.js';

const INSTANCE = 'arn:aws:sso:::instance/ssoins-1';
const retry = <T>(label: string, fn: () => Promise<T>) =>
  withConflictRetry(fn, label, { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1, sleep: async () => {}, random: () => 0 });
const meta = { $metadata: {} };
const COST_CENTER = { key: 'CostCenter', source: ['${path:enterprise.costCenter}'] };
const SENT = { AccessControlAttributes: [{ Key: 'CostCenter', Value: { Source: ['${path:enterprise.costCenter}'] } }] };

function answering(script: Parameters<typeof scripted>[0]) {
  const { client, calls } = ssoAdminAnswering(scripted(script));
  return {
    writer: new AccessControlAttributesWriter(client, INSTANCE, retry),
    reader: { clients: { ssoAdmin: client }, instanceArn: INSTANCE },
    calls,
  };
}

describe('AccessControlAttributesWriter', () => {
  it('sends the whole configuration in the model shape on create and update', async () => {
    const { writer, calls } = answering({
      CreateInstanceAccessControlAttributeConfiguration: [{}],
      UpdateInstanceAccessControlAttributeConfiguration: [{}],
    });
    await writer.create([COST_CENTER]);
    await writer.update([COST_CENTER]);
    expect(calls).toEqual([
      {
        command: 'CreateInstanceAccessControlAttributeConfiguration',
        input: { InstanceArn: INSTANCE, InstanceAccessControlAttributeConfiguration: SENT },
      },
      {
        command: 'UpdateInstanceAccessControlAttributeConfiguration',
        input: { InstanceArn: INSTANCE, InstanceAccessControlAttributeConfiguration: SENT },
      },
    ]);
  });

  it('retries a conflict, and fails once the conflict persists', async () => {
    const conflict = new ConflictException({ message: 'busy', ...meta });
    const once = answering({ UpdateInstanceAccessControlAttributeConfiguration: [conflict, {}] });
    await once.writer.update([COST_CENTER]);
    expect(commandsOf(once.calls)).toHaveLength(2);
    const always = answering({ UpdateInstanceAccessControlAttributeConfiguration: [conflict] });
    await expect(always.writer.update([COST_CENTER])).rejects.toThrow('busy');
  });

  it('is done deleting a configuration that is already gone, and fails on any other error', async () => {
    await answering({
      DeleteInstanceAccessControlAttributeConfiguration: [new ResourceNotFoundException({ message: 'none', ...meta })],
    }).writer.delete();
    const denied = answering({
      DeleteInstanceAccessControlAttributeConfiguration: [new AccessDeniedException({ message: 'denied', ...meta })],
    });
    await expect(denied.writer.delete()).rejects.toThrow('denied');
  });
});

describe('readAccessControlAttributes', () => {
  it('reads the attributes of a configuration, and [] for one without any', async () => {
    const { reader } = answering({
      DescribeInstanceAccessControlAttributeConfiguration: [
        { Status: 'ENABLED', InstanceAccessControlAttributeConfiguration: SENT },
        { Status: 'ENABLED', InstanceAccessControlAttributeConfiguration: { AccessControlAttributes: [] } },
      ],
    });
    await expect(readAccessControlAttributes(reader)).resolves.toEqual([COST_CENTER]);
    await expect(readAccessControlAttributes(reader)).resolves.toEqual([]);
  });

  it('reads ResourceNotFoundException as "no configuration", and nothing else', async () => {
    const none = answering({
      DescribeInstanceAccessControlAttributeConfiguration: [new ResourceNotFoundException({ message: 'none', ...meta })],
    });
    await expect(readAccessControlAttributes(none.reader)).resolves.toBeUndefined();
    const denied = answering({
      DescribeInstanceAccessControlAttributeConfiguration: [new AccessDeniedException({ message: 'denied', ...meta })],
    });
    await expect(readAccessControlAttributes(denied.reader)).rejects.toBeInstanceOf(AwsCallError);
  });
});
