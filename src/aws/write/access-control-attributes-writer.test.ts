// The ABAC configuration against a real sso-admin client answered by middleware: the
// shapes sent and read; a conflict after which a read shows the goal holds is success, one
// that persists while it does not is retried and then fails; a create that meets another
// set writes over it; a configuration already gone on delete; and "no configuration" read
// from ResourceNotFoundException only.
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
const conflict = () => new ConflictException({ message: 'busy', ...meta });
const notFound = () => new ResourceNotFoundException({ message: 'none', ...meta });
const COST_CENTER = { key: 'CostCenter', source: ['${path:enterprise.costCenter}'] };
const SENT = { AccessControlAttributes: [{ Key: 'CostCenter', Value: { Source: ['${path:enterprise.costCenter}'] } }] };
const configured = (attributes: { Key: string; Value: { Source: string[] } }[]) => ({
  Status: 'ENABLED',
  InstanceAccessControlAttributeConfiguration: { AccessControlAttributes: attributes },
});

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

  it('is done when an update conflicts and the configuration already holds the same set, in another order', async () => {
    const { writer, calls } = answering({
      UpdateInstanceAccessControlAttributeConfiguration: [conflict()],
      DescribeInstanceAccessControlAttributeConfiguration: [
        configured([
          { Key: 'b', Value: { Source: ['${path:title}'] } },
          { Key: 'a', Value: { Source: ['${path:name.givenName}'] } },
        ]),
      ],
    });
    await writer.update([
      { key: 'a', source: ['${path:name.givenName}'] },
      { key: 'b', source: ['${path:title}'] },
    ]);
    expect(commandsOf(calls)).toEqual([
      'UpdateInstanceAccessControlAttributeConfiguration',
      'DescribeInstanceAccessControlAttributeConfiguration',
    ]);
  });

  it('retries a conflict while the configuration holds another set, and fails once the conflict persists', async () => {
    const other = configured([{ Key: 'CostCenter', Value: { Source: ['${path:title}'] } }]);
    const once = answering({
      UpdateInstanceAccessControlAttributeConfiguration: [conflict(), {}],
      DescribeInstanceAccessControlAttributeConfiguration: [other],
    });
    await once.writer.update([COST_CENTER]);
    expect(commandsOf(once.calls).filter((c) => c.startsWith('Update'))).toHaveLength(2);
    const always = answering({
      UpdateInstanceAccessControlAttributeConfiguration: [conflict()],
      DescribeInstanceAccessControlAttributeConfiguration: [other],
    });
    await expect(always.writer.update([COST_CENTER])).rejects.toThrow('busy');
  });

  it('writes the set over another configuration that a conflicting create met', async () => {
    const { writer, calls } = answering({
      CreateInstanceAccessControlAttributeConfiguration: [conflict()],
      DescribeInstanceAccessControlAttributeConfiguration: [configured([{ Key: 'Team', Value: { Source: ['${path:title}'] } }])],
      UpdateInstanceAccessControlAttributeConfiguration: [{}],
    });
    await writer.create([COST_CENTER]);
    expect(calls.at(-1)).toEqual({
      command: 'UpdateInstanceAccessControlAttributeConfiguration',
      input: { InstanceArn: INSTANCE, InstanceAccessControlAttributeConfiguration: SENT },
    });
  });

  it('is done when a create conflicts and the same set is configured already', async () => {
    const { writer, calls } = answering({
      CreateInstanceAccessControlAttributeConfiguration: [conflict()],
      DescribeInstanceAccessControlAttributeConfiguration: [configured(SENT.AccessControlAttributes)],
    });
    await writer.create([COST_CENTER]);
    expect(commandsOf(calls)).not.toContain('UpdateInstanceAccessControlAttributeConfiguration');
  });

  it('fails a conflict whose read-back fails, naming both', async () => {
    const { writer } = answering({
      UpdateInstanceAccessControlAttributeConfiguration: [conflict()],
      DescribeInstanceAccessControlAttributeConfiguration: [new AccessDeniedException({ message: 'denied', ...meta })],
    });
    await expect(writer.update([COST_CENTER])).rejects.toThrow(
      /UpdateInstanceAccessControlAttributeConfiguration: AWS answered a conflict.*denied/,
    );
  });

  it('is done deleting a configuration that is already gone, and fails on any other error', async () => {
    await answering({ DeleteInstanceAccessControlAttributeConfiguration: [notFound()] }).writer.delete();
    const denied = answering({
      DeleteInstanceAccessControlAttributeConfiguration: [new AccessDeniedException({ message: 'denied', ...meta })],
    });
    await expect(denied.writer.delete()).rejects.toThrow('denied');
  });
});

describe('readAccessControlAttributes', () => {
  it('reads the attributes of a configuration, and [] for one without any', async () => {
    const { reader } = answering({
      DescribeInstanceAccessControlAttributeConfiguration: [configured(SENT.AccessControlAttributes), configured([])],
    });
    await expect(readAccessControlAttributes(reader)).resolves.toEqual([COST_CENTER]);
    await expect(readAccessControlAttributes(reader)).resolves.toEqual([]);
  });

  it('reads ResourceNotFoundException as "no configuration", and fails on anything else naming the operation', async () => {
    const none = answering({ DescribeInstanceAccessControlAttributeConfiguration: [notFound()] });
    await expect(readAccessControlAttributes(none.reader)).resolves.toBeUndefined();
    const denied = answering({
      DescribeInstanceAccessControlAttributeConfiguration: [new AccessDeniedException({ message: 'denied', ...meta })],
    });
    const failure = readAccessControlAttributes(denied.reader);
    await expect(failure).rejects.toBeInstanceOf(AwsCallError);
    await expect(failure).rejects.toThrow(/DescribeInstanceAccessControlAttributeConfiguration/);
  });
});
