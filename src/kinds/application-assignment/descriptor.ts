// Application assignments: a user or group assigned to an application of `applications:`.
import type { ApplicationAssignmentChange } from '../../plan/types.js';
import type { KindDescriptor } from '../descriptor.js';
import { dependencyKey } from '../keys.js';
import { applyApplicationAssignmentChange } from './apply.js';
import { applicationAssignmentClues } from './attribution.js';
import { diffApplicationAssignments } from './diff.js';

const principal = (c: ApplicationAssignmentChange) => `${c.principalType.toLowerCase()} "${c.principal}"`;
const pair = (c: ApplicationAssignmentChange) => `${principal(c)} to application "${c.application}"`;

export const applicationAssignmentKind: KindDescriptor<ApplicationAssignmentChange> = {
  kind: 'applicationAssignment',
  phases: { create: 'application assignments created', delete: 'application assignments deleted' },
  diffStage: 'objects',
  diff: diffApplicationAssignments,

  title: 'Application assignments',
  headline: (c) => (c.action === 'create' ? `assign ${pair(c)}` : `unassign ${principal(c)} from application "${c.application}"`),
  details: () => [],
  label: (c) => `${c.action} application assignment of ${pair(c)}`,

  sortKey: (c) => [c.application, c.principalType, c.principal],
  provides: () => [],
  needs: (c) =>
    c.action === 'create'
      ? [dependencyKey.application(c.application), dependencyKey.principal(c.principalType, c.principal)]
      : c.principalType === 'GROUP'
        ? [dependencyKey.renamedGroup(c.principal)]
        : [],
  blockedByFailure: () => [],

  safetyLabel: 'application assignments',
  liveCount: (live) => [...live.applications.values()].reduce((n, a) => n + a.users.length + a.groups.length, 0),

  concurrency: 'ordinary',
  apply: { each: applyApplicationAssignmentChange },

  attributionClues: applicationAssignmentClues,

  iamActions: {
    read: ['sso:ListApplicationAssignments', 'sso:DescribeApplicationAssignment'],
    write: ['sso:CreateApplicationAssignment', 'sso:DeleteApplicationAssignment'],
  },
};
