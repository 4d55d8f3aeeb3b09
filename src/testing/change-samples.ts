// One change of every kind and action, named so that they refer to each other (user "ana"
// in group "ops", assigned "Admin" on 111111111111). Typed by the registry's kinds and each
// kind's actions: a new kind or action without a sample is a compile error, so the
// descriptor tests (src/kinds/registry.test.ts) cover it.
import { aPermissionSet, aUser } from './builders.js';
import type { ChangeKind } from '../plan/types.js';
import type { ChangeOf } from '../kinds/descriptor.js';

type Samples = { [K in ChangeKind]: { [A in ChangeOf<K>['action']]: ChangeOf<K> & { action: A } } };

const set = aPermissionSet({ name: 'Admin' });
const assignment = {
  kind: 'assignment',
  permissionSet: 'Admin',
  principalType: 'GROUP',
  principal: 'ops',
  accountId: '111111111111',
} as const;

export const SAMPLE_CHANGES: Samples = {
  user: {
    create: { kind: 'user', action: 'create', userName: 'ana', after: aUser({ userName: 'ana' }) },
    update: { kind: 'user', action: 'update', userName: 'ana', attributes: [{ field: 'displayName', before: 'A', after: 'Ana' }] },
    delete: { kind: 'user', action: 'delete', userName: 'ana' },
  },
  group: {
    create: { kind: 'group', action: 'create', name: 'ops', description: 'Operations' },
    update: { kind: 'group', action: 'update', name: 'ops', attributes: [{ field: 'description', before: 'x', after: 'y' }] },
    rename: { kind: 'group', action: 'rename', name: 'ops', previousName: 'operations' },
    delete: { kind: 'group', action: 'delete', name: 'ops' },
  },
  membership: {
    create: { kind: 'membership', action: 'create', group: 'ops', userName: 'ana' },
    delete: { kind: 'membership', action: 'delete', group: 'ops', userName: 'ana' },
  },
  permissionSet: {
    create: { kind: 'permissionSet', action: 'create', name: 'Admin', after: set },
    update: { kind: 'permissionSet', action: 'update', name: 'Admin', attributes: [{ field: 'description', after: 'all' }], after: set },
    reprovision: { kind: 'permissionSet', action: 'reprovision', name: 'Admin', staleAccounts: [], reason: 'updated' },
    delete: { kind: 'permissionSet', action: 'delete', name: 'Admin' },
  },
  assignment: {
    create: { ...assignment, action: 'create' },
    delete: { ...assignment, action: 'delete' },
  },
  accessControlAttribute: {
    create: { kind: 'accessControlAttribute', action: 'create', key: 'CostCenter', source: ['${path:enterprise.costCenter}'] },
    update: {
      kind: 'accessControlAttribute',
      action: 'update',
      key: 'CostCenter',
      attributes: [{ field: 'source', before: ['${path:enterprise.division}'], after: ['${path:enterprise.costCenter}'] }],
      source: ['${path:enterprise.costCenter}'],
    },
    delete: { kind: 'accessControlAttribute', action: 'delete', key: 'CostCenter' },
  },
  application: {
    create: { kind: 'application', action: 'create', name: 'Wiki', providerArn: 'arn:aws:sso::aws:applicationProvider/custom' },
    update: {
      kind: 'application',
      action: 'update',
      name: 'Wiki',
      attributes: [{ field: 'assignmentRequired', before: true, after: false }],
    },
    delete: { kind: 'application', action: 'delete', name: 'Wiki' },
  },
  applicationAssignment: {
    create: { kind: 'applicationAssignment', action: 'create', application: 'Wiki', principalType: 'GROUP', principal: 'ops' },
    delete: { kind: 'applicationAssignment', action: 'delete', application: 'Wiki', principalType: 'GROUP', principal: 'ops' },
  },
};
