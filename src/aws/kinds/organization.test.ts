import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { describe, expect, it } from 'vitest';
import { SILENT_PROGRESS } from '../progress.js';
import type { ReadContext } from '../read-context.js';
import { describeAccounts, readOrganization } from './organization.js';

/** An organizations client whose answers come from `answer` (by command name), never from the network. */
function organizationsAnswering(answer: (command: string, input: Record<string, unknown>) => unknown): OrganizationsClient {
  const client = new OrganizationsClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
  client.middlewareStack.add(
    (_next, context) => async (args) => {
      const name = (context.commandName ?? '').replace(/Command$/, '');
      return { output: { $metadata: {}, ...(answer(name, args.input as Record<string, unknown>) as object) }, response: {} };
    },
    { step: 'initialize', priority: 'high', name: 'fakeAnswers' },
  );
  return client;
}

function contextWith(organizations: OrganizationsClient): ReadContext {
  return {
    clients: { organizations } as ReadContext['clients'],
    instanceArn: '',
    identityStoreId: '',
    callerAccountId: '1',
    managementAccountId: '1',
    concurrency: 4,
    progress: SILENT_PROGRESS,
  };
}

describe('readOrganization', () => {
  it('sorts OU paths and account ids in code-unit order, the same in every locale', async () => {
    const ous: Record<string, { Id: string; Name: string }[]> = {
      'r-1': [
        { Id: 'ou-a', Name: 'apps' },
        { Id: 'ou-b', Name: 'Billing' },
      ],
    };
    const accounts: Record<string, { Id: string; Name: string }[]> = {
      'ou-a': [{ Id: '222222222222', Name: 'x' }],
      'ou-b': [{ Id: '111111111111', Name: 'y' }],
    };
    const client = organizationsAnswering((command, input) => {
      if (command === 'ListRoots') return { Roots: [{ Id: 'r-1' }] };
      if (command === 'ListOrganizationalUnitsForParent') return { OrganizationalUnits: ous[input.ParentId as string] ?? [] };
      if (command === 'ListAccountsForParent') return { Accounts: accounts[input.ParentId as string] ?? [] };
      throw new Error(`unexpected ${command}`);
    });
    const snapshot = await readOrganization(contextWith(client), { organizationalUnits: true, accountTags: false });
    // localeCompare puts "apps" before "Billing"; code units put capitals first
    expect(snapshot.organizationalUnits.map((o) => o.path)).toEqual(['Root', 'Root/Billing', 'Root/apps']);
    expect(snapshot.accounts.map((a) => `${a.id} ${a.ouPath}`)).toEqual(['111111111111 Root/Billing', '222222222222 Root/apps']);
  });
});

describe('describeAccounts', () => {
  const named = (id: string) => ({ Id: id, Name: `n${id.slice(-1)}`, State: 'ACTIVE' });

  it('describes each id, leaving out one the organization does not hold (AccountNotFoundException)', async () => {
    const asked: unknown[] = [];
    const client = organizationsAnswering((command, input) => {
      if (command !== 'DescribeAccount') throw new Error(`unexpected ${command}`);
      asked.push(input.AccountId);
      if (input.AccountId === '333333333333') throw Object.assign(new Error('gone'), { name: 'AccountNotFoundException' });
      return { Account: named(input.AccountId as string) };
    });
    const snapshot = await describeAccounts(contextWith(client), ['222222222222', '333333333333', '111111111111']);
    expect(asked.sort()).toEqual(['111111111111', '222222222222', '333333333333']);
    expect(snapshot).toEqual({
      accounts: [
        { id: '111111111111', name: 'n1', state: 'ACTIVE', ouPath: '', tags: {} },
        { id: '222222222222', name: 'n2', state: 'ACTIVE', ouPath: '', tags: {} },
      ],
      organizationalUnits: [],
    });
  });

  it('never turns another failure into a missing account', async () => {
    const client = organizationsAnswering(() => {
      throw Object.assign(new Error('no'), { name: 'AccessDeniedException' });
    });
    await expect(describeAccounts(contextWith(client), ['222222222222'])).rejects.toThrow(
      /organizations DescribeAccount failed: AccessDeniedException/,
    );
  });

  it('reads nothing for no ids', async () => {
    const client = organizationsAnswering((command) => {
      throw new Error(`unexpected ${command}`);
    });
    expect(await describeAccounts(contextWith(client), [])).toEqual({ accounts: [], organizationalUnits: [] });
  });
});
