// An independent read of Identity Center with the plain AWS SDK — none of the tool's read
// code (src/aws) — into the Snapshot the state files are compared with. Deliberately
// simple: sequential calls, hand-written NextToken loops, every account × permission set
// asked for its assignments. Its only knowledge of AWS is the service models' shapes.
import {
  IdentitystoreClient,
  ListGroupMembershipsCommand,
  ListGroupsCommand,
  ListUsersCommand,
  type Group,
  type User,
} from '@aws-sdk/client-identitystore';
import {
  DescribePermissionSetCommand,
  GetInlinePolicyForPermissionSetCommand,
  GetPermissionsBoundaryForPermissionSetCommand,
  ListAccountAssignmentsCommand,
  ListCustomerManagedPolicyReferencesInPermissionSetCommand,
  ListInstancesCommand,
  ListManagedPoliciesInPermissionSetCommand,
  ListPermissionSetsCommand,
  ListTagsForResourceCommand,
  SSOAdminClient,
  type SSOAdminClientConfig,
} from '@aws-sdk/client-sso-admin';
import type { PlacedAccount } from './organization.js';
import {
  assignmentKey,
  canonicalJson,
  isoMinutes,
  membershipKey,
  type PermissionSetContent,
  type Snapshot,
  type SnapshotScope,
  type UserContent,
} from './snapshot.js';

/** Calls `page(token)` until no NextToken comes back; collects what `items` picks out. */
async function allPages<P extends { NextToken?: string }, T>(
  page: (token: string | undefined) => Promise<P>,
  items: (p: P) => T[] | undefined,
): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  do {
    const p = await page(token);
    out.push(...(items(p) ?? []));
    token = p.NextToken;
  } while (token);
  return out;
}

/** The optional attributes of an identitystore User as the state files name them. */
function userContent(u: User): UserContent {
  // the one primary email (the model allows several; the tool writes one, marked primary)
  const email = (u.Emails ?? []).find((e) => e.Primary)?.Value ?? u.Emails?.[0]?.Value;
  const candidates: Record<string, string | undefined> = {
    email,
    middleName: u.Name?.MiddleName,
    nickName: u.NickName,
    title: u.Title,
    userType: u.UserType,
    preferredLanguage: u.PreferredLanguage,
    locale: u.Locale,
    timezone: u.Timezone,
    profileUrl: u.ProfileUrl,
  };
  const optional: Record<string, string> = {};
  for (const [k, v] of Object.entries(candidates)) if (v !== undefined && v !== '') optional[k] = v;
  return { displayName: u.DisplayName ?? '', givenName: u.Name?.GivenName ?? '', familyName: u.Name?.FamilyName ?? '', optional };
}

/** DescribePermissionSet's SessionDuration is an ISO-8601 string; moto answers its default as the number 3600 (seconds). */
function sessionMinutes(value: unknown): number {
  if (value === undefined || value === null || value === '') return 60;
  if (typeof value === 'number') return value / 60;
  return isoMinutes(typeof value === 'string' ? value : JSON.stringify(value));
}

export interface LiveRead {
  snapshot: Snapshot;
  /** group DisplayName → GroupId, to check that a rename in place kept the group */
  groupIds: Record<string, string>;
}

export class IndependentReader {
  private readonly sso: SSOAdminClient;
  private readonly ids: IdentitystoreClient;

  constructor(
    config: SSOAdminClientConfig,
    private readonly accounts: readonly PlacedAccount[],
    private readonly scope: SnapshotScope,
  ) {
    this.sso = new SSOAdminClient(config);
    this.ids = new IdentitystoreClient(config);
  }

  close(): void {
    this.sso.destroy();
    this.ids.destroy();
  }

