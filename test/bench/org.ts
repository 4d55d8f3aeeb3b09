// The synthetic organization a benchmark seeds and describes as state files. Users, groups
// and permission sets use the tool's own model types, so the YAML written from them is the
// tool's format by construction; accounts are referenced by name because their ids are only
// known once the sandbox has created them.
import type { Group, PermissionSet, PrincipalType, User } from '../../src/model/types.js';
import type { Shape } from './shapes.js';

export interface SyntheticAccount {
  name: string;
  /** OU path below the root ("Workloads/BU01/Prod"); "" = at the root. */
  ou: string;
  tags: Record<string, string>;
}

/** One concrete assignment (the plan's triple), the account by name. */
export interface SyntheticAssignment {
  permissionSet: string;
  principalType: PrincipalType;
  principal: string;
  account: string;
}

export interface SyntheticOrg {
  shape: Shape;
  /** OU paths below the root, every parent before its children. */
  organizationalUnits: string[];
  accounts: SyntheticAccount[];
  users: User[];
  groups: Group[];
  permissionSets: PermissionSet[];
  assignments: SyntheticAssignment[];
}

export function assignmentKey(a: SyntheticAssignment): string {
  return `${a.permissionSet}|${a.principalType}|${a.principal}|${a.account}`;
}

/** "set|account": the unit AWS provisions a permission set to. */
export function pairKey(a: Pick<SyntheticAssignment, 'permissionSet' | 'account'>): string {
  return `${a.permissionSet}|${a.account}`;
}
