import { describe, expect, it } from 'vitest';
import type { Plan } from '../plan/types.js';
import { aPlan } from '../testing/builders.js';
import { attributionMarkdown } from './attribution-markdown.js';
import { attributionTextLines } from './attribution-text.js';
import { renderText } from './text.js';

const basePlan = (attributions?: Plan['attributions']): Plan =>
  aPlan({
    createdAt: '2026-11-30T00:00:00.000Z',
    liveChecksum: '0'.repeat(64),
    changes: [{ kind: 'group', action: 'delete', name: 'Shadow|Admins' }],
    summary: { add: 0, change: 0, destroy: 1 },
    ...(attributions ? { attributions } : {}),
  });
const denied = {
  since: '2026-09-01T00:00:00.000Z',
  until: '2026-11-30T00:00:00.000Z',
  changes: [],
  note: 'CloudTrail could not be read (no permission)',
};
const event = {
  time: '2026-11-29T10:00:00Z',
  eventName: 'CreateGroup',
  eventSource: 'identitystore.amazonaws.com',
  eventId: 'e',
  principalType: 'AssumedRole',
  principalArn: 'arn:aws:sts::111122223333:assumed-role/sandbox/mallory',
  sessionName: 'mallory',
  sourceIp: '127.0.0.1',
};

describe('attribution rendering', () => {
  it('renders nothing for a plan made without --attribute', () => {
    expect(attributionTextLines(basePlan(), (s) => s)).toEqual([]);
    expect(attributionMarkdown(basePlan(), 10_000)).toBe('');
    expect(renderText(basePlan(), { color: false })).not.toContain('Who changed it');
  });

  it('says that CloudTrail could not be read, and the plan renders in full', () => {
    const plan = basePlan(denied);
    const text = renderText(plan, { color: false });
    expect(text).toContain('! CloudTrail could not be read (no permission)');
    expect(text).toContain('Plan: 0 to add, 0 to change, 1 to destroy.');
    expect(attributionMarkdown(plan, 10_000)).toContain('> [!WARNING]\n> CloudTrail could not be read (no permission)');
  });

  it('escapes table cells, so a name with a pipe cannot break the markdown table', () => {
    const md = attributionMarkdown(basePlan({ ...denied, note: undefined, changes: [{ change: 0, events: [event] }] }), 10_000);
    expect(md).toContain('Shadow\\|Admins');
    expect(md).toContain('| arn:aws:sts::111122223333:assumed-role/sandbox/mallory (session mallory) | 127.0.0.1 | CreateGroup |');
  });

  it('stays within its budget, counting the rows left out', () => {
    const many: Plan = {
      ...basePlan(),
      changes: Array.from({ length: 50 }, (_, i) => ({ kind: 'group' as const, action: 'delete' as const, name: `g${i}` })),
    };
    many.attributions = { since: 'a', until: 'b', changes: many.changes.map((_, i) => ({ change: i, events: [event] })) };
    const md = attributionMarkdown(many, 2_000);
    expect(md.length).toBeLessThanOrEqual(2_000);
    expect(md).toMatch(/… \d+ more changes' attribution not shown/);
    expect(attributionMarkdown(many, 10)).toBe('');
  });
});
