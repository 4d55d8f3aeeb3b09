import { describe, expect, it } from 'vitest';
import { aDesiredState, aGroup, aPermissionSet, aUser, liveStateOf } from '../testing/builders.js';
import { buildPlan } from './build.js';
import { parsePlanFile, serializePlan } from './plan-file.js';
import type { Plan } from './types.js';

function samplePlan(): Plan {
  const desired = aDesiredState({ users: [aUser()], groups: [aGroup({ members: ['alice@example.com'] })], permissionSets: [aPermissionSet({ inlinePolicy: { b: 1, a: [2] } })] });
  const { plan } = buildPlan(desired, liveStateOf({}), { allowDeletes: false, now: new Date(0) });
  if (!plan) throw new Error('no plan');
  return plan;
}

describe('plan files', () => {
  it('round-trips a plan', () => {
    const plan = samplePlan();
    expect(parsePlanFile(serializePlan(plan), 'plan.json')).toEqual(plan);
  });

  it('reads a group rename back', () => {
    const plan = { ...samplePlan(), changes: [{ kind: 'group', action: 'rename', name: 'Customer Support', previousName: 'Support' }] } as Plan;
    expect(parsePlanFile(serializePlan(plan), 'plan.json').changes).toEqual(plan.changes);
  });

  it('writes sorted keys and a trailing newline, so equal plans give equal files', () => {
    const text = serializePlan(samplePlan());
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.indexOf('"changes"')).toBeLessThan(text.indexOf('"createdAt"'));
    expect(text).toContain('"a": [\n');
  });

  const valid = () => JSON.parse(serializePlan(samplePlan())) as Record<string, unknown>;
  it.each<[string, string, string]>([
    ['invalid JSON', '{', 'plan.json: not a plan file: invalid JSON'],
    ['another format version', JSON.stringify({ ...valid(), formatVersion: 2 }), 'plan.json: not a valid plan file: has plan format version 2; this sso-gitops reads version 1'],
    ['a missing checksum', JSON.stringify({ ...valid(), liveChecksum: undefined }), 'has a missing or invalid "liveChecksum"'],
    ['an unknown change kind', JSON.stringify({ ...valid(), changes: [{ kind: 'role', action: 'create' }] }), 'changes[0] has an unknown kind/action "role/create"'],
    ['a change without its name', JSON.stringify({ ...valid(), changes: [{ kind: 'group', action: 'delete' }] }), 'changes[0] (group delete) has a missing or invalid "name"'],
    ['a group rename without its previous name', JSON.stringify({ ...valid(), changes: [{ kind: 'group', action: 'rename', name: 'New' }] }), 'changes[0] (group rename) has a missing or invalid "previousName"'],
    ['an array', '[]', 'is not a JSON object'],
  ])('rejects %s, naming the file and the problem', (_what, text, message) => {
    expect(() => parsePlanFile(text, 'plan.json')).toThrow(message);
  });
});
