// Applications and their assignments through their descriptors: what a plan holds for
// customer managed and referenced (SAML) applications, what it refuses before any write,
// and what the apply step asks of the writer.
import { describe, expect, it } from 'vitest';
import { applyPhases } from '../../apply/apply.js';
import type { IdentityCenterWriter } from '../../apply/port.js';
import type { ApplicationEntry, ApplicationState } from '../../model/applications.js';
import type { LiveState } from '../../model/live.js';
import { formatDiagnostic } from '../../model/types.js';
import { buildPlan, planPhases } from '../../plan/build.js';
import type { Change } from '../../plan/types.js';
import { describeChange } from '../../render/describe.js';
import { aDesiredState, aGroup, aUser, liveStateOf } from '../../testing/builders.js';

const CUSTOM = 'arn:aws:sso::aws:applicationProvider/custom';
const SALESFORCE = 'arn:aws:sso::aws:applicationProvider/catalog/Salesforce';
const users = [aUser({ userName: 'ana' }), aUser({ userName: 'bo' })];
const groups = [aGroup({ name: 'ops' }), aGroup({ name: 'sales' })];

const entry = (name: string, fields: Partial<ApplicationEntry> = {}): ApplicationEntry => ({
  name,
  users: [],
  groups: [],
  pos: { file: 'applications.yaml', line: 2, col: 5 },
  ...fields,
});

function liveApp(name: string, fields: Partial<ApplicationState> = {}): ApplicationState {
  const providerArn = fields.providerArn ?? CUSTOM;
  return {
    name,
    applicationArn: `arn:aws:sso::111111111111:application/ssoins-1111111111111111/apl-${name}`,
    providerArn,
    customerManaged: providerArn === CUSTOM,
    status: 'ENABLED',
    assignmentRequired: true,
    users: [],
    groups: [],
    ...fields,
  };
}

function liveWith(apps: ApplicationState[] | undefined): LiveState {
  return { ...liveStateOf({ users, groups }), ...(apps !== undefined ? { applications: apps } : {}) };
}

function plan(wanted: ApplicationEntry[] | undefined, live: ApplicationState[] | undefined, allowDeletes = true) {
  const desired = aDesiredState({ users, groups, files: ['applications.yaml'], ...(wanted !== undefined ? { applications: wanted } : {}) });
  const { plan: p, diagnostics } = buildPlan(desired, liveWith(live), { allowDeletes });
  const ofApps = (p?.changes ?? []).filter((c) => c.kind === 'application' || c.kind === 'applicationAssignment');
  return { plan: p, changes: ofApps, errors: diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic) };
}

