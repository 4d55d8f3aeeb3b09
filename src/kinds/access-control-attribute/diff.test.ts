// Attributes for access control through their descriptor: compared key by key, shown per
// key, and merged into one configuration for the write.
import { describe, expect, it } from 'vitest';
import type { AccessControlAttribute } from '../../model/types.js';
import { buildPlan } from '../../plan/build.js';
import type { AccessControlAttributeChange, Change } from '../../plan/types.js';
import { describeChange } from '../../render/describe.js';
import { aDesiredState, aLiveState } from '../../testing/builders.js';
import { withChanges } from './diff.js';

const attr = (key: string, source: string): AccessControlAttribute => ({ key, source: [source] });

function planOf(wanted: AccessControlAttribute[] | undefined, live: AccessControlAttribute[] | undefined): Change[] {
  const desired = aDesiredState({
    files: ['instance.yaml'],
    ...(wanted !== undefined ? { instance: { accessControlAttributes: wanted } } : {}),
  });
  const { plan } = buildPlan(desired, aLiveState(live !== undefined ? { accessControlAttributes: live } : {}), { allowDeletes: true });
  return (plan?.changes ?? []).filter((c) => c.kind === 'accessControlAttribute');
}

describe('attributes for access control', () => {
  it("plans one change per key (added, removed, changed source), in the plan's order of action and key", () => {
    const changes = planOf(
      [attr('CostCenter', '${path:enterprise.costCenter}'), attr('Team', '${path:enterprise.division}')],
      [attr('Team', '${path:enterprise.department}'), attr('Legacy', '${path:title}')],
    );
    expect(changes).toEqual([
      { kind: 'accessControlAttribute', action: 'create', key: 'CostCenter', source: ['${path:enterprise.costCenter}'] },
      { kind: 'accessControlAttribute', action: 'delete', key: 'Legacy' },
      {
        kind: 'accessControlAttribute',
        action: 'update',
        key: 'Team',
        attributes: [{ field: 'source', before: ['${path:enterprise.department}'], after: ['${path:enterprise.division}'] }],
        source: ['${path:enterprise.division}'],
      },
    ]);
  });

  it('leaves the live configuration alone when the files do not declare instance.accessControlAttributes', () => {
    expect(planOf(undefined, [attr('Team', '${path:enterprise.division}')])).toEqual([]);
  });

  it('plans nothing when every key has the same source', () => {
    expect(planOf([attr('Team', '${path:enterprise.division}')], [attr('Team', '${path:enterprise.division}')])).toEqual([]);
  });

  it('removes every key for an empty list (ABAC disabled), which the delete-all rule guards', () => {
    const desired = aDesiredState({ files: ['instance.yaml'], instance: { accessControlAttributes: [] } });
    const { plan } = buildPlan(desired, aLiveState({ accessControlAttributes: [attr('Team', '${path:x}')] }), { allowDeletes: false });
    expect(plan?.changes).toEqual([{ kind: 'accessControlAttribute', action: 'delete', key: 'Team' }]);
    expect(plan?.refused.map((r) => r.rule)).toEqual(['delete-all']);
  });

  it('shows the source of a created or changed key on one line', () => {
    const [created, updated] = planOf([attr('A', '${path:a}'), attr('B', '${path:new}')], [attr('B', '${path:old}')]);
    expect(created && describeChange(created)).toEqual([
      { mark: '+', depth: 0, text: 'attribute for access control "A"' },
      { mark: '+', depth: 1, text: 'source: "${path:a}"' },
    ]);
    expect(updated && describeChange(updated)).toEqual([
      { mark: '~', depth: 0, text: 'attribute for access control "B"' },
      { mark: '~', depth: 1, text: 'source: "${path:old}" -> "${path:new}"' },
    ]);
  });

  it('merges the changes into the live configuration, keeping its order and adding new keys last', () => {
    const changes: AccessControlAttributeChange[] = [
      { kind: 'accessControlAttribute', action: 'create', key: 'New', source: ['${path:n}'] },
      { kind: 'accessControlAttribute', action: 'delete', key: 'Gone' },
      { kind: 'accessControlAttribute', action: 'update', key: 'Kept', attributes: [], source: ['${path:k2}'] },
    ];
    expect(withChanges([attr('Gone', '${path:g}'), attr('Kept', '${path:k}'), attr('Other', '${path:o}')], changes)).toEqual([
      attr('Kept', '${path:k2}'),
      attr('Other', '${path:o}'),
      attr('New', '${path:n}'),
    ]);
  });
});
