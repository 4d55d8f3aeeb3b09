// A realistic mix of permission set attributes: every set has a description and at least
// one policy; session durations, relay states, tags, customer managed policies, inline
// policies and boundaries appear in the shares seen in real organizations.
import type { PermissionSet, PolicyDocument } from '../../src/model/types.js';
import { between, chance, pick, type Random } from './sampling.js';

const MANAGED = [
  'arn:aws:iam::aws:policy/ReadOnlyAccess',
  'arn:aws:iam::aws:policy/PowerUserAccess',
  'arn:aws:iam::aws:policy/SecurityAudit',
  'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess',
  'arn:aws:iam::aws:policy/job-function/Billing',
  'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
  'arn:aws:iam::aws:policy/AWSSupportAccess',
  'arn:aws:iam::aws:policy/CloudWatchReadOnlyAccess',
];
const DURATIONS = ['PT1H', 'PT2H', 'PT4H', 'PT8H', 'PT12H'];

export type PermissionSetAttributes = Omit<PermissionSet, 'name' | 'pos'>;

export function inlinePolicy(index: number, actions: string[]): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: `Bench${index}`, Effect: 'Deny', Action: actions, Resource: '*' }],
  };
}

export function permissionSetAttributes(random: Random, index: number): PermissionSetAttributes {
  const managed = new Set<string>();
  const managedCount = between(random, 1, 3);
  while (managed.size < managedCount) managed.add(pick(random, MANAGED));
  const customerManaged = chance(random, 0.3) ? [{ name: `bench-policy-${index % 7}`, path: '/' }] : [];
  return {
    description: `Benchmark permission set ${index}`,
    ...(chance(random, 0.7) ? { sessionDuration: pick(random, DURATIONS) } : {}),
    ...(chance(random, 0.2) ? { relayState: 'https://console.aws.amazon.com/' } : {}),
    tags: chance(random, 0.5) ? { team: `team-${index % 13}`, 'cost-center': String(100 + (index % 50)) } : {},
    managedPolicies: [...managed].sort(),
    customerManagedPolicies: customerManaged,
    ...(chance(random, 0.4) ? { inlinePolicy: inlinePolicy(index, ['account:*', 'organizations:Leave*']) } : {}),
    ...(chance(random, 0.15) ? { permissionsBoundary: { managedPolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' } } : {}),
  };
}
