// The IAM policies in iam/ grant every action a kind names (plan: its reads; reconcile: its
// reads and writes), and name no Identity Center or identity store action that no kind uses.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KIND_LIST } from './registry.js';

interface PolicyDocument {
  Statement: { Effect: string; Action: string | string[] }[];
}

function allowedActions(file: string): Set<string> {
  const policy = JSON.parse(readFileSync(new URL(`../../iam/${file}`, import.meta.url), 'utf8')) as PolicyDocument;
  return new Set(policy.Statement.filter((s) => s.Effect === 'Allow').flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])));
}

const reads = KIND_LIST.flatMap((k) => k.iamActions.read);
const writes = KIND_LIST.flatMap((k) => k.iamActions.write);
/** Read before any kind: finding the instance (src/aws/instance.ts). */
const INSTANCE_ACTIONS = ['sso:ListInstances'];
const ofTheKinds = (action: string) => action.startsWith('sso:') || action.startsWith('identitystore:');

describe('IAM policies against the kinds', () => {
  it('the plan role grants every read action of every kind', () => {
    const granted = allowedActions('plan-role-policy.json');
    expect(reads.filter((a) => !granted.has(a))).toEqual([]);
  });

  it('the plan role grants no write action of any kind', () => {
    const granted = allowedActions('plan-role-policy.json');
    expect(writes.filter((a) => granted.has(a))).toEqual([]);
  });

  it('the apply role grants every read and write action of every kind', () => {
    const granted = allowedActions('apply-role-policy.json');
    expect([...reads, ...writes].filter((a) => !granted.has(a))).toEqual([]);
  });

  it('no policy grants an Identity Center or identity store action that no kind names', () => {
    const named = new Set([...reads, ...writes, ...INSTANCE_ACTIONS]);
    for (const file of ['plan-role-policy.json', 'apply-role-policy.json']) {
      expect([...allowedActions(file)].filter((a) => ofTheKinds(a) && !named.has(a)).map((a) => `${file}: ${a}`)).toEqual([]);
    }
  });
});
