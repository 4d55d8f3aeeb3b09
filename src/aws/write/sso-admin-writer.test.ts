import { ConflictException, SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { describe, expect, it } from 'vitest';
import { aPermissionSet } from '../../testing/builders.js';
import { AsyncPoller } from './poll.js';
import { SsoAdminWriter } from './sso-admin-writer.js';

/** A real client whose answers come from `answer` (by command name), never from the network. */
function clientAnswering(answer: (command: string, input: Record<string, unknown>) => unknown): { client: SSOAdminClient; calls: string[] } {
  const client = new SSOAdminClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
  const calls: string[] = [];
  client.middlewareStack.add(
    (_next, context) => async (args) => {
      const name = (context.commandName ?? '').replace(/Command$/, '');
      calls.push(name);
      return { output: { $metadata: {}, ...(answer(name, args.input as Record<string, unknown>) as object) }, response: {} };
    },
    { step: 'initialize', priority: 'high', name: 'fakeAnswers' },
  );
  return { client, calls };
}

const noRetry = <T>(_label: string, fn: () => Promise<T>) => fn();

describe('SsoAdminWriter.createPermissionSet', () => {
  it('adopts the set when the create answer was lost and the retried create conflicts', async () => {
    const { client, calls } = clientAnswering((command, input) => {
      if (command === 'CreatePermissionSet') throw new ConflictException({ message: 'PermissionSet with name Ops already exists', $metadata: {} });
      if (command === 'ListPermissionSets') return { PermissionSets: ['arn:ps/other', 'arn:ps/ops'] };
      if (command === 'DescribePermissionSet') return { PermissionSet: { Name: input.PermissionSetArn === 'arn:ps/ops' ? 'Ops' : 'Other' } };
      throw new Error(`unexpected ${command}`);
    });
    const writer = new SsoAdminWriter(client, 'arn:instance', noRetry, new AsyncPoller());
    expect(await writer.createPermissionSet(aPermissionSet({ name: 'Ops' }))).toBe('arn:ps/ops');
    expect(calls).toEqual(['CreatePermissionSet', 'ListPermissionSets', 'DescribePermissionSet', 'DescribePermissionSet']);
  });

  it('passes a conflict on when no set of that name exists (a conflict of another kind)', async () => {
    const { client } = clientAnswering((command) => {
      if (command === 'CreatePermissionSet') throw new ConflictException({ message: 'concurrent modification', $metadata: {} });
      if (command === 'ListPermissionSets') return { PermissionSets: [] };
      throw new Error(`unexpected ${command}`);
    });
    const writer = new SsoAdminWriter(client, 'arn:instance', noRetry, new AsyncPoller());
    await expect(writer.createPermissionSet(aPermissionSet({ name: 'Ops' }))).rejects.toBeInstanceOf(ConflictException);
  });
});
