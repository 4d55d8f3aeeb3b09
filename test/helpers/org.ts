// Builds a test organization through the real organizations API (against the sandbox or
// moto): the management account, OUs by path, accounts with tags. Identity Center
// content is then created by the tool itself (reconcile) or by a test's own SDK calls.
import {
  CreateAccountCommand,
  CreateOrganizationCommand,
  CreateOrganizationalUnitCommand,
  DescribeCreateAccountStatusCommand,
  ListRootsCommand,
  MoveAccountCommand,
  OrganizationsClient,
  TagResourceCommand,
  type OrganizationsClientConfig,
} from '@aws-sdk/client-organizations';

export interface TestAccount {
  name: string;
  /** OU path below the root, e.g. "Workloads/Prod"; absent = at the root. */
  ou?: string;
  tags?: Record<string, string>;
}

export interface BuiltOrganization {
  managementAccountId: string;
  /** account name → id */
  accountIds: Map<string, string>;
}

export async function buildOrganization(
  config: OrganizationsClientConfig,
  managementAccountId: string,
  accounts: TestAccount[],
): Promise<BuiltOrganization> {
  const org = new OrganizationsClient(config);
  try {
    await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    const roots = await org.send(new ListRootsCommand({}));
    const rootId = roots.Roots?.[0]?.Id;
    if (!rootId) throw new Error('organization has no root');
    const ouIds = new Map<string, string>([['', rootId]]);
    const ensureOu = async (path: string): Promise<string> => {
      const known = ouIds.get(path);
      if (known) return known;
      const cut = path.lastIndexOf('/');
      const parentId = await ensureOu(cut < 0 ? '' : path.slice(0, cut));
      const created = await org.send(new CreateOrganizationalUnitCommand({ ParentId: parentId, Name: path.slice(cut + 1) }));
      const id = created.OrganizationalUnit?.Id;
      if (!id) throw new Error(`CreateOrganizationalUnit ${path} returned no id`);
      ouIds.set(path, id);
      return id;
    };
    const accountIds = new Map<string, string>();
    for (const a of accounts) {
      const started = await org.send(new CreateAccountCommand({ AccountName: a.name, Email: `${a.name.replace(/\W/g, '')}@example.com` }));
      let status = started.CreateAccountStatus;
      while (status?.State === 'IN_PROGRESS') {
        await new Promise((r) => setTimeout(r, 20));
        status = (await org.send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: status.Id }))).CreateAccountStatus;
      }
      const id = status?.AccountId;
      if (!id) throw new Error(`CreateAccount ${a.name} failed: ${status?.FailureReason ?? 'no account id'}`);
      accountIds.set(a.name, id);
      if (a.ou) {
        await org.send(new MoveAccountCommand({ AccountId: id, SourceParentId: rootId, DestinationParentId: await ensureOu(a.ou) }));
      }
      if (a.tags && Object.keys(a.tags).length > 0) {
        await org.send(new TagResourceCommand({ ResourceId: id, Tags: Object.entries(a.tags).map(([Key, Value]) => ({ Key, Value })) }));
      }
    }
    return { managementAccountId, accountIds };
  } finally {
    org.destroy();
  }
}