describe('applications', () => {
  it('creates a customer managed application with its fields and its assignments, the assignments after the application', () => {
    const { changes } = plan(
      [entry('Wiki', { providerArn: CUSTOM, description: 'team wiki', assignmentRequired: false, users: ['ana'], groups: ['ops'] })],
      [],
    );
    expect(changes).toEqual([
      { kind: 'application', action: 'create', name: 'Wiki', providerArn: CUSTOM, description: 'team wiki', assignmentRequired: false },
      { kind: 'applicationAssignment', action: 'create', application: 'Wiki', principalType: 'GROUP', principal: 'ops' },
      { kind: 'applicationAssignment', action: 'create', application: 'Wiki', principalType: 'USER', principal: 'ana' },
    ]);
  });

  it('refuses, before planning anything, a referenced application that does not exist, naming it and its place', () => {
    const { plan: p, errors } = plan([entry('Salesfrce', { users: ['ana'] })], [liveApp('Salesforce', { providerArn: SALESFORCE })]);
    expect(p).toBeUndefined();
    expect(errors).toEqual([
      expect.stringMatching(
        /^applications\.yaml:2:5: application "Salesfrce" does not exist in Identity Center \(did you mean "Salesforce"\?\)/,
      ),
    ]);
  });

  it('refuses a change of provider and an assigned user or group the files do not define', () => {
    const { errors } = plan(
      [entry('Salesforce', { providerArn: CUSTOM, users: ['nobody'], groups: ['ghosts'] })],
      [liveApp('Salesforce', { providerArn: SALESFORCE })],
    );
    expect(errors).toEqual([
      expect.stringContaining('providerArn arn:aws:sso::aws:applicationProvider/custom differs from the live'),
      expect.stringContaining('user "nobody" is not defined in the state files'),
      expect.stringContaining('group "ghosts" is not defined in the state files'),
    ]);
  });

  it('matches the users and groups of an entry to the live ones whatever case they are written in (no churn)', () => {
    const { changes, errors } = plan(
      [entry('Salesforce', { users: ['BO'], groups: ['Sales'] })],
      [liveApp('Salesforce', { providerArn: SALESFORCE, users: ['user-bo'], groups: ['group-sales'] })],
    );
    expect(errors).toEqual([]);
    expect(changes).toEqual([]);
  });

  it('keeps the application assignments of a group renamed in place (previousNames)', () => {
    const desired = aDesiredState({
      users,
      groups: [aGroup({ name: 'ops' }), aGroup({ name: 'Sales Team', previousNames: ['sales'] })],
      files: ['applications.yaml'],
      applications: [entry('Salesforce', { groups: ['Sales Team'] })],
    });
    const live = liveWith([liveApp('Salesforce', { providerArn: SALESFORCE, groups: ['group-sales'] })]);
    const { plan: p, diagnostics } = buildPlan(desired, live, { allowDeletes: true });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(p?.changes).toEqual([{ kind: 'group', action: 'rename', name: 'Sales Team', previousName: 'sales' }]);
  });

  it('assigns and unassigns principals of a referenced SAML application and turns its assignmentRequired off', () => {
    const { changes } = plan(
      [entry('Salesforce', { assignmentRequired: false, users: ['ana'], groups: ['sales'] })],
      [liveApp('Salesforce', { providerArn: SALESFORCE, users: ['user-bo'], groups: ['group-sales'] })],
    );
    expect(changes).toEqual([
      {
        kind: 'application',
        action: 'update',
        name: 'Salesforce',
        attributes: [{ field: 'assignmentRequired', before: true, after: false }],
      },
      { kind: 'applicationAssignment', action: 'create', application: 'Salesforce', principalType: 'USER', principal: 'ana' },
      { kind: 'applicationAssignment', action: 'delete', application: 'Salesforce', principalType: 'USER', principal: 'bo' },
    ]);
  });

  it('keeps the fields an entry leaves out, and plans nothing for an application as declared', () => {
    const live = [liveApp('Wiki', { description: 'old', status: 'DISABLED', assignmentRequired: false, users: ['user-ana'] })];
    expect(plan([entry('Wiki', { providerArn: CUSTOM, users: ['ana'] })], live).changes).toEqual([]);
    expect(plan([entry('Wiki', { providerArn: CUSTOM, description: 'new', status: 'ENABLED', users: ['ana'] })], live).changes).toEqual([
      {
        kind: 'application',
        action: 'update',
        name: 'Wiki',
        attributes: [
          { field: 'description', before: 'old', after: 'new' },
          { field: 'status', before: 'DISABLED', after: 'ENABLED' },
        ],
      },
    ]);
  });

  it('deletes a customer managed application the files leave out, and leaves a SAML one alone with a warning', () => {
    const { changes, plan: p } = plan(
      [],
      [liveApp('Old'), liveApp('Box', { providerArn: 'arn:aws:sso::aws:applicationProvider/catalog/Box' })],
    );
    expect(changes).toEqual([{ kind: 'application', action: 'delete', name: 'Old' }]);
    expect(p?.warnings).toContainEqual(
      expect.stringContaining('application "Box" (provider arn:aws:sso::aws:applicationProvider/catalog/Box) is not in the files'),
    );
  });

  it('leaves the assignments of principals matching settings.ignore alone on both sides', () => {
    const desired = aDesiredState({
      users,
      groups,
      settings: { ...aDesiredState().settings, ignore: { users: ['b*'], groups: [], permissionSets: [] } },
      applications: [entry('Wiki', { providerArn: CUSTOM, users: ['bo'] })],
    });
    const { plan: p } = buildPlan(desired, liveWith([liveApp('Wiki', { users: ['user-bo'] })]), { allowDeletes: true });
    expect(p?.changes).toEqual([]);
    expect(p?.warnings).toContainEqual(expect.stringContaining('application "Wiki": user "bo" matches a settings.ignore pattern'));
    const dropped = aDesiredState({ ...desired, applications: [entry('Wiki', { providerArn: CUSTOM })] });
    expect(buildPlan(dropped, liveWith([liveApp('Wiki', { users: ['user-bo'] })]), { allowDeletes: true }).plan?.changes).toEqual([]);
  });

  it('leaves every application alone when the files do not declare applications:', () => {
    expect(plan(undefined, [liveApp('Old', { users: ['user-ana'] })]).changes).toEqual([]);
  });

  it('guards deleting every customer managed application with the delete-all rule', () => {
    expect(plan([], [liveApp('Old')], false).plan?.refused.map((r) => r.rule)).toEqual(['delete-all']);
  });

  it('shows a created application with its fields and an assignment by principal', () => {
    const { changes } = plan([entry('Wiki', { providerArn: CUSTOM, assignmentRequired: true, groups: ['ops'] })], []);
    const [created, assigned] = changes as [Change, Change];
    expect(describeChange(created)).toEqual([
      { mark: '+', depth: 0, text: 'application "Wiki"' },
      { mark: '+', depth: 1, text: `providerArn: "${CUSTOM}"` },
      { mark: '+', depth: 1, text: 'assignmentRequired: true' },
    ]);
    expect(describeChange(assigned)).toEqual([{ mark: '+', depth: 0, text: 'assign group "ops" to application "Wiki"' }]);
  });
});

