import { describe, expect, it } from 'vitest';
import { CallStats, formatCallStats } from './call-stats.js';

describe('CallStats', () => {
  it('sorts operations in code-unit order, the same in every locale (capitals before lower case)', () => {
    const stats = new CallStats();
    for (const op of ['sso-admin listThings', 'sso-admin ListUsers', 'identitystore ListUsers']) stats.recordCall(op);
    expect(stats.snapshot().map((s) => s.operation)).toEqual(['identitystore ListUsers', 'sso-admin ListUsers', 'sso-admin listThings']);
  });

  it('counts retries as attempts beyond the calls', () => {
    const stats = new CallStats();
    stats.recordCall('sts GetCallerIdentity');
    stats.recordAttempt('sts GetCallerIdentity');
    stats.recordAttempt('sts GetCallerIdentity');
    expect(formatCallStats(stats.snapshot())).toEqual(['AWS calls:', '  sts GetCallerIdentity  1 (+1 retries)', '  total  1']);
  });

  it('says how many attempts were throttled, per operation and in total', () => {
    const stats = new CallStats();
    stats.recordCall('identitystore ListUsers');
    for (let i = 0; i < 3; i++) stats.recordAttempt('identitystore ListUsers');
    stats.recordThrottled('identitystore ListUsers');
    expect(formatCallStats(stats.snapshot())).toEqual([
      'AWS calls:',
      '  identitystore ListUsers  1 (+2 retries, 1 throttled)',
      '  total  1 (1 attempts throttled: the rate was lowered for them)',
    ]);
  });
});
