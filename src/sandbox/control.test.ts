// Pins the /_sandbox/ control API: stats, reset, run-time config with validation, policy declarations.
import { describe, expect, it } from 'vitest';
import { handleControl } from './control.js';
import { SandboxRuntime } from './runtime.js';

describe('sandbox control API', () => {
  it('changes settings at run time and shows them', () => {
    const runtime = new SandboxRuntime({ tps: 20, randomSeed: 3 });
    const answer = handleControl(
      runtime,
      'POST',
      '/_sandbox/config',
      JSON.stringify({ tps: 0, asyncMs: 250, maxOutstanding: 3, faults: 'throttle=0.5' }),
    );
    expect(answer.status).toBe(200);
    expect(handleControl(runtime, 'GET', '/_sandbox/config', '').body).toMatchObject({
      tps: 0,
      organizationsTps: 0,
      asyncMs: 250,
      maxOutstanding: 3,
      faults: 'throttle=0.5',
    });
    expect(runtime.world.settings).toEqual({ asyncMs: 250, maxOutstanding: 3 });
  });

  it('refuses a bad config without changing anything', () => {
    const runtime = new SandboxRuntime({ tps: 20, randomSeed: 3 });
    for (const body of [{ tps: -1 }, { faults: 'explode=1' }, { speed: 1 }, { asyncMs: 'soon' }]) {
      const answer = handleControl(runtime, 'POST', '/_sandbox/config', JSON.stringify(body));
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: expect.any(String) });
    }
    expect(runtime.config).toMatchObject({ tps: 20, faults: '', asyncMs: 0 });
  });

  it('resets the world to no organizations, and the stats separately', () => {
    const runtime = new SandboxRuntime({ randomSeed: 3 });
    runtime.world.createOrganization('111122223333');
    runtime.stats.totalCalls = 5;
    expect(handleControl(runtime, 'POST', '/_sandbox/reset', '').status).toBe(200);
    expect(runtime.world.organizations.size).toBe(0);
    expect(runtime.stats.totalCalls).toBe(5);
    handleControl(runtime, 'POST', '/_sandbox/stats/reset', '');
    expect(handleControl(runtime, 'GET', '/_sandbox/stats', '').body).toMatchObject({ totalCalls: 0, throttled: 0 });
  });

  it('declares which customer managed policies exist in an account', () => {
    const runtime = new SandboxRuntime({ randomSeed: 3 });
    const body = {
      accountId: '111122223333',
      policies: [
        { name: 'DenyBilling', path: '/' },
        { name: 'Boundary', path: '/org/' },
      ],
    };
    expect(handleControl(runtime, 'POST', '/_sandbox/policies', JSON.stringify(body)).status).toBe(200);
    expect(runtime.world.customerManagedPolicyExists('111122223333', { Name: 'DenyBilling', Path: '/' })).toBe(true);
    expect(runtime.world.customerManagedPolicyExists('111122223333', { Name: 'Other', Path: '/' })).toBe(false);
    // an account nobody declared has every policy
    expect(runtime.world.customerManagedPolicyExists('444455556666', { Name: 'Other', Path: '/' })).toBe(true);
    expect(handleControl(runtime, 'POST', '/_sandbox/policies', JSON.stringify({ accountId: 'x', policies: [] })).status).toBe(400);
  });

  it('answers 404 naming the known routes for an unknown one', () => {
    const answer = handleControl(new SandboxRuntime({ randomSeed: 3 }), 'GET', '/_sandbox/nope', '');
    expect(answer.status).toBe(404);
    expect(JSON.stringify(answer.body)).toContain('GET stats');
  });

  it('adds an application the API cannot create to the caller organization’s instance, and refuses a bad seed', () => {
    const runtime = new SandboxRuntime({ randomSeed: 3 });
    const org = runtime.world.createOrganization('111122223333');
    const seed = { accountId: '111122223333', name: 'Salesforce', providerArn: 'arn:aws:sso::aws:applicationProvider/catalog/Salesforce' };
    const answer = handleControl(runtime, 'POST', '/_sandbox/applications', JSON.stringify({ ...seed, assignmentRequired: false }));
    expect(answer.status).toBe(200);
    const apps = [...(runtime.world.instances.get(org.instanceArn)?.applications.all() ?? [])];
    expect(apps).toEqual([expect.objectContaining({ Name: 'Salesforce', assignmentRequired: false })]);
    expect(answer.body).toEqual({ applicationArn: apps[0]?.ApplicationArn });
    for (const bad of [
      { ...seed, accountId: '999999999999' },
      { ...seed, providerArn: 'arn:aws:sso::aws:applicationProvider/nope' },
      { ...seed, name: '' },
      { ...seed, assignmentRequired: 'yes' },
    ]) {
      expect(handleControl(runtime, 'POST', '/_sandbox/applications', JSON.stringify(bad)).status).toBe(400);
    }
  });
});
