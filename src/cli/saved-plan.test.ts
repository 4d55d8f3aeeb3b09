import { describe, expect, it } from 'vitest';
import type { Change, Plan } from '../plan/types.js';
import { aPlan } from '../testing/builders.js';
import { UserError } from './command.js';
import { checkSavedPlanAgainst, checkSavedPlanInstance } from './saved-plan.js';

const del = (name: string): Change => ({ kind: 'group', action: 'delete', name });

function planOf(changes: Change[], liveChecksum = 'a'.repeat(64)): Plan {
  return aPlan({ createdAt: '2026-01-01T00:00:00.000Z', liveChecksum, changes, summary: { add: 0, change: 0, destroy: changes.length } });
}

describe('a saved plan checked before applying', () => {
  it('is refused for another instance', () => {
    expect(() => checkSavedPlanInstance(planOf([]), 'plan.json', 'arn:aws:sso:::instance/ssoins-2')).toThrow(
      'reconcile: plan.json was made for instance arn:aws:sso:::instance/ssoins-1, not arn:aws:sso:::instance/ssoins-2; nothing was changed',
    );
  });

  it('is refused as stale when the live checksum moved, before its changes are compared', () => {
    expect(() => checkSavedPlanAgainst(planOf([del('a')]), planOf([], 'b'.repeat(64)), 'plan.json', 'identity')).toThrow(
      /stale plan: .*aaaaaaaaaaaa then, bbbbbbbbbbbb now/,
    );
  });

  it('is refused naming the changes only in the file and only planned now', () => {
    const check = () => checkSavedPlanAgainst(planOf([del('a'), del('x')]), planOf([del('a'), del('b')]), 'plan.json', 'identity');
    expect(check).toThrow(UserError);
    expect(check).toThrow(
      'reconcile: plan.json is not the plan of the live state and the state files in identity: 1 change only in the file (delete group "x"), ' +
        '1 change planned now but not in the file (delete group "b").',
    );
  });

  it('lists at most five changes of a kind of difference', () => {
    const many = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map(del);
    expect(() => checkSavedPlanAgainst(planOf(many), planOf([]), 'plan.json', 'identity')).toThrow(
      '7 changes only in the file (delete group "a"; delete group "b"; delete group "c"; delete group "d"; delete group "e"; and 2 more)',
    );
  });

  it('passes when the changes are the same', () => {
    expect(() => checkSavedPlanAgainst(planOf([del('b'), del('a')]), planOf([del('a'), del('b')]), 'plan.json', 'identity')).not.toThrow();
  });
});

describe('a saved plan with a change refused alone and notes', () => {
  it('is accepted when its changes are the plan of now: refusals and notes are recomputed, not compared', () => {
    const saved = {
      ...planOf([del('a'), del('b')]),
      refused: [{ rule: 'management-account', message: 'm', change: del('b') }],
      notes: ['1 assignment on the management account is managed from the management account (1); not compared'],
    };
    expect(() => checkSavedPlanAgainst(saved, planOf([del('b'), del('a')]), 'plan.json', 'identity')).not.toThrow();
  });
});
