// The IAM actions each kind names (KindDescriptor.iamActions) against the policies in iam/
// and against the SDK calls under src/aws: the plan role grants every kind's reads, the
// apply role its reads and writes, and together the kinds (with the instance lookup) name
// exactly the Identity Center and identity store operations the tool calls, so a new
// kind's descriptor cannot forget one and the policies cannot lag behind it.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KIND_LIST } from '../../src/kinds/registry.js';
import { allowedActions, readPolicy } from './iam-policy.js';
import { sdkCallsUnder } from './sdk-calls.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const planActions = allowedActions(readPolicy(ROOT, 'plan-role-policy.json'));
const applyActions = allowedActions(readPolicy(ROOT, 'apply-role-policy.json'));
const reads = KIND_LIST.flatMap((k) => k.iamActions.read);
const writes = KIND_LIST.flatMap((k) => k.iamActions.write);
/** Called before any kind: finding the instance (src/aws/instance.ts). */
const INSTANCE_ACTIONS = ['sso:ListInstances'];
const ofTheKinds = (action: string) => action.startsWith('sso:') || action.startsWith('identitystore:');

const missing = (actions: readonly string[], granted: Set<string>) => [...new Set(actions)].filter((a) => !granted.has(a)).sort();

describe('IAM actions of the kinds', () => {
  it('the plan role grants every read action of every kind, and none of their writes', () => {
    expect(missing(reads, planActions)).toEqual([]);
    expect(writes.filter((a) => planActions.has(a))).toEqual([]);
  });

  it('the apply role grants every read and write action of every kind', () => {
    expect(missing([...reads, ...writes], applyActions)).toEqual([]);
  });

  it('the kinds name exactly the Identity Center and identity store operations src/aws calls', () => {
    const called = [...new Set(sdkCallsUnder(`${ROOT}src/aws`, ROOT).map((c) => c.action))].filter(ofTheKinds).sort();
    const named = [...new Set([...reads, ...writes, ...INSTANCE_ACTIONS])].sort();
    expect(named).toEqual(called);
  });
});
