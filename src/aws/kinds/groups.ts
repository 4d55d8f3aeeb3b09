// Groups and their memberships: reading. Memberships are listed per group, concurrently.
import { paginateListGroupMemberships, paginateListGroups, type Group as SdkGroup } from '@aws-sdk/client-identitystore';
import type { LiveGroup, LiveMembership } from '../../model/live.js';
import { mapLimit } from '../concurrency.js';
import { collectPages, paginatorConfig } from '../pagination.js';
import type { ReadContext } from '../read-context.js';

export async function readGroups(ctx: ReadContext): Promise<LiveGroup[]> {
  const groups = await collectPages(
    'identitystore',
    'ListGroups',
    paginateListGroups(paginatorConfig(ctx.clients.identityStore, 100), { IdentityStoreId: ctx.identityStoreId }),
    (page) => page.Groups,
  );
  return groups.map(toLiveGroup);
}

export function toLiveGroup(g: SdkGroup): LiveGroup {
  return {
    id: g.GroupId ?? '',
    name: g.DisplayName ?? '',
    ...(g.Description ? { description: g.Description } : {}),
    // identitystore Group.ExternalIds: set by an identity provider, shown read-only
    ...(g.ExternalIds && g.ExternalIds.length > 0
      ? { externalIds: g.ExternalIds.map((x) => ({ issuer: x.Issuer ?? '', id: x.Id ?? '' })) }
      : {}),
  };
}

/** One ListGroupMemberships listing per group. Members that are not users are skipped
 *  (Identity Center has no nested groups; MemberId is a union for future kinds). */
export async function readMemberships(ctx: ReadContext, groups: readonly LiveGroup[]): Promise<LiveMembership[]> {
  let done = 0;
  const perGroup = await mapLimit(groups, ctx.concurrency, async (group) => {
    const rows = await collectPages(
      'identitystore',
      'ListGroupMemberships',
      paginateListGroupMemberships(paginatorConfig(ctx.clients.identityStore, 100), {
        IdentityStoreId: ctx.identityStoreId,
        GroupId: group.id,
      }),
      (page) => page.GroupMemberships,
    );
    ctx.progress.update('group memberships', ++done, groups.length, 'groups');
    return rows.flatMap((m): LiveMembership[] => {
      const userId = m.MemberId?.UserId;
      return userId && m.MembershipId ? [{ membershipId: m.MembershipId, groupId: m.GroupId ?? group.id, userId }] : [];
    });
  });
  return perGroup.flat();
}
