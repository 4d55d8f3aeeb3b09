import { describe, expect, it } from 'vitest';
import { isReadAction, sdkCallsInSource } from './sdk-calls.js';

describe('sdkCallsInSource', () => {
  it('maps each `new XCommand(` to the IAM action of the package it is imported from', () => {
    const source = [
      'import {',
      '  CreateAccountAssignmentCommand,',
      '  type SSOAdminClient,',
      "} from '@aws-sdk/client-sso-admin';",
      "import { ListUsersCommand as Users } from '@aws-sdk/client-identitystore';",
      "import { ListAccountsCommand } from '@aws-sdk/client-organizations';",
      'await c.send(new CreateAccountAssignmentCommand({}));',
      'await c.send(new Users({})); await c.send(new ListAccountsCommand({}));',
    ].join('\n');
    const calls = sdkCallsInSource(source, 'x.ts');
    expect(calls.map((c) => [c.action, c.where])).toEqual([
      ['sso:CreateAccountAssignment', 'x.ts:7'],
      ['identitystore:ListUsers', 'x.ts:8'],
      ['organizations:ListAccounts', 'x.ts:8'],
    ]);
  });

  it('marks a command imported from an unknown package so the test can name it', () => {
    const calls = sdkCallsInSource("import { ListBucketsCommand } from '@aws-sdk/client-s3';\nnew ListBucketsCommand({});", 'y.ts');
    expect(calls).toEqual([{ action: 'unknown:ListBuckets', package: undefined, commandName: 'ListBucketsCommand', where: 'y.ts:2' }]);
  });

  it('counts the SDK paginators as calls of their operation, but not local helpers named paginate*', () => {
    const source = [
      "import { paginateListUsers } from '@aws-sdk/client-identitystore';",
      "import { paginateListRoots as roots } from '@aws-sdk/client-organizations';",
      'for await (const p of paginateListUsers(cfg, {})) {}',
      'collect(roots(cfg, {})); paginateEverything(x);',
    ].join('\n');
    expect(sdkCallsInSource(source, 'p.ts').map((c) => [c.action, c.where])).toEqual([
      ['identitystore:ListUsers', 'p.ts:3'],
      ['organizations:ListRoots', 'p.ts:4'],
    ]);
  });

  it('ignores constructors that are not commands', () => {
    expect(
      sdkCallsInSource("import { SSOAdminClient } from '@aws-sdk/client-sso-admin';\nnew SSOAdminClient({}); new Map();", 'z.ts'),
    ).toEqual([]);
  });
});

describe('isReadAction', () => {
  it('treats List, Describe and Get operations as reads and everything else as writes', () => {
    expect(isReadAction('sso:ListInstances')).toBe(true);
    expect(isReadAction('identitystore:GetUserId')).toBe(true);
    expect(isReadAction('sso:DescribePermissionSet')).toBe(true);
    expect(isReadAction('sso:ProvisionPermissionSet')).toBe(false);
    expect(isReadAction('identitystore:DeleteGroupMembership')).toBe(false);
    expect(isReadAction('sso:Listen')).toBe(false);
  });
});
