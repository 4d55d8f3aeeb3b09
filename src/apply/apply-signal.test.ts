import { describe, expect, it } from 'vitest';
import type { Change } from '../plan/types.js';
import { liveStateOf } from '../testing/builders.js';
import { applyPhases } from './apply.js';
import type { IdentityCenterWriter } from './port.js';

/** A writer whose every method records its name and first argument, and runs `hook`. */
function recordingWriter(calls: string[], hook: (call: string) => void): IdentityCenterWriter {
  return new Proxy({} as IdentityCenterWriter, {
    get: (_target, method) => async (arg: unknown) => {
      const call = `${String(method)} ${typeof arg === 'string' ? arg : JSON.stringify(arg)}`;
      calls.push(call);
      hook(call);
      return `id-of-${calls.length}`;
    },
  });
}

const group = (name: string): Change => ({ kind: 'group', action: 'create', name });

describe('applying with an abort signal (an interrupted reconcile)', () => {
  it('starts no change after the abort, neither in the phase nor in later phases, and counts only finished ones as applied', async () => {
    const controller = new AbortController();
    const calls: string[] = [];
    const writer = recordingWriter(calls, (call) => {
      if (call === 'createGroup b') controller.abort();
    });
    const phases: Change[][] = [[group('a'), group('b'), group('c')], [group('d')]];
    const result = await applyPhases(phases, liveStateOf({}), writer, {
      concurrency: 1,
      assignmentConcurrency: 1,
      signal: controller.signal,
    });
    expect(calls).toEqual(['createGroup a', 'createGroup b']);
    expect(result).toEqual({ applied: 2, failures: [], refused: [] });
  });

  it('applies everything when the signal is never aborted', async () => {
    const calls: string[] = [];
    const result = await applyPhases(
      [[group('a')], [group('b')]],
      liveStateOf({}),
      recordingWriter(calls, () => {}),
      {
        concurrency: 2,
        assignmentConcurrency: 1,
        signal: new AbortController().signal,
      },
    );
    expect(result).toEqual({ applied: 2, failures: [], refused: [] });
  });
});
