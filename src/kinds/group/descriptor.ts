// Groups of the identity store, matched by display name; a rename keeps the id.
import { groupClues } from './attribution.js';
import { attributeLines, updatedAttributes } from '../../render/attribute-lines.js';
import { diffGroups } from './diff.js';
import type { GroupChange } from '../../plan/types.js';
import type { KindDescriptor } from '../descriptor.js';
import { dependencyKey } from '../keys.js';
import { applyGroupChange } from './apply.js';

export const groupKind: KindDescriptor<GroupChange> = {
  kind: 'group',
  phases: { rename: 'groups renamed', create: 'groups created/updated', update: 'groups created/updated', delete: 'groups deleted' },
  diffStage: 'objects',
  diff: ({ desired, resolved }) => diffGroups(desired, resolved.live),

  title: 'Groups',
  headline: (c) =>
    c.action === 'rename' ? `group "${c.previousName}" renamed to "${c.name}" (same id; members and access kept)` : `group "${c.name}"`,
  details: (c) => {
    if (c.action === 'create') return c.description !== undefined ? attributeLines({ field: 'description', after: c.description }, 1) : [];
    return c.action === 'update' ? updatedAttributes(c.attributes) : [];
  },
  label: (c) => (c.action === 'rename' ? `rename group "${c.previousName}" to "${c.name}"` : `${c.action} group "${c.name}"`),

  sortKey: (c) => [c.name],
  provides: (c) =>
    c.action === 'delete'
      ? []
      : c.action === 'rename'
        ? [dependencyKey.group(c.name), dependencyKey.renamedGroup(c.name)]
        : [dependencyKey.group(c.name)],
  needs: (c) =>
    c.action === 'delete'
      ? [dependencyKey.removedAssignmentOf('GROUP', c.name), dependencyKey.removedMembersOf(c.name)]
      : c.action === 'update'
        ? [dependencyKey.renamedGroup(c.name)]
        : [],
  blockedByFailure: () => [],

  safetyLabel: 'groups',
  liveCount: (live) => live.groups.size,

  concurrency: 'ordinary',
  apply: { each: applyGroupChange },

  attributionClues: groupClues,

  iamActions: {
    read: ['identitystore:ListGroups', 'identitystore:DescribeGroup', 'identitystore:GetGroupId'],
    write: ['identitystore:CreateGroup', 'identitystore:UpdateGroup', 'identitystore:DeleteGroup'],
  },
};
