import { CreateUserCommand, IdentitystoreClient, ListUsersCommand } from '@aws-sdk/client-identitystore';
import { describe, expect, it } from 'vitest';
import { installReadOnlyGuard, isReadOperation, WriteInReadOnlyModeError } from './read-only.js';

describe('read-only view of AWS', () => {
  it('counts List, Describe, Get and IsMember commands as reads and everything else as writes', () => {
    for (const name of ['ListUsersCommand', 'DescribePermissionSetCommand', 'GetUserIdCommand', 'IsMemberInGroupsCommand']) {
      expect(isReadOperation(name), name).toBe(true);
    }
    for (const name of [
      'CreateUserCommand',
      'UpdatePermissionSetCommand',
      'ProvisionPermissionSetCommand',
      'TagResourceCommand',
      undefined,
    ]) {
      expect(isReadOperation(name), String(name)).toBe(false);
    }
  });

  it('rejects a write before anything is sent', async () => {
    // an endpoint nobody listens on: a request that got through would fail differently
    const client = new IdentitystoreClient({
      endpoint: 'http://127.0.0.1:9',
      region: 'us-east-1',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      maxAttempts: 1,
    });
    installReadOnlyGuard(client);
    await expect(client.send(new CreateUserCommand({ IdentityStoreId: 'd-1', UserName: 'x' }))).rejects.toBeInstanceOf(
      WriteInReadOnlyModeError,
    );
    await expect(client.send(new ListUsersCommand({ IdentityStoreId: 'd-1' }))).rejects.not.toBeInstanceOf(WriteInReadOnlyModeError);
    client.destroy();
  });
});
