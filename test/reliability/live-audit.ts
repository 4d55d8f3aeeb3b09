// Reads the live Identity Center content with the plain SDK, by names, independently of
// the tool's own reader and planner: the invariants of the reliability suites are checked
// against what the sandbox really holds, not against what the tool believes.
// Repeated rows (the same assignment or membership listed twice) are reported, not merged.
import { IdentitystoreClient, paginateListGroupMemberships, paginateListGroups, paginateListUsers } from '@aws-sdk/client-identitystore';
import {
  DescribePermissionSetCommand,
  ListInstancesCommand,
  paginateListAccountAssignments,
  paginateListPermissionSets,
  SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import type { SandboxClientConfig } from '../helpers/sandbox.js';
import { assignmentKey, membershipKey, type NamedState } from './change-set.js';

export interface LiveAudit {
  state: NamedState;
  /** Keys listed more than once: an assignment or membership stored twice. */
  duplicates: string[];
}

export async function auditLive(config: SandboxClientConfig, accountIds: ReadonlyMap<string, string>): Promise<LiveAudit> {
  const sso = new SSOAdminClient(config);
  const ids = new IdentitystoreClient(config);
  try {
    const instance = (await sso.send(new ListInstancesCommand({}))).Instances?.[0];
    const InstanceArn = instance?.InstanceArn;
    const IdentityStoreId = instance?.IdentityStoreId;
    if (!InstanceArn || !IdentityStoreId) throw new Error('audit: no Identity Center instance');
    const duplicates: string[] = [];
    const addOnce = (set: Set<string>, key: string) => (set.has(key) ? duplicates.push(key) : set.add(key));

    const state: NamedState = { users: new Map(), groups: new Map(), memberships: new Set(), sets: new Map(), assignments: new Set() };
    const userNames = new Map<string, string>();
    for await (const page of paginateListUsers({ client: ids }, { IdentityStoreId })) {
      for (const u of page.Users ?? []) {
        userNames.set(u.UserId ?? '', u.UserName ?? '');
        state.users.set(u.UserName ?? '', { displayName: u.DisplayName ?? '' });
      }
    }
    const groupNames = new Map<string, string>();
    for await (const page of paginateListGroups({ client: ids }, { IdentityStoreId })) {
      for (const g of page.Groups ?? []) {
        groupNames.set(g.GroupId ?? '', g.DisplayName ?? '');
        state.groups.set(g.DisplayName ?? '', { description: g.Description ?? '' });
      }
    }
    for (const [GroupId, group] of groupNames) {
      for await (const page of paginateListGroupMemberships({ client: ids }, { IdentityStoreId, GroupId })) {
        for (const m of page.GroupMemberships ?? [])
          addOnce(state.memberships, membershipKey(group, userNames.get(m.MemberId?.UserId ?? '') ?? '?'));
      }
    }
    const setNames = new Map<string, string>();
    for await (const page of paginateListPermissionSets({ client: sso }, { InstanceArn })) {
      for (const PermissionSetArn of page.PermissionSets ?? []) {
        const described = (await sso.send(new DescribePermissionSetCommand({ InstanceArn, PermissionSetArn }))).PermissionSet;
        const name = described?.Name ?? '';
        setNames.set(PermissionSetArn, name);
        state.sets.set(name, { name, description: described?.Description ?? '', managedPolicies: [], deny: [] });
      }
    }
    const principalName = (type: string | undefined, id: string | undefined) =>
      (type === 'USER' ? userNames : groupNames).get(id ?? '') ?? `?${id ?? ''}`;
    for (const [accountName, AccountId] of accountIds) {
      for (const [PermissionSetArn, setName] of setNames) {
        for await (const page of paginateListAccountAssignments({ client: sso }, { InstanceArn, AccountId, PermissionSetArn })) {
          for (const a of page.AccountAssignments ?? []) {
            const type = a.PrincipalType === 'USER' ? 'USER' : 'GROUP';
            addOnce(state.assignments, assignmentKey(setName, type, principalName(a.PrincipalType, a.PrincipalId), accountName));
          }
        }
      }
    }
    return { state, duplicates };
  } finally {
    sso.destroy();
    ids.destroy();
  }
}
