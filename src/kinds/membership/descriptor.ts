// Group memberships: (group, userName) pairs; a group listed in the files has exactly its members.
import { membershipClues } from './attribution.js';
import { diffMemberships } from './diff.js';
import type { MembershipChange } from '../../plan/types.js';
import type { KindDescriptor } from '../descriptor.js';
import { dependencyKey } from '../keys.js';
import { applyMembershipChange } from './apply.js';

export const membershipKind: KindDescriptor<MembershipChange> = {
  kind: 'membership',
  phases: { create: 'memberships added', delete: 'memberships removed' },
  diffStage: 'objects',
  diff: ({ desired, resolved }) => diffMemberships(desired, resolved.live),

  title: 'Group memberships',
  headline: (c) => `user "${c.userName}" ${c.action === 'create' ? 'joins' : 'leaves'} group "${c.group}"`,
  details: () => [],
  label: (c) => `${c.action} membership "${c.userName}" in group "${c.group}"`,

  sortKey: (c) => [c.group, c.userName],
  provides: (c) => (c.action === 'create' ? [dependencyKey.grantMember(c.userName)] : []),
  // removing a user from its old group waits for its joining the new one (no lock-out)
  needs: (c) =>
    c.action === 'create'
      ? [dependencyKey.user(c.userName), dependencyKey.group(c.group)]
      : [dependencyKey.grantMember(c.userName), dependencyKey.renamedGroup(c.group)],
  blockedByFailure: (c) =>
    c.action === 'delete' ? [dependencyKey.removedMembersOf(c.group), dependencyKey.removedMembershipOf(c.userName)] : [],

  safetyLabel: 'group memberships',
  liveCount: (live) => live.memberships.length,

  concurrency: 'ordinary',
  apply: { each: applyMembershipChange },

  attributionClues: membershipClues,

  iamActions: {
    read: [
      'identitystore:ListGroupMemberships',
      'identitystore:DescribeGroupMembership',
      'identitystore:GetGroupMembershipId',
      // a scoped plan (--changed-since) reads the memberships of a user the files remove
      'identitystore:ListGroupMembershipsForMember',
    ],
    write: ['identitystore:CreateGroupMembership', 'identitystore:DeleteGroupMembership'],
  },
};
