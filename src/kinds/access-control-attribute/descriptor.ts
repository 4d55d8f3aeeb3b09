// Attributes for access control (ABAC) of the instance: one change per key in the plan,
// one write for the whole configuration in the apply step.
import { accessControlAttributeClues } from './attribution.js';
import type { JsonValue } from '../../model/types.js';
import type { AccessControlAttributeChange } from '../../plan/types.js';
import { attributeLines } from '../../render/attribute-lines.js';
import type { KindDescriptor } from '../descriptor.js';
import { applyAccessControlAttributeChanges } from './apply.js';
import { diffAccessControlAttributes } from './diff.js';

/** A source list as read: its one entry as a string (the model allows exactly one). */
const shown = (source: JsonValue | undefined): JsonValue | undefined =>
  Array.isArray(source) && source.length === 1 ? (source[0] ?? null) : source;

export const accessControlAttributeKind: KindDescriptor<AccessControlAttributeChange> = {
  kind: 'accessControlAttribute',
  phases: {
    create: 'attributes for access control set',
    update: 'attributes for access control set',
    delete: 'attributes for access control set',
  },
  diffStage: 'objects',
  diff: diffAccessControlAttributes,

  title: 'Attributes for access control',
  headline: (c) => `attribute for access control "${c.key}"`,
  details: (c) =>
    c.action === 'create'
      ? attributeLines({ field: 'source', after: shown(c.source) }, 1)
      : c.action === 'update'
        ? c.attributes.flatMap((a) => attributeLines({ field: a.field, before: shown(a.before), after: shown(a.after) }, 1))
        : [],
  label: (c) => `${c.action} attribute for access control "${c.key}"`,

  sortKey: (c) => [c.key],
  provides: () => [],
  needs: () => [],
  blockedByFailure: () => [],

  safetyLabel: 'attributes for access control',
  liveCount: (live) => live.accessControlAttributes.length,

  concurrency: 'ordinary',
  apply: { together: applyAccessControlAttributeChanges },

  attributionClues: accessControlAttributeClues,

  iamActions: {
    read: ['sso:DescribeInstanceAccessControlAttributeConfiguration'],
    write: [
      'sso:CreateInstanceAccessControlAttributeConfiguration',
      'sso:UpdateInstanceAccessControlAttributeConfiguration',
      'sso:DeleteInstanceAccessControlAttributeConfiguration',
    ],
  },
};
