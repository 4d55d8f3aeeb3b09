// Users of the identity store, matched by userName (src/kinds/user/diff.ts).
import { userClues } from './attribution.js';
import { createdAttributes, updatedAttributes } from '../../render/attribute-lines.js';
import { diffUsers, USER_FIELDS } from './diff.js';
import type { UserChange } from '../../plan/types.js';
import type { KindDescriptor } from '../descriptor.js';
import { dependencyKey } from '../keys.js';
import { applyUserChange } from './apply.js';

export const userKind: KindDescriptor<UserChange> = {
  kind: 'user',
  phases: { create: 'users created/updated', update: 'users created/updated', delete: 'users deleted' },
  diffStage: 'objects',
  diff: ({ desired, resolved }) => diffUsers(desired, resolved.live),

  title: 'Users',
  headline: (c) => `user "${c.userName}"`,
  details: (c) =>
    c.action === 'create' ? createdAttributes(c.after, USER_FIELDS) : c.action === 'update' ? updatedAttributes(c.attributes) : [],
  label: (c) => `${c.action} user "${c.userName}"`,

  sortKey: (c) => [c.userName],
  provides: (c) => (c.action === 'delete' ? [] : [dependencyKey.user(c.userName)]),
  needs: (c) =>
    c.action === 'delete' ? [dependencyKey.removedAssignmentOf('USER', c.userName), dependencyKey.removedMembershipOf(c.userName)] : [],
  blockedByFailure: () => [],

  safetyLabel: 'users',
  liveCount: (live) => live.users.size,

  concurrency: 'ordinary',
  apply: { each: applyUserChange },

  attributionClues: userClues,

  iamActions: {
    read: ['identitystore:ListUsers', 'identitystore:DescribeUser', 'identitystore:GetUserId'],
    write: ['identitystore:CreateUser', 'identitystore:UpdateUser', 'identitystore:DeleteUser'],
  },
};
