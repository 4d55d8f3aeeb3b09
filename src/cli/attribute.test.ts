import { describe, expect, it } from 'vitest';
import { AwsCallError } from '../aws/errors.js';
import type { Plan } from '../plan/types.js';
import { aLiveGroup, aLiveState } from '../testing/builders.js';
import { attributePlan, attributionWindow } from './attribute.js';

const NOW = new Date('2026-11-30T12:00:00.000Z');
const DAY = 24 * 3600 * 1000;

describe('attributionWindow (--attribute-since)', () => {
  it('defaults to the 90 days the Event history holds', () => {
    expect(attributionWindow(undefined, NOW)).toEqual({ start: new Date(NOW.getTime() - 90 * DAY), end: NOW });
  });

  it('reads N days, a date (its start, UTC) and a date-time with offset', () => {
    expect(attributionWindow('7d', NOW).start).toEqual(new Date(NOW.getTime() - 7 * DAY));
    expect(attributionWindow('2026-11-01', NOW).start).toEqual(new Date('2026-11-01T00:00:00Z'));
    expect(attributionWindow('2026-11-29T08:00:00+02:00', NOW).start).toEqual(new Date('2026-11-29T06:00:00Z'));
  });

  it('never looks further back than the Event history reaches', () => {
    expect(attributionWindow('2020-01-01', NOW).start).toEqual(new Date(NOW.getTime() - 90 * DAY));
    expect(attributionWindow('365d', NOW).start).toEqual(new Date(NOW.getTime() - 90 * DAY));
  });

  it('refuses what it cannot read, a date-time without offset, and the future', () => {
    for (const bad of ['yesterday', '2026-11-29T08:00:00', '7 days', '2026-13-45'])
      expect(() => attributionWindow(bad, NOW)).toThrow(/--attribute-since/);
    expect(() => attributionWindow('2026-12-01', NOW)).toThrow(/future/);
  });
});

describe('attributePlan', () => {
  const live = aLiveState({ groups: [aLiveGroup({ name: 'Shadow', id: 'g-1' })] });
  const plan = { changes: [{ kind: 'group', action: 'delete', name: 'Shadow' }] } as Plan;
  const window = { start: new Date(NOW.getTime() - DAY), end: NOW };

  it('asks once per event name and attributes each change', async () => {
    const asked: string[] = [];
    const history = {
      eventsNamed: (name: string) => {
        asked.push(name);
        return Promise.resolve([]);
      },
      close: () => undefined,
    };
    const result = await attributePlan(plan, live, history, window);
    expect(asked).toEqual(['CreateGroup', 'UpdateGroup']);
    expect(result).toEqual({
      since: window.start.toISOString(),
      until: NOW.toISOString(),
      changes: [{ change: 0, events: [], note: expect.stringContaining('no CloudTrail event since') }],
    });
  });

  it('never fails the plan: AccessDenied becomes a note naming the missing permission', async () => {
    const denied = Object.assign(new Error('User is not authorized to perform: cloudtrail:LookupEvents'), {
      name: 'AccessDeniedException',
    });
    const history = { eventsNamed: () => Promise.reject(new AwsCallError('cloudtrail', 'LookupEvents', denied)), close: () => undefined };
    const result = await attributePlan(plan, live, history, window);
    expect(result.changes).toEqual([]);
    expect(result.note).toMatch(/^CloudTrail could not be read \(no permission \(cloudtrail:LookupEvents\)/);
  });

  it('asks nothing for a plan without changes', async () => {
    const history = { eventsNamed: () => Promise.reject(new Error('must not be called')), close: () => undefined };
    expect(await attributePlan({ changes: [] } as unknown as Plan, live, history, window)).toMatchObject({ changes: [] });
  });
});
