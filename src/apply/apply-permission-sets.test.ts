// Applying permission set changes at the edges. A set created during the run may turn out
// to be adopted: its name was taken meanwhile (a racing run, or our own attempt whose
// answer was lost); the steps after the creation must start from that set's real content,
// not from an empty set. And an update that failed (e.g. AWS kept a description the
// update meant to remove) is never followed by a re-provisioning.
import { describe, expect, it } from 'vitest';
import type { PermissionSet } from '../model/types.js';
import { emptyLive } from '../testing/recording-writer.js';
import { applyPhases } from './apply.js';
import type { CreatedPermissionSet, IdentityCenterWriter } from './port.js';

const live = emptyLive();

/** A writer whose createPermissionSet answers `created`; records the content steps and provisionings. */
function writerCreating(created: CreatedPermissionSet, failStep?: Error): { writer: IdentityCenterWriter; steps: string[] } {
  const steps: string[] = [];
  const unexpected = async (): Promise<never> => {
    throw new Error('unexpected call');
  };
  const writer: IdentityCenterWriter = {
    createUser: unexpected,
    updateUser: unexpected,
    deleteUser: unexpected,
    createGroup: unexpected,
    updateGroup: unexpected,
    deleteGroup: unexpected,
    createMembership: unexpected,
    deleteMembership: unexpected,
    createPermissionSet: async () => created,
    applyPermissionSetOperation: async (arn, op) => {
      steps.push(`${arn} ${JSON.stringify(op)}`);
      if (failStep) throw failStep;
    },
    deletePermissionSet: unexpected,
    createAccessControlAttributes: unexpected,
    updateAccessControlAttributes: unexpected,
    deleteAccessControlAttributes: unexpected,
    createApplication: unexpected,
    updateApplication: unexpected,
    deleteApplication: unexpected,
    setApplicationAssignmentRequired: unexpected,
    createApplicationAssignment: unexpected,
    deleteApplicationAssignment: unexpected,
    provisionPermissionSet: async (arn) => {
      steps.push(`provision ${arn}`);
    },
    createAssignment: unexpected,
    deleteAssignment: unexpected,
  };
  return { writer, steps };
}

const wanted: PermissionSet = {
  name: 'Ops',
  description: 'operators',
  tags: { team: 'ops' },
  managedPolicies: ['arn:aws:iam::aws:policy/A', 'arn:aws:iam::aws:policy/B'],
  customerManagedPolicies: [],
};

describe('applying the creation of a permission set', () => {
  it('adds only the content of a set it created', async () => {
    const { writer, steps } = writerCreating({ arn: 'arn:new' });
    const result = await applyPhases([[{ kind: 'permissionSet', action: 'create', name: 'Ops', after: wanted }]], live, writer);
    expect(result.failures).toEqual([]);
    expect(steps).toEqual([
      'arn:new {"op":"attachManagedPolicy","arn":"arn:aws:iam::aws:policy/A"}',
      'arn:new {"op":"attachManagedPolicy","arn":"arn:aws:iam::aws:policy/B"}',
    ]);
  });

  it('brings an adopted set from its real content: fixes basics and tags, attaches only what is missing, detaches what is not wanted', async () => {
    const adopted: PermissionSet = {
      name: 'Ops',
      description: 'made in the console',
      tags: {},
      managedPolicies: ['arn:aws:iam::aws:policy/A', 'arn:aws:iam::aws:policy/AdministratorAccess'],
      customerManagedPolicies: [],
      inlinePolicy: { Version: '2012-10-17', Statement: [] },
    };
    const { writer, steps } = writerCreating({ arn: 'arn:adopted', adopted });
    const result = await applyPhases([[{ kind: 'permissionSet', action: 'create', name: 'Ops', after: wanted }]], live, writer);
    expect(result.failures).toEqual([]);
    expect(steps.map((s) => s.replace('arn:adopted ', ''))).toEqual([
      '{"op":"updateBasics","description":"operators","sessionDuration":"PT1H"}',
      '{"op":"tag","tags":{"team":"ops"}}',
      '{"op":"attachManagedPolicy","arn":"arn:aws:iam::aws:policy/B"}',
      '{"op":"detachManagedPolicy","arn":"arn:aws:iam::aws:policy/AdministratorAccess"}',
      '{"op":"deleteInlinePolicy"}',
    ]);
  });

  it('does not re-provision a set whose update failed', async () => {
    const { writer, steps } = writerCreating({ arn: 'unused' }, new Error('AWS kept the relayState'));
    const withRelay = { ...wanted, relayState: 'https://console.aws.amazon.com/' };
    const result = await applyPhases(
      [
        [
          {
            kind: 'permissionSet',
            action: 'update',
            name: 'Ops',
            attributes: [{ field: 'relayState', before: withRelay.relayState }],
            after: wanted,
          },
        ],
        [{ kind: 'permissionSet', action: 'reprovision', name: 'Ops', staleAccounts: [], reason: 'updated' }],
      ],
      { ...live, permissionSets: [{ ...withRelay, arn: 'arn:ops' }] },
      writer,
    );
    expect(steps).toEqual(['arn:ops {"op":"updateBasics","description":"operators","sessionDuration":"PT1H"}']);
    expect(result.failures.map((f) => f.change.action)).toEqual(['update', 'reprovision']);
    expect(result.failures[1]?.error).toMatch(/^skipped: /);
  });
});
