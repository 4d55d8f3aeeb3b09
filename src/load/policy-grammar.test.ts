import { describe, expect, test } from 'vitest';
import { checkPolicyGrammar } from './policy-grammar.js';

const ok = { Effect: 'Deny', Action: 's3:*', Resource: '*' };

describe('checkPolicyGrammar', () => {
  test('accepts a single statement object, NotAction/NotResource and both versions', () => {
    expect(checkPolicyGrammar({ Version: '2012-10-17', Statement: ok })).toEqual([]);
    expect(
      checkPolicyGrammar({
        Version: '2008-10-17',
        Statement: [{ Sid: 'A1', Effect: 'Allow', NotAction: ['iam:*'], NotResource: 'arn:aws:iam::*:role/x', Condition: {} }],
      }),
    ).toEqual([]);
  });

  test('a document without Statement, or with an empty list', () => {
    expect(checkPolicyGrammar({ Version: '2012-10-17' })).toEqual([{ path: [], message: 'has no Statement' }]);
    expect(checkPolicyGrammar({ Statement: [] })).toEqual([
      { path: ['Statement'], message: 'is an empty list; a policy needs at least one statement' },
    ]);
  });

  test('an unknown top-level key gets a did-you-mean', () => {
    expect(checkPolicyGrammar({ Statment: [ok], Statement: [ok] })).toEqual([
      { path: ['Statment'], key: true, message: 'unknown key "Statment" (did you mean "Statement"?)' },
    ]);
  });

  test('Effect in the wrong case is refused: IAM compares it exactly', () => {
    expect(checkPolicyGrammar({ Statement: [{ ...ok, Effect: 'deny' }] })).toEqual([
      { path: ['Statement', 0, 'Effect'], message: '"deny" must be "Allow" or "Deny" (did you mean "Deny"?)' },
    ]);
  });

  test('a statement without Effect, a Sid with a space, NotPrincipal, an Action that is not strings', () => {
    expect(checkPolicyGrammar({ Statement: [{ Sid: 'Deny all', NotPrincipal: { AWS: '*' }, Action: [1], Resource: '*' }] })).toEqual([
      {
        path: ['Statement', 0, 'NotPrincipal'],
        key: true,
        message: "NotPrincipal belongs in resource policies; a permission set's policy applies to whoever uses it",
      },
      { path: ['Statement', 0, 'Sid'], message: '"Deny all" must use only ASCII letters and digits' },
      { path: ['Statement', 0], message: 'needs Effect ("Allow" or "Deny")' },
      { path: ['Statement', 0, 'Action'], message: 'must be a string or a list of strings' },
    ]);
  });

  test('a statement that is not a mapping, a Condition that is not a mapping', () => {
    expect(checkPolicyGrammar({ Statement: ['Allow', { ...ok, Condition: 'x' }] })).toEqual([
      { path: ['Statement', 0], message: 'must be a mapping with Effect, Action and Resource' },
      { path: ['Statement', 1, 'Condition'], message: 'must be a mapping of condition operators' },
    ]);
  });
});
