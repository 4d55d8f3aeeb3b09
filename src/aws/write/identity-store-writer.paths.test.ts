// Every write path of IdentityStoreWriter against a real identitystore client answered by
// middleware: success, "already exists" (UNIQUENESS_CONSTRAINT_VIOLATION), a conflict
// without a Reason, CONCURRENT_MODIFICATION, not found on delete, exhausted retries.
import { ConflictException, ResourceNotFoundException } from '@aws-sdk/client-identitystore';
import { describe, expect, it } from 'vitest';
import { IdentityStoreWriter } from './identity-store-writer.js';
import { quickRetry } from './testing/quick-writers.js';
import { commandsOf, identityStoreAnswering, scripted } from './testing/sdk-answers.js';

type Reason = 'UNIQUENESS_CONSTRAINT_VIOLATION' | 'CONCURRENT_MODIFICATION';
const conflict = (reason?: Reason) =>
  new ConflictException({ message: `conflict ${reason ?? '(no reason)'}`, $metadata: {}, ...(reason ? { Reason: reason } : {}) });
const notFound = () => new ResourceNotFoundException({ message: 'not found', $metadata: {} });

function writerAnswering(script: Parameters<typeof scripted>[0]) {
  const { client, calls } = identityStoreAnswering(scripted(script));
  return { writer: new IdentityStoreWriter(client, 'd-1', quickRetry), calls };
}

const alice = {
  userName: 'alice',
  displayName: 'Alice L',
  givenName: 'Alice',
  familyName: 'L',
  emails: [{ value: 'alice@example.com', type: 'work', primary: true }],
};
const aliceLive = {
  UserId: 'u-1',
  IdentityStoreId: 'd-1',
  UserName: 'alice',
  DisplayName: 'Alice L',
  Name: { GivenName: 'Alice', FamilyName: 'L' },
  Emails: [{ Value: 'alice@example.com', Type: 'work', Primary: true }],
};

describe('IdentityStoreWriter.createUser', () => {
  it('returns the id of the user it created', async () => {
    const { writer, calls } = writerAnswering({ CreateUser: [{ UserId: 'u-1', IdentityStoreId: 'd-1' }] });
    await expect(writer.createUser(alice)).resolves.toBe('u-1');
    expect(commandsOf(calls)).toEqual(['CreateUser']);
  });

  it('adopts a user that already exists with the same attributes, without updating it', async () => {
    const { writer, calls } = writerAnswering({
      CreateUser: [conflict('UNIQUENESS_CONSTRAINT_VIOLATION')],
      GetUserId: [{ UserId: 'u-1', IdentityStoreId: 'd-1' }],
      DescribeUser: [aliceLive],
    });
    await expect(writer.createUser(alice)).resolves.toBe('u-1');
    expect(commandsOf(calls)).toEqual(['CreateUser', 'GetUserId', 'DescribeUser']);
  });

  it('updates an adopted user whose attributes differ, so that the run ends converged', async () => {
    const { writer, calls } = writerAnswering({
      CreateUser: [conflict('UNIQUENESS_CONSTRAINT_VIOLATION')],
      GetUserId: [{ UserId: 'u-1', IdentityStoreId: 'd-1' }],
      DescribeUser: [{ ...aliceLive, DisplayName: 'Console Alice', Title: 'Intern' }],
      UpdateUser: [{}],
    });
    await expect(writer.createUser(alice)).resolves.toBe('u-1');
    expect(calls.at(-1)).toEqual({
      command: 'UpdateUser',
      input: {
        IdentityStoreId: 'd-1',
        UserId: 'u-1',
        Operations: [{ AttributePath: 'displayName', AttributeValue: 'Alice L' }, { AttributePath: 'title' }],
      },
    });
  });

  it('compares an adopted user on every attribute, enterprise extension included, which DescribeUser is asked for', async () => {
    const wanted = { ...alice, phoneNumbers: [{ value: '+1 555 0100', type: 'work' }], enterprise: { costCenter: 'CC-1' } };
    const { writer, calls } = writerAnswering({
      CreateUser: [conflict('UNIQUENESS_CONSTRAINT_VIOLATION')],
      GetUserId: [{ UserId: 'u-1', IdentityStoreId: 'd-1' }],
      DescribeUser: [
        {
          ...aliceLive,
          PhoneNumbers: [{ Value: '+1 555 0199', Type: 'work' }],
          Extensions: { 'aws:identitystore:enterprise': { costCenter: 'CC-1' } },
        },
      ],
      UpdateUser: [{}],
    });
    await expect(writer.createUser(wanted)).resolves.toBe('u-1');
    expect(calls.find((c) => c.command === 'DescribeUser')?.input).toMatchObject({ Extensions: ['aws:identitystore:enterprise'] });
    expect(calls.at(-1)?.input).toMatchObject({
      Operations: [{ AttributePath: 'phoneNumbers', AttributeValue: [{ Value: '+1 555 0100', Type: 'work' }] }],
    });
  });

  it('fails naming the differences when the adopted user cannot be brought to what the files want', async () => {
    const { writer } = writerAnswering({
      CreateUser: [conflict('UNIQUENESS_CONSTRAINT_VIOLATION')],
      GetUserId: [{ UserId: 'u-1', IdentityStoreId: 'd-1' }],
      DescribeUser: [{ ...aliceLive, Title: 'Intern' }],
      UpdateUser: [new Error('AccessDeniedException: not allowed')],
    });
    await expect(writer.createUser(alice)).rejects.toThrow(
      'user "alice" already existed (created outside this run) and differs in title; updating it failed: AccessDeniedException: not allowed',
    );
  });

  it('retries a conflict without a Reason and fails when it persists and no such user exists: it is not "already exists"', async () => {
    const { writer, calls } = writerAnswering({ CreateUser: [conflict()], GetUserId: [notFound()] });
    await expect(writer.createUser(alice)).rejects.toThrow('CreateUser alice: still conflicting after 3 attempts');
    expect(commandsOf(calls)).toEqual(['CreateUser', 'CreateUser', 'CreateUser', 'GetUserId']);
  });

  it('retries a concurrent modification until CreateUser succeeds', async () => {
    const { writer, calls } = writerAnswering({
      CreateUser: [conflict('CONCURRENT_MODIFICATION'), { UserId: 'u-2', IdentityStoreId: 'd-1' }],
    });
    await expect(writer.createUser(alice)).resolves.toBe('u-2');
    expect(commandsOf(calls)).toEqual(['CreateUser', 'CreateUser']);
  });

  it('adopts (and compares) the user when conflicts persist because another writer created it meanwhile', async () => {
    const { writer, calls } = writerAnswering({
      CreateUser: [conflict('CONCURRENT_MODIFICATION')],
      GetUserId: [{ UserId: 'u-9', IdentityStoreId: 'd-1' }],
      DescribeUser: [{ ...aliceLive, UserId: 'u-9' }],
    });
    await expect(writer.createUser(alice)).resolves.toBe('u-9');
    expect(commandsOf(calls)).toEqual(['CreateUser', 'CreateUser', 'CreateUser', 'GetUserId', 'DescribeUser']);
  });

  it('names the contradiction when AWS says "already exists" but no user of that name is found', async () => {
    const { writer } = writerAnswering({ CreateUser: [conflict('UNIQUENESS_CONSTRAINT_VIOLATION')], GetUserId: [notFound()] });
    await expect(writer.createUser(alice)).rejects.toThrow(
      'user "alice": AWS answers that it already exists, but no user of that name is found',
    );
  });
});

