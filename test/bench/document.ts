// The JSON document one benchmark run produces (issue 7's form plus context: the machine,
// the organization's size, the bounds of every command and the plan profile).
import { cpus, totalmem } from 'node:os';
import type { BenchSettings } from './lower-bound.js';
import type { SyntheticOrg } from './org.js';
import { pairKey } from './org.js';
import type { PlanProfile } from './plan-profile.js';
import type { CommandName, CommandResult } from './result.js';
import type { ShapeName } from './shapes.js';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  platform: string;
}

export interface OrganizationSize {
  accounts: number;
  permissionSets: number;
  users: number;
  groups: number;
  groupMemberships: number;
  assignments: number;
  provisionedPairs: number;
}

export interface CommandBound {
  command: CommandName;
  lowerBoundCalls: number;
  rateBoundSeconds: number;
  naiveCalls: number;
}

/** Plan on this shape with the sandbox unthrottled: what the computation itself costs. */
export interface PlanCost {
  /** phases of plan in one process (plan-profile.ts) */
  phases?: PlanProfile;
  /** the real `plan` command end to end */
  cli?: { wallSeconds: number; peakRssMiB?: number; cpuSeconds?: number; calls: number; exitCode: number };
  error?: string;
}

export interface BenchDocument {
  shape: ShapeName;
  machine: Machine;
  settings: BenchSettings;
  organization: OrganizationSize;
  results: CommandResult[];
  bounds: CommandBound[];
  planCost?: PlanCost;
  /** what was and was not measured in this run */
  note?: string;
  startedAt: string;
  durationSeconds: number;
}

export function describeMachine(): Machine {
  const cpuList = cpus();
  return {
    cpu: cpuList[0]?.model.trim() ?? 'unknown',
    cores: cpuList.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

export function organizationSize(org: SyntheticOrg): OrganizationSize {
  return {
    accounts: org.accounts.length,
    permissionSets: org.permissionSets.length,
    users: org.users.length,
    groups: org.groups.length,
    groupMemberships: org.groups.reduce((t, g) => t + g.members.length, 0),
    assignments: org.assignments.length,
    provisionedPairs: new Set(org.assignments.map(pairKey)).size,
  };
}