  async read(): Promise<LiveRead> {
    const instance = (await this.sso.send(new ListInstancesCommand({}))).Instances?.[0];
    const instanceArn = instance?.InstanceArn;
    const storeId = instance?.IdentityStoreId;
    if (!instanceArn || !storeId) throw new Error('independent read: no Identity Center instance');

    const users = await allPages(
      (NextToken) => this.ids.send(new ListUsersCommand({ IdentityStoreId: storeId, NextToken })),
      (p) => p.Users,
    );
    const groups: Group[] = await allPages(
      (NextToken) => this.ids.send(new ListGroupsCommand({ IdentityStoreId: storeId, NextToken })),
      (p) => p.Groups,
    );
    const userNameById = new Map(users.map((u) => [u.UserId ?? '', u.UserName ?? '']));
    const groupNameById = new Map(groups.map((g) => [g.GroupId ?? '', g.DisplayName ?? '']));

    const memberships = new Set<string>();
    for (const g of groups) {
      const listed = await allPages(
        (NextToken) => this.ids.send(new ListGroupMembershipsCommand({ IdentityStoreId: storeId, GroupId: g.GroupId, NextToken })),
        (p) => p.GroupMemberships,
      );
      // a Set: moto stores a repeated membership twice, AWS answers ConflictException
      for (const m of listed)
        memberships.add(
          membershipKey(g.DisplayName ?? '', userNameById.get(m.MemberId?.UserId ?? '') ?? `unknown user ${m.MemberId?.UserId}`),
        );
    }

    const setArns = await allPages(
      (NextToken) => this.sso.send(new ListPermissionSetsCommand({ InstanceArn: instanceArn, NextToken })),
      (p) => p.PermissionSets,
    );
    const permissionSets: Record<string, PermissionSetContent> = {};
    const setNameByArn = new Map<string, string>();
    for (const arn of setArns) {
      const [name, content] = await this.readPermissionSet(instanceArn, arn);
      permissionSets[name] = content;
      setNameByArn.set(arn, name);
    }

    const assignments = new Set<string>();
    for (const account of this.accounts) {
      for (const arn of setArns) {
        const rows = await allPages(
          (NextToken) =>
            this.sso.send(
              new ListAccountAssignmentsCommand({ InstanceArn: instanceArn, AccountId: account.id, PermissionSetArn: arn, NextToken }),
            ),
          (p) => p.AccountAssignments,
        );
        for (const r of rows) {
          const type = r.PrincipalType === 'GROUP' ? 'GROUP' : 'USER';
          const names = type === 'GROUP' ? groupNameById : userNameById;
          const principal = names.get(r.PrincipalId ?? '') ?? `unknown ${type} ${r.PrincipalId}`;
          // a Set: moto keeps a second row for a repeated CreateAccountAssignment
          assignments.add(assignmentKey(setNameByArn.get(arn) ?? arn, type, principal, account.name));
        }
      }
    }

    const snapshot: Snapshot = {
      users: Object.fromEntries(users.map((u) => [u.UserName ?? '', userContent(u)])),
      groups: Object.fromEntries(groups.map((g) => [g.DisplayName ?? '', g.Description ? { description: g.Description } : {}])),
      memberships: [...memberships].sort(),
      permissionSets,
      assignments: [...assignments].sort(),
    };
    return { snapshot, groupIds: Object.fromEntries(groups.map((g) => [g.DisplayName ?? '', g.GroupId ?? ''])) };
  }

  private async readPermissionSet(instanceArn: string, arn: string): Promise<[string, PermissionSetContent]> {
    const ref = { InstanceArn: instanceArn, PermissionSetArn: arn };
    const d = (await this.sso.send(new DescribePermissionSetCommand(ref))).PermissionSet;
    const managed = await allPages(
      (NextToken) => this.sso.send(new ListManagedPoliciesInPermissionSetCommand({ ...ref, NextToken })),
      (p) => p.AttachedManagedPolicies,
    );
    const customer = await allPages(
      (NextToken) => this.sso.send(new ListCustomerManagedPolicyReferencesInPermissionSetCommand({ ...ref, NextToken })),
      (p) => p.CustomerManagedPolicyReferences,
    );
    // "" when the set has no inline policy
    const inline = (await this.sso.send(new GetInlinePolicyForPermissionSetCommand(ref))).InlinePolicy;
    const content: PermissionSetContent = {
      ...(d?.Description ? { description: d.Description } : {}),
      sessionMinutes: sessionMinutes(d?.SessionDuration),
      ...(d?.RelayState ? { relayState: d.RelayState } : {}),
      managedPolicies: managed.map((m) => m.Arn ?? '').sort(),
      customerManagedPolicies: customer.map((c) => `${c.Path ?? '/'}${c.Name ?? ''}`).sort(),
      ...(inline ? { inlinePolicy: canonicalJson(JSON.parse(inline)) } : {}),
    };
    if (this.scope.tags) {
      const tags = await allPages(
        (NextToken) => this.sso.send(new ListTagsForResourceCommand({ InstanceArn: instanceArn, ResourceArn: arn, NextToken })),
        (p) => p.Tags,
      );
      content.tags = Object.fromEntries(tags.map((t) => [t.Key ?? '', t.Value ?? '']));
    }
    if (this.scope.permissionsBoundary) {
      const boundary = await this.readBoundary(ref);
      if (boundary !== undefined) content.permissionsBoundary = boundary;
    }
    return [d?.Name ?? arn, content];
  }

  /** GetPermissionsBoundaryForPermissionSet answers ResourceNotFoundException for a set without one. */
  private async readBoundary(ref: { InstanceArn: string; PermissionSetArn: string }): Promise<string | undefined> {
    try {
      const b = (await this.sso.send(new GetPermissionsBoundaryForPermissionSetCommand(ref))).PermissionsBoundary;
      if (b?.ManagedPolicyArn) return b.ManagedPolicyArn;
      const c = b?.CustomerManagedPolicyReference;
      return c ? `customer ${c.Path ?? '/'}${c.Name ?? ''}` : undefined;
    } catch (err) {
      if (err instanceof Error && err.name === 'ResourceNotFoundException') return undefined;
      throw err;
    }
  }
}
