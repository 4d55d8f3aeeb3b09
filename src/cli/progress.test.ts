import { describe, expect, it } from 'vitest';
import { StderrProgress } from './progress.js';

function sink(isTTY: boolean) {
  const out: string[] = [];
  return { out, sink: { isTTY, write: (t: string) => out.push(t) } };
}

describe('progress on stderr', () => {
  it('rewrites one live line on a terminal', () => {
    const { out, sink: s } = sink(true);
    const p = new StderrProgress(s);
    p.update('users', 1, 3);
    p.update('users', 2, 3);
    expect(out).toEqual(['\r\x1b[2Kusers: 1/3', '\r\x1b[2Kusers: 2/3']);
  });

  it('prints a phase start, its end and at most one line per interval in CI logs', () => {
    const { out, sink: s } = sink(false);
    let now = 0;
    const p = new StderrProgress(s, () => now);
    p.update('assignments', 1, 100);
    now = 1000;
    p.update('assignments', 50, 100);
    now = 6000;
    p.update('assignments', 60, 100);
    p.update('assignments', 100, 100);
    expect(out).toEqual(['assignments: 1/100\n', 'assignments: 60/100\n', 'assignments: 100/100\n']);
  });

  it('puts a bare count of one in the singular, and counts against a total in the plural', () => {
    const { out, sink: s } = sink(false);
    const p = new StderrProgress(s);
    p.update('organization', 1, undefined, 'accounts');
    p.update('account tags', 1, 1, 'accounts');
    p.update('other', 2, undefined, 'accounts');
    expect(out).toEqual(['organization: 1 account\n', 'account tags: 1/1 accounts\n', 'other: 2 accounts\n']);
  });
});
