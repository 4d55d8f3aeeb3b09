// Applications of Identity Center (`applications:`): customer managed (OAuth 2.0) ones are
// created, updated and deleted from the files; SAML ones (the catalogue's) are referenced by
// name and only their assignment configuration is managed. Their assignments are the
// applicationAssignment kind (src/kinds/application-assignment/).
import type { JsonValue } from '../../model/types.js';
import type { ApplicationChange } from '../../plan/types.js';
import { attributeLines } from '../../render/attribute-lines.js';
import type { KindDescriptor } from '../descriptor.js';
import { dependencyKey } from '../keys.js';
import { applyApplicationChange } from './apply.js';
import { applicationClues } from './attribution.js';
import { diffApplications } from './diff.js';

const createdFields = (c: Extract<ApplicationChange, { action: 'create' }>): [string, JsonValue | undefined][] => [
  ['providerArn', c.providerArn],
  ['description', c.description],
  ['status', c.status],
  ['assignmentRequired', c.assignmentRequired],
];

export const applicationKind: KindDescriptor<ApplicationChange> = {
  kind: 'application',
  phases: { create: 'applications created/updated', update: 'applications created/updated', delete: 'applications deleted' },
  diffStage: 'objects',
  diff: diffApplications,

  title: 'Applications',
  headline: (c) => `application "${c.name}"`,
  details: (c) =>
    c.action === 'create'
      ? createdFields(c).flatMap(([field, after]) => (after === undefined ? [] : attributeLines({ field, after }, 1)))
      : c.action === 'update'
        ? c.attributes.flatMap((a) => attributeLines(a, 1))
        : [],
  label: (c) => `${c.action} application "${c.name}"`,

  sortKey: (c) => [c.name],
  provides: (c) => (c.action === 'create' ? [dependencyKey.application(c.name)] : []),
  needs: () => [],
  blockedByFailure: () => [],

  safetyLabel: 'applications',
  // only customer managed applications can be deleted by a plan (src/kinds/application/diff.ts)
  liveCount: (live) => [...live.applications.values()].filter((a) => a.customerManaged).length,

  concurrency: 'ordinary',
  apply: { each: applyApplicationChange },

  attributionClues: applicationClues,

  iamActions: {
    read: ['sso:ListApplications', 'sso:DescribeApplication', 'sso:GetApplicationAssignmentConfiguration'],
    write: ['sso:CreateApplication', 'sso:UpdateApplication', 'sso:DeleteApplication', 'sso:PutApplicationAssignmentConfiguration'],
  },
};
