// `plan --changed-since` with `applications:` (issue 15): a change to one application's
// entry reads the instance's application list and that application alone (its assignments
// and assignment configuration), and plans what the full plan plans for it; drift in
// another application stays out. End to end on the sandbox with a real git repository.

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readOrganization } from '../../src/aws/kinds/organization.js';
import { READ_ALL, readLiveState } from '../../src/aws/read-live.js';
import { loadState } from '../../src/load/load.js';
import type { DesiredState } from '../../src/model/types.js';
import { readNeeds } from '../../src/plan/scoped/needs.js';
import { projectLive } from '../../src/plan/scoped/project.js';
import { restrictChanges } from '../../src/plan/scoped/restrict.js';
import { touchedObjects } from '../../src/plan/scoped/touched.js';
import type { Plan } from '../../src/plan/types.js';
import { runCli } from '../helpers/cli.js';
import type { TestSandbox } from '../helpers/sandbox.js';
import { callsOf, MANAGEMENT, startChangedSinceFixture, type ChangedSinceFixture } from './changed-since-fixture.js';
import { readScopedEverything, withSandboxContext } from '../helpers/aws-context.js';

const CUSTOM = 'arn:aws:sso::aws:applicationProvider/custom';
const user = (name: string) => `  - {userName: ${name}, displayName: ${name}, givenName: ${name}, familyName: Test}`;

function state(wikiUsers: string, chatUsers: string): string {
  return [
    'users:',
    user('ana'),
    user('bo'),
    'groups:',
    '  - {name: ops, members: [ana]}',
    'applications:',
    `  - {name: Wiki, providerArn: "${CUSTOM}", assignmentRequired: true, groups: [ops], users: [${wikiUsers}]}`,
    `  - {name: Chat, providerArn: "${CUSTOM}", assignmentRequired: true, users: [${chatUsers}]}`,
    '',
  ].join('\n');
}

async function loaded(dir: string): Promise<DesiredState> {
  const { state: desired } = await loadState(dir);
  if (!desired) throw new Error('state does not load');
  return desired;
}

describe('plan --changed-since with applications', () => {
  let fx: ChangedSinceFixture;
  let sandbox: TestSandbox;
  let work: string;
  let dir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    fx = await startChangedSinceFixture('changed-since-apps', ['prod']);
    ({ sandbox, work, dir, env } = fx);
    // Chat gets bo assigned by the first reconcile; the files at HEAD then drop him, which is
    // drift outside the change below (it edits Wiki alone)
    await writeFile(join(dir, 'state.yaml'), state('ana', 'bo'));
    const applied = await runCli(['reconcile', '--dir', dir, '--yes'], { env });
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    await writeFile(join(dir, 'state.yaml'), state('ana', ''));
    fx.commit('v1');
    await writeFile(join(dir, 'state.yaml'), state('ana, bo', ''));
  });

  afterAll(async () => {
    await fx?.stop();
  });

  it('reads exactly the touched application of a complete read', async () => {
    await withSandboxContext(sandbox, MANAGEMENT, async (ctx) => {
      const after = await loaded(dir);
      const before = { ...after, applications: (after.applications ?? []).map((a) => (a.name === 'Wiki' ? { ...a, users: ['ana'] } : a)) };
      const organization = await readOrganization(ctx, { organizationalUnits: false, accountTags: false });
      const decision = touchedObjects(before, after, organization);
      if ('full' in decision) throw new Error(decision.full);
      expect([...decision.scoped.applications]).toEqual(['Wiki']);
      const needs = readNeeds(decision.scoped, after, ctx.managementAccountId);
      const scoped = await readScopedEverything(ctx, needs, organization, join(work, 'in-process-cache.json'));
      const full = await readLiveState(ctx, { ...READ_ALL, organizationalUnits: false, accountTags: false, applications: true });
      expect(scoped).toEqual(projectLive(full, needs));
      expect(scoped.applications?.map((a) => a.name)).toEqual(['Wiki']);
      expect(full.applications?.map((a) => a.name).sort()).toEqual(['Chat', 'Wiki']);
    });
  });

  it('plans the touched application alone, as the full plan plans it, reading no other', async () => {
    const full = await runCli(['plan', '--dir', dir, '--format', 'json'], { env });
    const scoped = await runCli(['plan', '--dir', dir, '--format', 'json', '--changed-since', 'HEAD', '--verbose'], { env });
    expect(scoped.code, scoped.stderr).toBe(0);
    const fullPlan = JSON.parse(full.stdout) as Plan;
    const scopedPlan = JSON.parse(scoped.stdout) as Plan;
    expect(scopedPlan.changes).toEqual([
      { kind: 'applicationAssignment', action: 'create', application: 'Wiki', principalType: 'USER', principal: 'bo' },
    ]);
    // the full plan also removes bo from Chat (the drift), which the change does not touch
    expect(fullPlan.changes).toContainEqual(
      expect.objectContaining({ kind: 'applicationAssignment', action: 'delete', application: 'Chat' }),
    );
    const after = await loaded(dir);
    const before = { ...after, applications: (after.applications ?? []).map((a) => (a.name === 'Wiki' ? { ...a, users: ['ana'] } : a)) };
    const decision = touchedObjects(before, after, { accounts: [], organizationalUnits: [] });
    if ('full' in decision) throw new Error(decision.full);
    expect(scopedPlan.changes).toEqual(restrictChanges(fullPlan.changes, decision.scoped));
    expect(callsOf(scoped.stderr, 'ListApplications')).toBe(1);
    expect(callsOf(scoped.stderr, 'ListApplicationAssignments')).toBe(1);
    expect(callsOf(scoped.stderr, 'GetApplicationAssignmentConfiguration')).toBe(1);
    expect(scopedPlan.applicationAccessChanges).toBeUndefined();
  });
});