describe('IdentityStoreWriter.createGroup', () => {
  it('returns the id of the group it created', async () => {
    const { writer } = writerAnswering({ CreateGroup: [{ GroupId: 'g-1', IdentityStoreId: 'd-1' }] });
    await expect(writer.createGroup('Ops', 'on call')).resolves.toBe('g-1');
  });

  it('adopts an existing group and sets the description the files want', async () => {
    const { writer, calls } = writerAnswering({
      CreateGroup: [conflict('UNIQUENESS_CONSTRAINT_VIOLATION')],
      GetGroupId: [{ GroupId: 'g-1', IdentityStoreId: 'd-1' }],
      DescribeGroup: [{ GroupId: 'g-1', IdentityStoreId: 'd-1', DisplayName: 'Ops', Description: 'made in the console' }],
      UpdateGroup: [{}],
    });
    await expect(writer.createGroup('Ops', 'on call')).resolves.toBe('g-1');
    expect(calls.at(-1)).toEqual({
      command: 'UpdateGroup',
      input: { IdentityStoreId: 'd-1', GroupId: 'g-1', Operations: [{ AttributePath: 'description', AttributeValue: 'on call' }] },
    });
  });

  it('adopts an existing group that already matches without writing', async () => {
    const { writer, calls } = writerAnswering({
      CreateGroup: [conflict('UNIQUENESS_CONSTRAINT_VIOLATION')],
      GetGroupId: [{ GroupId: 'g-1', IdentityStoreId: 'd-1' }],
      DescribeGroup: [{ GroupId: 'g-1', IdentityStoreId: 'd-1', DisplayName: 'Ops' }],
    });
    await expect(writer.createGroup('Ops', undefined)).resolves.toBe('g-1');
    expect(commandsOf(calls)).toEqual(['CreateGroup', 'GetGroupId', 'DescribeGroup']);
  });

  it('fails on a persisting conflict without a Reason when no such group exists', async () => {
    const { writer } = writerAnswering({ CreateGroup: [conflict()], GetGroupId: [notFound()] });
    await expect(writer.createGroup('Ops', undefined)).rejects.toThrow('CreateGroup Ops: still conflicting after 3 attempts');
  });

  it('retries a concurrent modification until CreateGroup succeeds', async () => {
    const { writer } = writerAnswering({
      CreateGroup: [conflict('CONCURRENT_MODIFICATION'), conflict(), { GroupId: 'g-2', IdentityStoreId: 'd-1' }],
    });
    await expect(writer.createGroup('Ops', undefined)).resolves.toBe('g-2');
  });
});

