import { describe, expect, it } from 'vitest';
import { isConditionOperator, checkIdentityPolicy } from './policy-checks.js';

const codes = (document: string) => checkIdentityPolicy(document).map((f) => `${f.findingType} ${f.issueCode}`);
const doc = (statement: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statement, ...extra });

describe('sandbox ValidatePolicy checks (IDENTITY_POLICY)', () => {
  it('finds nothing in a well-formed policy', () => {
    expect(checkIdentityPolicy(doc([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]))).toEqual([]);
  });

  it('reports a JSON syntax error at its index, line and column', () => {
    const [finding] = checkIdentityPolicy('{\n  "Version": "2012-10-17",\n  "Statement": [}');
    expect(finding?.issueCode).toBe('JSON_SYNTAX_ERROR');
    expect(finding?.findingDetails).toBe('Fix the JSON syntax error at index 45 line 3 column 16.');
    expect(finding?.locations[0]?.span.start).toEqual({ line: 3, column: 16, offset: 45 });
  });

  it('reports each grammar error of a statement with the path to it', () => {
    const findings = checkIdentityPolicy(
      doc([{ Sid: 'no-dashes', Effect: 'allow', Action: 's3:*', NotAction: 'ec2:*', Principal: '*', Extra: 1 }]),
    );
    expect(findings.map((f) => [f.issueCode, f.locations[0]?.path])).toEqual([
      ['UNSUPPORTED_PRINCIPAL', [{ key: 'Statement' }, { index: 0 }, { key: 'Principal' }]],
      ['INVALID_POLICY_ELEMENT', [{ key: 'Statement' }, { index: 0 }, { key: 'Extra' }]],
      ['UNSUPPORTED_SID', [{ key: 'Statement' }, { index: 0 }, { key: 'Sid' }]],
      ['INVALID_EFFECT', [{ key: 'Statement' }, { index: 0 }, { key: 'Effect' }]],
      ['UNSUPPORTED_ELEMENT_COMBINATION', [{ key: 'Statement' }, { index: 0 }]],
      ['MISSING_RESOURCE', [{ key: 'Statement' }, { index: 0 }]],
    ]);
    expect(findings.every((f) => f.findingType === 'ERROR')).toBe(true);
  });

  it('asks for the missing elements of a document and its statements', () => {
    expect(codes(JSON.stringify({ Statement: { Action: 's3:*' } }))).toEqual([
      'WARNING MISSING_VERSION',
      'ERROR MISSING_EFFECT',
      'ERROR MISSING_RESOURCE',
    ]);
    expect(codes(JSON.stringify({ Version: '2012-10-17' }))).toEqual(['ERROR MISSING_STATEMENT']);
    expect(codes(JSON.stringify({ Version: '2020-01-01', Statement: [] }))).toEqual(['ERROR INVALID_VERSION']);
  });

  it('flags iam:PassRole on Resource "*" as a security warning pointing at the star', () => {
    const text = doc([{ Effect: 'Allow', Action: ['s3:GetObject', 'IAM:PassRole'], Resource: ['arn:aws:s3:::b', '*'] }]);
    const [finding] = checkIdentityPolicy(text);
    expect(finding?.findingType).toBe('SECURITY_WARNING');
    expect(finding?.issueCode).toBe('PASS_ROLE_WITH_STAR_IN_RESOURCE');
    expect(finding?.locations[0]?.path).toEqual([{ key: 'Statement' }, { index: 0 }, { key: 'Resource' }, { index: 1 }]);
    const span = finding?.locations[0]?.span;
    expect(text.slice(span?.start.offset, span?.end.offset)).toBe('"*"');
  });

  it('does not flag PassRole when it is denied or limited to role ARNs', () => {
    expect(codes(doc([{ Effect: 'Deny', Action: 'iam:PassRole', Resource: '*' }]))).toEqual([]);
    expect(codes(doc([{ Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/app' }]))).toEqual([]);
  });

  it('knows the condition operators with their IfExists and set-operator forms', () => {
    for (const ok of ['StringEquals', 'ForAnyValue:StringLike', 'DateLessThanIfExists', 'Null', 'BinaryEquals'])
      expect(isConditionOperator(ok)).toBe(true);
    for (const bad of ['StringEqual', 'NullIfExists', 'ForSomeValues:StringLike', 'stringequals'])
      expect(isConditionOperator(bad)).toBe(false);
    const [finding] = checkIdentityPolicy(
      doc([{ Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { StringEqual: { 'aws:PrincipalTag/team': 'a' } } }]),
    );
    expect(finding?.issueCode).toBe('INVALID_CONDITION_OPERATOR');
    expect(finding?.findingDetails).toBe('The condition operator StringEqual is not valid. Use a valid condition operator.');
    expect(finding?.learnMoreLink).toMatch(
      /access-analyzer-reference-policy-checks\.html#access-analyzer-reference-policy-checks-error-invalid-condition-operator$/,
    );
  });
});
