// One hand-written case per backend that fast-check runs before the random ones, so every
// `npm test` covers the edges the issue names — renames (with and without previousNames,
// case only), a member moved between groups, attribute and policy removals, OU/tag
// selectors with an exclusion, deletions — whatever
// the random seed of the day picks.
import type { Edit } from './edits.js';
import type { BackendCapabilities, SpecPermissionSet, SpecState } from './model.js';

export function edgeExample(caps: BackendCapabilities): [SpecState, Edit[]] {
  const developer: SpecPermissionSet = {
    name: 'Developer',
    description: 'Build and deploy',
    sessionDuration: 'PT8H',
    relayState: 'https://console.aws.amazon.com/',
    tags: caps.permissionSetTags ? { team: 'product', 'cost-center': '4200' } : {},
    managedPolicies: ['arn:aws:iam::aws:policy/PowerUserAccess'],
    customerManagedPolicies: [{ name: 'DenyBilling', path: '/' }],
    inlinePolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'account:*', Resource: '*' }] },
    ...(caps.permissionsBoundary ? { permissionsBoundary: { customerManagedPolicy: { name: 'Boundary', path: '/boundaries/' } } } : {}),
  };
  const state: SpecState = {
    users: [
      {
        userName: 'alice@example.com',
        displayName: 'Alice Liddell',
        givenName: 'Alice',
        familyName: 'Liddell',
        email: 'alice@example.com',
        title: 'Platform Lead',
      },
      { userName: 'bob@example.com', displayName: 'Bob Builder', givenName: 'Bob', familyName: 'Builder' },
      { userName: 'carol', displayName: 'Carol Danvers', givenName: 'Carol', familyName: 'Danvers', nickName: 'Cap' },
    ],
    groups: [
      { name: 'Platform Admins', description: 'Runs the platform', members: ['alice@example.com'] },
      { name: 'Developers', members: ['bob@example.com', 'carol'] },
    ],
    permissionSets: [
      developer,
      { name: 'ReadOnly', tags: {}, managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'], customerManagedPolicies: [] },
    ],
    assignments: [
      {
        permissionSet: 'Developer',
        users: [],
        groups: ['Developers'],
        accounts: [],
        organizationalUnits: ['Root/Workloads'],
        accountTags: {},
        excludeAccounts: [{ account: 'prod', byId: false }],
      },
      {
        permissionSet: 'ReadOnly',
        users: ['carol'],
        groups: ['Platform Admins'],
        accounts: [{ account: 'shared', byId: true }],
        organizationalUnits: [],
        accountTags: { env: 'prod' },
        excludeAccounts: [],
      },
    ],
    maxDeletePercent: 50,
  };
  const edits: Edit[] = [
    { kind: 'renameGroup', group: 1, newName: 'Product Developers', withPreviousNames: false },
    { kind: 'moveMember', from: 1, to: 0, member: 0 },
    { kind: 'removePermissionSetField', set: 0, fields: ['sessionDuration', 'inlinePolicy'] },
    {
      kind: 'changeTargets',
      assignment: 1,
      targets: {
        accounts: [],
        organizationalUnits: ['Root/Infrastructure'],
        accountTags: { team: 'core' },
        excludeAccounts: [{ account: 'staging', byId: true }],
      },
    },
    { kind: 'deleteUser', user: 2 },
  ];
  // The fixed defects of issue #11 (case-only renames, previousNames, removing a set's
  // description and relay state) where the backend can apply them (moto has no UpdateGroup).
  if (caps.updateGroup) {
    edits.push(
      { kind: 'caseOnlyRename', what: 'group', index: 0, style: 'upper' },
      { kind: 'renameGroup', group: 0, newName: 'Platform Team', withPreviousNames: true },
    );
  }
  if (caps.updateUser) edits.push({ kind: 'caseOnlyRename', what: 'user', index: 0, style: 'upper' });
  edits.push(
    { kind: 'caseOnlyRename', what: 'permissionSet', index: 1, style: 'lower' },
    { kind: 'removePermissionSetField', set: 0, fields: ['relayState'] },
    { kind: 'removePermissionSetField', set: 0, fields: ['description'] },
  );
  return [state, edits];
}