describe('IdentityStoreWriter.createMembership', () => {
  it('succeeds when CreateGroupMembership does', async () => {
    const { writer } = writerAnswering({ CreateGroupMembership: [{ MembershipId: 'm-1', IdentityStoreId: 'd-1' }] });
    await expect(writer.createMembership('g-1', 'u-1')).resolves.toBeUndefined();
  });

  it('counts "already a member" (UNIQUENESS_CONSTRAINT_VIOLATION) as done', async () => {
    const { writer, calls } = writerAnswering({ CreateGroupMembership: [conflict('UNIQUENESS_CONSTRAINT_VIOLATION')] });
    await expect(writer.createMembership('g-1', 'u-1')).resolves.toBeUndefined();
    expect(commandsOf(calls)).toEqual(['CreateGroupMembership']);
  });

  it('fails when conflicts without a Reason persist and the user is not a member: the write did not happen', async () => {
    const { writer, calls } = writerAnswering({ CreateGroupMembership: [conflict()], GetGroupMembershipId: [notFound()] });
    await expect(writer.createMembership('g-1', 'u-1')).rejects.toThrow(
      'CreateGroupMembership g-1 u-1: still conflicting after 3 attempts',
    );
    expect(commandsOf(calls).filter((c) => c === 'CreateGroupMembership')).toHaveLength(3);
  });

  it('succeeds on a conflict when GetGroupMembershipId shows the membership exists', async () => {
    const { writer, calls } = writerAnswering({
      CreateGroupMembership: [conflict()],
      GetGroupMembershipId: [{ MembershipId: 'm-1', IdentityStoreId: 'd-1' }],
    });
    await expect(writer.createMembership('g-1', 'u-1')).resolves.toBeUndefined();
    expect(commandsOf(calls)).toEqual(['CreateGroupMembership', 'GetGroupMembershipId']);
  });

  it('retries a concurrent modification until it succeeds', async () => {
    const { writer } = writerAnswering({
      CreateGroupMembership: [conflict('CONCURRENT_MODIFICATION'), { MembershipId: 'm-1', IdentityStoreId: 'd-1' }],
      GetGroupMembershipId: [notFound()],
    });
    await expect(writer.createMembership('g-1', 'u-1')).resolves.toBeUndefined();
  });
});

describe.each([
  ['deleteUser', 'DeleteUser', 'DescribeUser', (w: IdentityStoreWriter) => w.deleteUser('u-1')],
  ['deleteGroup', 'DeleteGroup', 'DescribeGroup', (w: IdentityStoreWriter) => w.deleteGroup('g-1')],
  ['deleteMembership', 'DeleteGroupMembership', 'DescribeGroupMembership', (w: IdentityStoreWriter) => w.deleteMembership('m-1')],
] as const)('IdentityStoreWriter.%s', (_name, command, describeCommand, remove) => {
  it('succeeds when the delete does', async () => {
    const { writer } = writerAnswering({ [command]: [{}] });
    await expect(remove(writer)).resolves.toBeUndefined();
  });

  it('counts "not found" as done', async () => {
    const { writer } = writerAnswering({ [command]: [notFound()] });
    await expect(remove(writer)).resolves.toBeUndefined();
  });

  it('counts a conflict as done when a read shows the object is gone', async () => {
    const { writer, calls } = writerAnswering({ [command]: [conflict()], [describeCommand]: [notFound()] });
    await expect(remove(writer)).resolves.toBeUndefined();
    expect(commandsOf(calls)).toEqual([command, describeCommand]);
  });

  it('retries a concurrent modification and fails when it persists while the object is still there', async () => {
    const { writer } = writerAnswering({
      [command]: [conflict('CONCURRENT_MODIFICATION')],
      [describeCommand]: [{ IdentityStoreId: 'd-1' }],
    });
    await expect(remove(writer)).rejects.toThrow(new RegExp(`^${command} \\S+: still conflicting after 3 attempts`));
  });
});

describe.each([
  ['updateUser', 'UpdateUser', (w: IdentityStoreWriter) => w.updateUser('u-1', [{ field: 'title', before: 'a', after: 'b' }])],
  ['updateGroup', 'UpdateGroup', (w: IdentityStoreWriter) => w.updateGroup('g-1', [{ field: 'description', before: 'a', after: 'b' }])],
] as const)('IdentityStoreWriter.%s', (_name, command, update) => {
  it('retries a concurrent modification or a conflict without a Reason until the update succeeds', async () => {
    const { writer, calls } = writerAnswering({ [command]: [conflict('CONCURRENT_MODIFICATION'), conflict(), {}] });
    await expect(update(writer)).resolves.toBeUndefined();
    expect(commandsOf(calls)).toEqual([command, command, command]);
  });

  it('fails when the conflicts persist', async () => {
    const { writer } = writerAnswering({ [command]: [conflict()] });
    await expect(update(writer)).rejects.toThrow('still conflicting after 3 attempts');
  });
});
