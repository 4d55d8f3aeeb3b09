import { describe, expect, it } from 'vitest';
import { streamProgress } from './progress.js';

describe('streamProgress', () => {
  it('prints periodic lines in CI logs: the first, then at most one per interval, and the last', () => {
    const out: string[] = [];
    let clock = 0;
    const progress = streamProgress((t) => out.push(t), { isTTY: false, intervalMs: 1000, now: () => clock });
    progress.update('assignments', 1, 4, 'pairs');
    clock = 500;
    progress.update('assignments', 2, 4, 'pairs');
    clock = 1600;
    progress.update('assignments', 3, 4, 'pairs');
    progress.update('assignments', 4, 4, 'pairs');
    expect(out).toEqual(['assignments: 1/4 pairs\n', 'assignments: 3/4 pairs\n', 'assignments: 4/4 pairs\n']);
  });

  it('keeps one live line on a terminal and clears it before a note', () => {
    const out: string[] = [];
    const progress = streamProgress((t) => out.push(t), { isTTY: true });
    progress.update('users', 5);
    progress.note('done');
    expect(out).toEqual(['\r\x1b[Kusers: 5', '\r\x1b[K', 'done\n']);
  });
});
