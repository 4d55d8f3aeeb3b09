import { afterEach, describe, expect, it, vi } from 'vitest';
import { SettingError } from '../aws/errors.js';
import type { Change } from '../plan/types.js';
import { ApplyTracker, Interruption, interruptWaitMs, type InterruptIo, type StopSignal } from './interrupt.js';

/** Signals are delivered by the test; exits are recorded instead of ending the process. */
function fakeIo() {
  const listeners = new Map<StopSignal, () => void>();
  const io = {
    out: [] as string[],
    exits: [] as number[],
    write: (text: string) => void io.out.push(text),
    exit: (code: number) => void io.exits.push(code),
    on: (signal: StopSignal, listener: () => void) => void listeners.set(signal, listener),
    off: (signal: StopSignal) => void listeners.delete(signal),
    send: (signal: StopSignal) => listeners.get(signal)?.(),
    listening: () => listeners.size,
  };
  return io satisfies InterruptIo;
}

const group = (name: string): Change => ({ kind: 'group', action: 'create', name });

describe('an interrupted reconcile', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('before the apply: says nothing was changed and exits 130 at once', () => {
    const io = fakeIo();
    const interruption = new Interruption(30_000, io);
    io.send('SIGINT');
    expect(io.out.join('')).toBe('Interrupted by SIGINT before any change was applied; nothing was changed.\n');
    expect(io.exits).toEqual([130]);
    interruption.dispose();
  });

  it('during the apply: aborts the signal, exits nothing itself, and reports applied, failed and not started when the apply returns', () => {
    const io = fakeIo();
    const interruption = new Interruption(30_000, io);
    const changes = [group('a'), group('b'), group('c')];
    const tracker = new ApplyTracker(changes);
    interruption.applying(tracker);
    tracker.record(changes[0] as Change);
    io.send('SIGTERM');
    expect(interruption.signal.aborted).toBe(true);
    expect(io.exits).toEqual([]);
    tracker.record(changes[1] as Change, new Error('boom'));
    interruption.applyFinished();
    expect(interruption.exitCode).toBe(143);
    expect(io.out.join('')).toContain(
      'Interrupted by SIGTERM: 1 change of 3 applied, 1 failed, 1 not started.\n' +
        'Applied:\n  - create group "a"\nFailed:\n  - create group "b"\nNot started:\n  - create group "c"\n' +
        'The live instance is partly updated. Run reconcile again: it plans from the live state and converges.\n',
    );
    interruption.dispose();
    expect(io.listening()).toBe(0);
  });

  it('reports a change the safety rules refuse alone as refused, not as failed', () => {
    const io = fakeIo();
    const interruption = new Interruption(30_000, io);
    const changes = [group('a'), group('b'), group('c')];
    const tracker = new ApplyTracker(changes, [changes[1] as Change]);
    interruption.applying(tracker);
    tracker.record(changes[0] as Change);
    tracker.record(changes[1] as Change, new Error('refused by the safety rules'));
    io.send('SIGINT');
    interruption.applyFinished();
    expect(io.out.join('')).toContain(
      'Interrupted by SIGINT: 1 change of 3 applied, 0 failed, 1 refused, 1 not started.\n' +
        'Applied:\n  - create group "a"\nRefused by the safety rules (not applied):\n  - create group "b"\nNot started:\n  - create group "c"\n',
    );
    interruption.dispose();
  });

  it('exits after the bounded wait when changes are still in flight', () => {
    vi.useFakeTimers();
    const io = fakeIo();
    const interruption = new Interruption(5_000, io);
    interruption.applying(new ApplyTracker([group('a')]));
    io.send('SIGINT');
    vi.advanceTimersByTime(4_999);
    expect(io.exits).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(io.exits).toEqual([130]);
    expect(io.out.join('')).toContain('0 changes of 1 applied, 0 failed, 1 in flight or not started.');
    interruption.dispose();
  });

  it('exits at once on a second signal, with the code of the first', () => {
    const io = fakeIo();
    const interruption = new Interruption(30_000, io);
    interruption.applying(new ApplyTracker([group('a')]));
    io.send('SIGINT');
    io.send('SIGTERM');
    expect(io.exits).toEqual([130]);
    expect(io.out.join('')).toContain('SIGTERM again: exiting now.');
    interruption.dispose();
  });

  it('after the apply finished: says so rather than "nothing was changed"', () => {
    const io = fakeIo();
    const interruption = new Interruption(30_000, io);
    interruption.applying(new ApplyTracker([]));
    interruption.applyFinished();
    io.send('SIGINT');
    expect(io.out.join('')).toContain('after the apply had finished');
    interruption.dispose();
  });

  it('lists at most 20 changes per section', () => {
    const changes = Array.from({ length: 25 }, (_, i) => group(`g${i}`));
    const text = new ApplyTracker(changes).report('SIGINT', false);
    expect(text).toContain('  - create group "g19"\n  ... and 5 more\n');
    expect(text).not.toContain('"g20"');
  });
});

describe('SSO_GITOPS_INTERRUPT_WAIT_MS', () => {
  it('defaults to 30 s and names a bad value', () => {
    expect(interruptWaitMs({})).toBe(30_000);
    expect(interruptWaitMs({ SSO_GITOPS_INTERRUPT_WAIT_MS: '250' })).toBe(250);
    expect(() => interruptWaitMs({ SSO_GITOPS_INTERRUPT_WAIT_MS: 'soon' })).toThrow(SettingError);
    expect(() => interruptWaitMs({ SSO_GITOPS_INTERRUPT_WAIT_MS: 'soon' })).toThrow('SSO_GITOPS_INTERRUPT_WAIT_MS="soon"');
  });
});
