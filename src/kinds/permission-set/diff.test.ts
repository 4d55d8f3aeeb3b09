import { describe, expect, it } from 'vitest';
import { aDesiredState, aPermissionSet, aSettings, aTriple, liveStateOf } from '../../testing/builders.js';
import type { PermissionSet } from '../../model/types.js';
import { nameLive } from '../../plan/live-names.js';
import { diffPermissionSets } from './diff.js';

const ACCOUNT = '111111111111';

function diff(
  desired: PermissionSet[],
  live: PermissionSet[],
  extra: { assigned?: string[]; stale?: Record<string, string[]>; ignore?: string[]; manage?: boolean } = {},
) {
  const { named } = nameLive(
    liveStateOf({
      permissionSets: live,
      assignments: (extra.assigned ?? []).map((permissionSet) => aTriple({ permissionSet, accountId: ACCOUNT })),
      ...(extra.stale ? { staleProvisioning: extra.stale } : {}),
    }),
  );
  const settings = aSettings({ manage: { permissionSets: extra.manage ?? true }, ignore: { permissionSets: extra.ignore ?? [] } });
  return diffPermissionSets(aDesiredState({ permissionSets: desired, settings }), named);
}

describe('diffPermissionSets', () => {
  it('creates a missing set with its full content and no position', () => {
    const set = aPermissionSet({ name: 'Admin', managedPolicies: ['arn:b', 'arn:a'], pos: { file: 'f.yaml', line: 1, col: 1 } });
    expect(diff([set], []).changes).toEqual([
      {
        kind: 'permissionSet',
        action: 'create',
        name: 'Admin',
        after: { name: 'Admin', tags: {}, managedPolicies: ['arn:a', 'arn:b'], customerManagedPolicies: [] },
      },
    ]);
  });

  it('deletes a live set that the files no longer list', () => {
    expect(diff([], [aPermissionSet({ name: 'Old' })]).changes).toEqual([{ kind: 'permissionSet', action: 'delete', name: 'Old' }]);
  });

  it.each<[string, Partial<PermissionSet>, Partial<PermissionSet>, { field: string; before?: unknown; after?: unknown }]>([
    ['description', { description: 'a' }, { description: 'b' }, { field: 'description', before: 'a', after: 'b' }],
    ['session duration, absent meaning PT1H', {}, { sessionDuration: 'PT8H' }, { field: 'sessionDuration', before: 'PT1H', after: 'PT8H' }],
    ['relay state', {}, { relayState: 'https://x/' }, { field: 'relayState', after: 'https://x/' }],
    ['tags', { tags: { a: '1' } }, { tags: { a: '2' } }, { field: 'tags', before: { a: '1' }, after: { a: '2' } }],
    ['managed policies', { managedPolicies: ['arn:a'] }, { managedPolicies: [] }, { field: 'managedPolicies', before: ['arn:a'] }],
    [
      'customer managed policies',
      {},
      { customerManagedPolicies: [{ name: 'P', path: '/' }] },
      { field: 'customerManagedPolicies', after: [{ name: 'P', path: '/' }] },
    ],
    [
      'inline policy',
      { inlinePolicy: { Version: '1' } },
      { inlinePolicy: { Version: '2' } },
      { field: 'inlinePolicy', before: { Version: '1' }, after: { Version: '2' } },
    ],
    [
      'permissions boundary',
      {},
      { permissionsBoundary: { managedPolicyArn: 'arn:b' } },
      { field: 'permissionsBoundary', after: { managedPolicyArn: 'arn:b' } },
    ],
  ])('reports a changed %s as one attribute change', (_name, live, desired, expected) => {
    const [change] = diff([aPermissionSet({ name: 'S', ...desired })], [aPermissionSet({ name: 'S', ...live })]).changes;
    expect(change).toMatchObject({ kind: 'permissionSet', action: 'update', name: 'S', attributes: [expected] });
  });

  it.each<[string, Partial<PermissionSet>, Partial<PermissionSet>]>([
    [
      'policy key order and layout',
      { inlinePolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*' }] } },
      { inlinePolicy: { Statement: [{ Action: 's3:*', Effect: 'Allow' }], Version: '2012-10-17' } },
    ],
    ['PT1H written out against an absent duration', {}, { sessionDuration: 'PT1H' }],
    ['PT60M against PT1H', { sessionDuration: 'PT1H' }, { sessionDuration: 'PT60M' }],
    ['managed policy order', { managedPolicies: ['arn:b', 'arn:a'] }, { managedPolicies: ['arn:a', 'arn:b'] }],
    ['an empty description against none', {}, { description: '' }],
  ])('sees no change for %s', (_name, live, desired) => {
    expect(diff([aPermissionSet({ name: 'S', ...desired })], [aPermissionSet({ name: 'S', ...live })]).changes).toEqual([]);
  });

  it('re-provisions a provisioned set once when its policies change', () => {
    const { changes } = diff(
      [aPermissionSet({ name: 'S', managedPolicies: ['arn:new'] })],
      [aPermissionSet({ name: 'S', managedPolicies: ['arn:old'] })],
      { assigned: ['S'] },
    );
    expect(changes.filter((c) => c.action === 'reprovision')).toEqual([
      { kind: 'permissionSet', action: 'reprovision', name: 'S', staleAccounts: [], reason: 'updated' },
    ]);
  });

  it('does not re-provision for a tag or description change', () => {
    const { changes } = diff([aPermissionSet({ name: 'S', tags: { t: '1' }, description: 'd' })], [aPermissionSet({ name: 'S' })], {
      assigned: ['S'],
    });
    expect(changes.map((c) => c.action)).toEqual(['update']);
  });

  it('re-provisions once when the relay state is removed: the sign-in to the accounts changes', () => {
    const { changes } = diff(
      [aPermissionSet({ name: 'S' })],
      [aPermissionSet({ name: 'S', relayState: 'https://console.aws.amazon.com/s3/' })],
      { assigned: ['S'] },
    );
    expect(changes.map((c) => c.action)).toEqual(['update', 'reprovision']);
    expect(changes[0]).toMatchObject({ attributes: [{ field: 'relayState', before: 'https://console.aws.amazon.com/s3/' }] });
  });

  it('does not re-provision when only the description is removed', () => {
    const { changes } = diff([aPermissionSet({ name: 'S' })], [aPermissionSet({ name: 'S', description: 'old words' })], {
      assigned: ['S'],
    });
    expect(changes).toEqual([
      {
        kind: 'permissionSet',
        action: 'update',
        name: 'S',
        attributes: [{ field: 'description', before: 'old words' }],
        after: { name: 'S', tags: {}, managedPolicies: [], customerManagedPolicies: [] },
      },
    ]);
  });

  it('does not re-provision a changed set that is provisioned nowhere', () => {
    const { changes } = diff([aPermissionSet({ name: 'S', sessionDuration: 'PT4H' })], [aPermissionSet({ name: 'S' })]);
    expect(changes.map((c) => c.action)).toEqual(['update']);
  });

  it('re-provisions an unchanged set whose accounts are stale, naming them', () => {
    const { changes } = diff([aPermissionSet({ name: 'S' })], [aPermissionSet({ name: 'S' })], { stale: { S: ['222222222222'] } });
    expect(changes).toEqual([
      { kind: 'permissionSet', action: 'reprovision', name: 'S', staleAccounts: ['222222222222'], reason: 'stale' },
    ]);
  });

  it('leaves ignored sets alone, live or desired, with a warning for the desired one', () => {
    const result = diff(
      [aPermissionSet({ name: 'AWSServiceCatalogX', description: 'new' })],
      [aPermissionSet({ name: 'AWSServiceCatalogY' })],
      { ignore: ['AWSServiceCatalog*'] },
    );
    expect(result.changes).toEqual([]);
    expect(result.warnings).toEqual(['permission set "AWSServiceCatalogX" matches settings.ignore.permissionSets; it is left alone']);
  });

  it('plans nothing when permission sets are not managed', () => {
    expect(
      diff([aPermissionSet({ name: 'New' })], [aPermissionSet({ name: 'Old' })], { manage: false, stale: { Old: [ACCOUNT] } }).changes,
    ).toEqual([]);
  });
});
