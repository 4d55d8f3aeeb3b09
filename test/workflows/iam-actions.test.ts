// Pins the IAM policies in iam/ to what the tool really calls: every SDK operation under
// src/aws is granted (reads to both roles, writes to the apply role only), the plan
// role can write nothing, and neither role grants an Identity Center, identity store
// or Organizations action the tool never calls.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allowedActions, notActionStatements, readPolicy } from './iam-policy.js';
import { IAM_PREFIX_BY_PACKAGE, isReadAction, sdkCallsUnder } from './sdk-calls.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const calls = sdkCallsUnder(`${ROOT}src/aws`, ROOT);
const plan = readPolicy(ROOT, 'plan-role-policy.json');
const apply = readPolicy(ROOT, 'apply-role-policy.json');
const planActions = allowedActions(plan);
const applyActions = allowedActions(apply);
const sdkPrefixes = new Set(Object.values(IAM_PREFIX_BY_PACKAGE));
const calledActions = new Set(calls.map((c) => c.action));

function missing(actions: Iterable<string>, granted: Set<string>): string[] {
  return [...new Set(actions)].filter((a) => !granted.has(a)).sort();
}

describe('IAM policies against the SDK calls in src/aws', () => {
  it('finds SDK calls to check (the scan is not vacuous)', () => {
    expect(calls.length).toBeGreaterThan(0);
  });

  it('every SDK command comes from a client package with a known IAM prefix', () => {
    const unknown = calls.filter((c) => c.package === undefined).map((c) => `${c.where} ${c.commandName}`);
    expect(
      unknown,
      'import commands from @aws-sdk/client-sso-admin / -identitystore / -organizations, or add the package to IAM_PREFIX_BY_PACKAGE',
    ).toEqual([]);
  });

  it('grants every read operation to both roles', () => {
    const reads = calls.filter((c) => isReadAction(c.action)).map((c) => c.action);
    expect(missing(reads, planActions), 'missing in iam/plan-role-policy.json').toEqual([]);
    expect(missing(reads, applyActions), 'missing in iam/apply-role-policy.json').toEqual([]);
  });

  it('grants every write operation to the apply role', () => {
    const writes = calls.filter((c) => !isReadAction(c.action)).map((c) => c.action);
    expect(missing(writes, applyActions), 'missing in iam/apply-role-policy.json').toEqual([]);
  });

  it('the plan role can write nothing and uses no wildcard', () => {
    const writes = [...planActions].filter((a) => !isReadAction(a) || a.includes('*'));
    expect(writes).toEqual([]);
    expect(notActionStatements(plan)).toEqual([]);
  });

  it('grants no Identity Center, identity store or Organizations action the tool never calls', () => {
    for (const [name, granted] of [
      ['plan-role-policy.json', planActions],
      ['apply-role-policy.json', applyActions],
    ] as const) {
      const unused = [...granted].filter((a) => sdkPrefixes.has(a.split(':')[0] ?? '') && !calledActions.has(a)).sort();
      expect(unused, `iam/${name} grants actions no code in src/aws calls`).toEqual([]);
    }
    expect(notActionStatements(apply)).toEqual([]);
  });

  it('limits the management-account IAM actions to the roles and SAML provider Identity Center owns', () => {
    const iamStatements = apply.Statement.filter((s) => [s.Action ?? []].flat().some((a) => a.startsWith('iam:')));
    expect(iamStatements.length).toBeGreaterThan(0);
    for (const s of iamStatements) {
      const resources = [s.Resource ?? []].flat();
      expect(resources.length).toBeGreaterThan(0);
      for (const r of resources) {
        expect(r).toMatch(/^arn:aws:iam::\*:(role\/aws-reserved\/sso\.amazonaws\.com\/\*|saml-provider\/AWSSSO_\*)$/);
      }
    }
  });
});
