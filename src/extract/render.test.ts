import { describe, expect, it } from 'vitest';
import { parseStateFile } from '../load/parse-yaml.js';
import type { PolicyDocument } from '../model/types.js';
import { canonicalJson } from '../plan/canonical.js';
import { anAssignmentEntry, aPermissionSet, aUser } from '../testing/builders.js';
import { renderAssignments, renderPermissionSet, renderUsers, renderYaml } from './render.js';

const REF = '../../schema/identity.schema.json';

describe('renderYaml', () => {
  it('writes a permission set with a fixed key order, sorted lists and the schema header', () => {
    const set = aPermissionSet({
      name: 'Developer',
      description: 'Build and deploy: the product',
      sessionDuration: 'PT8H',
      relayState: 'https://console.aws.amazon.com/',
      tags: { team: 'product', 'cost-center': '42' },
      managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::aws:policy/PowerUserAccess'],
      customerManagedPolicies: [{ name: 'DenyBilling', path: '/' }],
      inlinePolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'account:*', Resource: '*' }] },
      permissionsBoundary: { customerManagedPolicy: { name: 'Boundary', path: '/boundaries/' } },
    });
    expect(renderYaml(REF, renderPermissionSet(set))).toBe(
      [
        '# yaml-language-server: $schema=../../schema/identity.schema.json',
        'permissionSets:',
        '  - name: Developer',
        '    description: "Build and deploy: the product"',
        '    sessionDuration: PT8H',
        '    relayState: https://console.aws.amazon.com/',
        '    tags:',
        '      cost-center: "42"',
        '      team: product',
        '    managedPolicies:',
        '      - arn:aws:iam::aws:policy/PowerUserAccess',
        '      - arn:aws:iam::aws:policy/ReadOnlyAccess',
        '    customerManagedPolicies:',
        '      - name: DenyBilling',
        '        path: /',
        '    inlinePolicy:',
        '      Version: "2012-10-17"',
        '      Statement:',
        '        - Effect: Deny',
        '          Action: account:*',
        '          Resource: "*"',
        '    permissionsBoundary:',
        '      customerManagedPolicy:',
        '        name: Boundary',
        '        path: /boundaries/',
        '',
      ].join('\n'),
    );
  });

  it('writes inline policies that the loader parses back to the same JSON document', () => {
    const policy: PolicyDocument = {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'yes',
          Effect: 'Allow',
          Action: ['s3:GetObject', 's3:ListBucket'],
          Resource: ['arn:aws:s3:::bucket-0123', 'arn:aws:s3:::bucket-0123/*'],
          Condition: {
            Bool: { 'aws:SecureTransport': 'true' },
            NumericLessThan: { 's3:max-keys': 10 },
            Null: { 'aws:TokenIssueTime': false },
            StringEquals: { 'aws:PrincipalTag/x': ['on', '1e3', 'null', '~', 'line1\nline2', ' padded '] },
          },
        },
      ],
    };
    const text = renderYaml(REF, renderPermissionSet(aPermissionSet({ name: 'P', inlinePolicy: policy })));
    const parsed = parseStateFile('p.yaml', text);
    expect(parsed.diagnostics).toEqual([]);
    const sets = parsed.data?.permissionSets as { inlinePolicy: PolicyDocument }[];
    expect(canonicalJson(sets[0]!.inlinePolicy)).toBe(canonicalJson(policy));
  });

  it('quotes account ids and other strings a YAML parser could read as numbers or booleans', () => {
    const text = renderYaml(
      REF,
      renderAssignments([anAssignmentEntry({ permissionSet: 'ReadOnly', groups: ['yes', 'Ops'], accounts: ['012345678901', 'prod'] })]),
    );
    expect(text).toContain('- "012345678901"');
    expect(text).toContain('- "yes"');
    expect(parseStateFile('a.yaml', text).data).toEqual({
      assignments: [{ permissionSet: 'ReadOnly', groups: ['yes', 'Ops'], accounts: ['012345678901', 'prod'] }],
    });
  });

  it("writes a user's attributes in a fixed order and leaves out empty ones", () => {
    const text = renderYaml(REF, renderUsers([aUser({ userName: 'a@example.com', title: 'Lead', email: 'a@example.com', nickName: '' })]));
    expect(text.split('\n').slice(1)).toEqual([
      'users:',
      '  - userName: a@example.com',
      '    displayName: a Example',
      '    givenName: a',
      '    familyName: Example',
      '    email: a@example.com',
      '    title: Lead',
      '',
    ]);
  });
});
