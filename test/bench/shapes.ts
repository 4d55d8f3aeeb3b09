// The three organization sizes of issue 7. Counts are exact: the generator produces exactly
// this many accounts, permission sets, users, groups and (expanded) assignments.

export type ShapeName = 'S' | 'M' | 'L';

export interface Shape {
  name: ShapeName;
  accounts: number;
  permissionSets: number;
  users: number;
  groups: number;
  assignments: number;
  /**
   * Assignments created by the `reconcile-assignments-1000` scenario. 1,000 everywhere but S:
   * 1,000 creations need at least 100 s at 10 outstanding x 1 s completion, which alone
   * would break the "S runs in under two minutes" target.
   */
  newAssignments: number;
  /** Accounts the policy-change scenario's permission set is provisioned to (200, or all of S's 20). */
  policyAccounts: number;
}

export const SHAPES: Record<ShapeName, Shape> = {
  S: { name: 'S', accounts: 20, permissionSets: 10, users: 100, groups: 20, assignments: 300, newAssignments: 100, policyAccounts: 20 },
  M: {
    name: 'M',
    accounts: 200,
    permissionSets: 100,
    users: 2000,
    groups: 300,
    assignments: 5000,
    newAssignments: 1000,
    policyAccounts: 200,
  },
  L: {
    name: 'L',
    accounts: 1000,
    permissionSets: 500,
    users: 20000,
    groups: 2000,
    assignments: 50000,
    newAssignments: 1000,
    policyAccounts: 200,
  },
};

export function isShapeName(value: string): value is ShapeName {
  return value === 'S' || value === 'M' || value === 'L';
}
