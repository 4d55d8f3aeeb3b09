// Child-process script: the access engine on a generated organization, as `access` runs
// it from the state files: the state resolved against the organization alone (selectors
// expanded by src/plan/resolve.ts), then the engine (input + rows). Reports each phase's
// CPU and wall time and the process's peak RSS as one JSON line on stdout.
//   npm run build:bench && node dist/test/bench/access-profile.js L
import { computeAccess } from '../../src/access/engine.js';
import { organizationOnlyLive } from '../../src/access/files-world.js';
import { desiredAccessInput } from '../../src/access/inputs.js';
import type { LiveOrganizationalUnit } from '../../src/model/live.js';
import { DEFAULT_SETTINGS, type Account, type DesiredState } from '../../src/model/types.js';
import { resolveDesired } from '../../src/plan/resolve.js';
import { generateOrganization } from './generate.js';
import type { SyntheticOrg } from './org.js';
import { phase, type PhaseUsage } from './phase.js';
import { isShapeName, SHAPES } from './shapes.js';
import { assignmentEntries } from './state-files.js';

export interface AccessEngineProfile {
  shape: string;
  users: number;
  memberships: number;
  /** Expanded assignments (triples). */
  assignments: number;
  rows: number;
  resolve: PhaseUsage;
  engine: PhaseUsage;
}

/** The organization as the loader would give it: the benchmark's own state-file entries. */
function desiredOf(org: SyntheticOrg): DesiredState {
  return {
    users: org.users,
    groups: org.groups,
    permissionSets: org.permissionSets,
    assignments: assignmentEntries(org.assignments).map((e) => ({
      permissionSet: e.permissionSet,
      users: e.users ?? [],
      groups: e.groups ?? [],
      accounts: e.accounts,
      organizationalUnits: [],
      accountTags: {},
      excludeAccounts: [],
    })),
    settings: DEFAULT_SETTINGS,
    hasSettings: true,
    files: [],
  };
}

function organizationOf(org: SyntheticOrg): { accounts: Account[]; ous: LiveOrganizationalUnit[] } {
  const accounts = org.accounts.map((a, i) => ({
    id: String(100_000_000_000 + i),
    name: a.name,
    state: 'ACTIVE',
    ouPath: a.ou === '' ? 'Root' : `Root/${a.ou}`,
    tags: a.tags,
  }));
  const ous = ['Root', ...org.organizationalUnits.map((p) => `Root/${p}`)].map((path) => ({ id: path, path }));
  return { accounts, ous };
}

async function main(shapeName: string): Promise<AccessEngineProfile> {
  if (!isShapeName(shapeName)) throw new Error(`shape must be S, M or L, not "${shapeName}"`);
  const org = generateOrganization(SHAPES[shapeName]);
  const desired = desiredOf(org);
  const { accounts, ous } = organizationOf(org);
  const [resolved, resolve] = await phase(() => {
    const { resolved: r, diagnostics } = resolveDesired(desired, organizationOnlyLive(desired, accounts, ous));
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) throw new Error(`resolve: ${errors.map((d) => d.message).join('; ')}`);
    return r;
  });
  const [rows, engine] = await phase(() => computeAccess(desiredAccessInput(desired, resolved, { liveKnown: false })).length);
  return {
    shape: shapeName,
    users: org.users.length,
    memberships: org.groups.reduce((n, g) => n + g.members.length, 0),
    assignments: resolved.assignments.length,
    rows,
    resolve,
    engine,
  };
}

main(process.argv[2] ?? 'S').then(
  (profile) => process.stdout.write(`${JSON.stringify(profile)}\n`),
  (err: unknown) => {
    process.stderr.write(`access-profile: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