/** A writer that records each call with its arguments; createApplication answers an ARN. */
function recordingWriter(calls: string[], failing?: string): IdentityCenterWriter {
  return new Proxy({} as IdentityCenterWriter, {
    get:
      (_target, method) =>
      async (...args: unknown[]) => {
        const call = `${String(method)} ${args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}`;
        calls.push(call);
        if (failing !== undefined && call.startsWith(failing)) throw new Error(`injected failure of ${failing}`);
        return method === 'createApplication' ? 'arn:new-wiki' : undefined;
      },
  });
}

describe('applying applications', () => {
  it('creates the application, writes its assignment configuration, then assigns with the new ARN and the principal ids', async () => {
    const { plan: p } = plan([entry('Wiki', { providerArn: CUSTOM, assignmentRequired: false, users: ['ana'] })], []);
    const calls: string[] = [];
    const result = await applyPhases(p ? planPhases(p) : [], liveWith([]), recordingWriter(calls));
    expect(result.failures).toEqual([]);
    expect(calls).toEqual([
      `createApplication {"name":"Wiki","providerArn":"${CUSTOM}"}`,
      'setApplicationAssignmentRequired arn:new-wiki false',
      'createApplicationAssignment {"applicationArn":"arn:new-wiki","principalType":"USER","principalId":"user-ana"}',
    ]);
  });

  it('does not assign to an application whose creation failed', async () => {
    const { plan: p } = plan([entry('Wiki', { providerArn: CUSTOM, users: ['ana'] })], []);
    const calls: string[] = [];
    const result = await applyPhases(p ? planPhases(p) : [], liveWith([]), recordingWriter(calls, 'createApplication'));
    expect(calls).toEqual([`createApplication {"name":"Wiki","providerArn":"${CUSTOM}"}`]);
    expect(result.failures.map((f) => f.label)).toEqual(['create application "Wiki"', expect.stringContaining('application assignment')]);
  });

  it('updates fields with UpdateApplication, assignmentRequired with its own call, and deletes by the live ARN', async () => {
    const live = [liveApp('Wiki', { description: 'old' }), liveApp('Old')];
    const { plan: p } = plan([entry('Wiki', { providerArn: CUSTOM, description: 'new', assignmentRequired: false })], live);
    const calls: string[] = [];
    await applyPhases(p ? planPhases(p) : [], liveWith(live), recordingWriter(calls));
    const arn = (name: string) => `arn:aws:sso::111111111111:application/ssoins-1111111111111111/apl-${name}`;
    expect(calls).toEqual([
      `updateApplication ${arn('Wiki')} {"description":"new"}`,
      `setApplicationAssignmentRequired ${arn('Wiki')} false`,
      `deleteApplication ${arn('Old')}`,
    ]);
  });
});
