import { describe, expect, it } from 'vitest';
import type { PermissionSet } from '../model/types.js';
import { permissionSetOperations } from './permission-set-ops.js';

const set = (over: Partial<PermissionSet> = {}): PermissionSet => ({
  name: 'Admin',
  tags: {},
  managedPolicies: [],
  customerManagedPolicies: [],
  ...over,
});

describe('permissionSetOperations', () => {
  it('gives no steps when nothing differs, whatever the key order of the inline policy', () => {
    const a = set({ inlinePolicy: { Version: '2012-10-17', Statement: [] } });
    const b = set({ inlinePolicy: { Statement: [], Version: '2012-10-17' } });
    expect(permissionSetOperations(a, b)).toEqual([]);
  });

  it('sends description, session duration and relay state together when one changes', () => {
    const ops = permissionSetOperations(
      set({ description: 'old', relayState: 'https://x' }),
      set({ description: 'new', relayState: 'https://x' }),
    );
    expect(ops).toEqual([{ op: 'updateBasics', description: 'new', sessionDuration: 'PT1H', relayState: 'https://x' }]);
  });

  it('treats an absent session duration as the AWS default PT1H', () => {
    expect(permissionSetOperations(set({ sessionDuration: 'PT1H' }), set())).toEqual([]);
  });

  it('sends no update for a session duration spelled differently (an adopted set reads back PT1H for PT60M)', () => {
    expect(permissionSetOperations(set({ sessionDuration: 'PT1H' }), set({ sessionDuration: 'PT60M' }))).toEqual([]);
  });

  it('attaches new policies before detaching removed ones', () => {
    const ops = permissionSetOperations(
      set({ managedPolicies: ['arn:aws:iam::aws:policy/A'], customerManagedPolicies: [{ name: 'Old', path: '/' }] }),
      set({ managedPolicies: ['arn:aws:iam::aws:policy/B'], customerManagedPolicies: [{ name: 'New', path: '/x/' }] }),
    );
    expect(ops.map((o) => o.op)).toEqual([
      'attachManagedPolicy',
      'attachCustomerManagedPolicy',
      'detachManagedPolicy',
      'detachCustomerManagedPolicy',
    ]);
  });

  it('untags removed keys and tags changed ones', () => {
    expect(permissionSetOperations(set({ tags: { a: '1', b: '2' } }), set({ tags: { b: '3', c: '4' } }))).toEqual([
      { op: 'untag', keys: ['a'] },
      { op: 'tag', tags: { b: '3', c: '4' } },
    ]);
  });

  it('puts and deletes inline policy and boundary', () => {
    const withBoth = set({
      inlinePolicy: { Version: '2012-10-17' },
      permissionsBoundary: { managedPolicyArn: 'arn:aws:iam::aws:policy/P' },
    });
    expect(permissionSetOperations(withBoth, set()).map((o) => o.op)).toEqual(['deleteInlinePolicy', 'deletePermissionsBoundary']);
    expect(permissionSetOperations(set(), withBoth).map((o) => o.op)).toEqual(['putInlinePolicy', 'putPermissionsBoundary']);
  });

  it('for a new set, leaves basics and tags to CreatePermissionSet and adds only content', () => {
    const ops = permissionSetOperations(
      undefined,
      set({
        description: 'd',
        tags: { t: 'v' },
        managedPolicies: ['arn:aws:iam::aws:policy/A'],
        permissionsBoundary: { customerManagedPolicy: { name: 'B', path: '/' } },
      }),
    );
    expect(ops).toEqual([
      { op: 'attachManagedPolicy', arn: 'arn:aws:iam::aws:policy/A' },
      { op: 'putPermissionsBoundary', boundary: { customerManagedPolicy: { name: 'B', path: '/' } } },
    ]);
  });
});
