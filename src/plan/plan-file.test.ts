import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aDesiredState, aGroup, aPermissionSet, aUser, liveStateOf } from '../testing/builders.js';
import { buildPlan } from './build.js';
import { PlanFileError, parsePlanFile, savedPlanDifferences, serializePlan } from './plan-file.js';
import type { Change, Plan } from './types.js';

function samplePlan(): Plan {
  const desired = aDesiredState({
    users: [aUser()],
    groups: [aGroup({ members: ['alice@example.com'] })],
    permissionSets: [aPermissionSet({ inlinePolicy: { b: 1, a: [2] } })],
  });
  const { plan } = buildPlan(desired, liveStateOf({}), { allowDeletes: false, now: new Date(0) });
  if (!plan) throw new Error('no plan');
  return plan;
}

const valid = () => JSON.parse(serializePlan(samplePlan())) as Record<string, unknown> & { changes: Record<string, unknown>[] };

describe('plan files', () => {
  it('round-trips a plan', () => {
    const plan = samplePlan();
    expect(parsePlanFile(serializePlan(plan), 'plan.json')).toEqual(plan);
  });

  it('writes sorted keys and a trailing newline, so equal plans give equal files', () => {
    const text = serializePlan(samplePlan());
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.indexOf('"changes"')).toBeLessThan(text.indexOf('"createdAt"'));
    expect(text).toContain('"a": [\n');
  });

  it('accepts the golden plan of every kind and action', () => {
    const text = readFileSync(new URL('../../test/golden/every-kind.json', import.meta.url), 'utf8');
    expect(parsePlanFile(text, 'every-kind.json').changes.length).toBeGreaterThan(10);
  });

  it('accepts an in-place group rename', () => {
    const plan = valid();
    plan.changes = [{ kind: 'group', action: 'rename', name: 'Customer Support', previousName: 'Support' }];
    plan.summary = { add: 0, change: 1, destroy: 0 };
    expect(parsePlanFile(JSON.stringify(plan), 'plan.json').changes).toHaveLength(1);
  });

  it('rejects a user rename: AWS documents no way to change a userName, so no plan has one', () => {
    const plan = valid();
    plan.changes = [{ kind: 'user', action: 'rename', userName: 'ana.lima@example.com', previousUserName: 'ana@example.com' }];
    plan.summary = { add: 0, change: 1, destroy: 0 };
    expect(() => parsePlanFile(JSON.stringify(plan), 'plan.json')).toThrow('/changes/0: unknown kind/action combination');
  });

  const edited = (edit: (p: ReturnType<typeof valid>) => void) => {
    const p = valid();
    edit(p);
    return JSON.stringify(p);
  };

  it.each<[string, string, string]>([
    ['invalid JSON', '{', 'plan.json: not a plan file: invalid JSON'],
    [
      'another format version',
      edited((p) => (p.formatVersion = 2)),
      'plan.json: not a valid plan file: /formatVersion: plan format version 2; this sso-gitops reads version 1',
    ],
    ['a missing checksum', edited((p) => delete p.liveChecksum), '/: missing required field "liveChecksum"'],
    ['a checksum that is not sha256 hex', edited((p) => (p.liveChecksum = 'abc')), '/liveChecksum: must match pattern'],
    [
      'an unknown change kind',
      edited((p) => (p.changes = [{ kind: 'role', action: 'create' }])),
      '/changes/0/kind: must be equal to one of the allowed values',
    ],
    [
      'a known kind with an action it does not have',
      edited((p) => (p.changes = [{ kind: 'membership', action: 'rename', group: 'g', userName: 'u' }])),
      '/changes/0: unknown kind/action combination',
    ],
    [
      'a change without its name',
      edited((p) => (p.changes = [{ kind: 'group', action: 'delete' }])),
      '/changes/0: missing required field "name"',
    ],
    [
      'a change with a field of another shape',
      edited((p) => (p.changes = [{ kind: 'group', action: 'delete', name: 'g', userName: 'u' }])),
      '/changes/0/userName: unknown field',
    ],
    [
      'a user without a required attribute',
      edited((p) => delete (p.changes[0]?.after as Record<string, unknown>).displayName),
      '/changes/0/after: missing required field "displayName"',
    ],
    [
      'an assignment to an account id that is not 12 digits',
      edited(
        (p) =>
          (p.changes = [
            { kind: 'assignment', action: 'create', permissionSet: 's', principalType: 'GROUP', principal: 'g', accountId: '123' },
          ]),
      ),
      '/changes/0/accountId: must match pattern',
    ],
    ['an unknown top-level field', edited((p) => (p.approvedBy = 'me')), '/approvedBy: unknown field'],
    ['refusals that are not {rule, message}', edited((p) => (p.refused = ['none'])), '/refused/0: must be object'],
    [
      'a summary that does not count the changes',
      edited((p) => (p.summary = { add: 0, change: 0, destroy: 0 })),
      '/summary: says 0 to add, 0 to change, 0 to destroy, but the changes are 4 to add',
    ],
    ['an array', '[]', 'plan.json: not a valid plan file: /: must be object'],
  ])('rejects %s, naming the file and the JSON path', (_what, text, message) => {
    expect(() => parsePlanFile(text, 'plan.json')).toThrow(PlanFileError);
    expect(() => parsePlanFile(text, 'plan.json')).toThrow(message);
  });
});

describe('a saved plan compared with the plan of now', () => {
  const del = (name: string): Change => ({ kind: 'group', action: 'delete', name });
  const add = (name: string): Change => ({ kind: 'group', action: 'create', name });

  it('finds no difference between the same changes in another order and key order', () => {
    const reordered = JSON.parse('{"name":"b","action":"delete","kind":"group"}') as Change;
    expect(savedPlanDifferences([del('a'), reordered], [del('b'), del('a')])).toEqual({ onlyInFile: [], onlyNow: [] });
  });

  it('names a change added by hand and one removed by hand', () => {
    expect(savedPlanDifferences([del('a'), del('x')], [del('a'), add('b')])).toEqual({ onlyInFile: [del('x')], onlyNow: [add('b')] });
  });

  it('counts a duplicated change as a difference', () => {
    expect(savedPlanDifferences([del('a'), del('a')], [del('a')])).toEqual({ onlyInFile: [del('a')], onlyNow: [] });
  });

  it('sees an edited field inside a change', () => {
    const saved: Change = { kind: 'group', action: 'create', name: 'g', description: 'edited' };
    const fresh: Change = { kind: 'group', action: 'create', name: 'g', description: 'planned' };
    expect(savedPlanDifferences([saved], [fresh])).toEqual({ onlyInFile: [saved], onlyNow: [fresh] });
  });
});
