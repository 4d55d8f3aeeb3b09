// SIGINT / SIGTERM during reconcile. Before the apply nothing has been written: say so and
// exit. During the apply: start no further change, give the requests in flight a bounded
// time to finish (an assignment request AWS accepted completes anyway; waiting lets us
// report it), then report what was applied and what was not started. A second signal
// exits at once. Exit codes follow the shell convention 128 + signal number: 130 for
// SIGINT, 143 for SIGTERM. Re-running converges because reconcile plans from the live state.
import { SettingError } from '../aws/errors.js';
import { changeLabel } from '../apply/label.js';
import type { Change } from '../plan/types.js';
import { plural } from '../model/plural.js';

export type StopSignal = 'SIGINT' | 'SIGTERM';
export const SIGNAL_EXIT_CODES: Record<StopSignal, number> = { SIGINT: 130, SIGTERM: 143 };

export const DEFAULT_INTERRUPT_WAIT_MS = 30_000;

/** How long an interrupted apply waits for the changes in flight (SSO_GITOPS_INTERRUPT_WAIT_MS). */
export function interruptWaitMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = env.SSO_GITOPS_INTERRUPT_WAIT_MS;
  if (value === undefined || value === '') return DEFAULT_INTERRUPT_WAIT_MS;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0)
    throw new SettingError('SSO_GITOPS_INTERRUPT_WAIT_MS', value, 'must be a whole number of milliseconds');
  return ms;
}

/** What an apply has done so far, change by change, for the report of an interrupted run. */
export class ApplyTracker {
  private readonly finished = new Map<Change, Error | undefined>();
  private readonly refused: ReadonlySet<Change>;

  /** @param refused changes the safety rules refuse alone: reported as refused, not failed */
  constructor(
    private readonly changes: readonly Change[],
    refused: readonly Change[] = [],
  ) {
    this.refused = new Set(refused);
  }

  record(change: Change, error?: Error): void {
    this.finished.set(change, error);
  }

  report(signal: StopSignal, stillRunning: boolean): string {
    const refused = this.changes.filter((c) => this.refused.has(c));
    const applied = this.changes.filter((c) => this.finished.has(c) && this.finished.get(c) === undefined);
    const failed = this.changes.filter((c) => this.finished.get(c) !== undefined && !this.refused.has(c));
    const rest = this.changes.filter((c) => !this.finished.has(c) && !this.refused.has(c));
    const restLabel = stillRunning ? 'in flight or not started' : 'not started';
    const refusedCount = refused.length > 0 ? `, ${refused.length} refused` : '';
    const lines = [
      `Interrupted by ${signal}: ${plural(applied.length, 'change')} of ${this.changes.length} applied, ${failed.length} failed${refusedCount}, ${rest.length} ${restLabel}.`,
      ...section('Applied', applied),
      ...section('Failed', failed),
      ...section('Refused by the safety rules (not applied)', refused),
      ...section(stillRunning ? 'In flight (outcome unknown) or not started' : 'Not started', rest),
      'The live instance is partly updated. Run reconcile again: it plans from the live state and converges.',
    ];
    return `${lines.join('\n')}\n`;
  }
}

const LISTED = 20;

function section(title: string, changes: readonly Change[]): string[] {
  if (changes.length === 0) return [];
  const more = changes.length > LISTED ? [`  ... and ${changes.length - LISTED} more`] : [];
  return [`${title}:`, ...changes.slice(0, LISTED).map((c) => `  - ${changeLabel(c)}`), ...more];
}

export interface InterruptIo {
  write(text: string): void;
  exit(code: number): void;
  on(signal: StopSignal, listener: () => void): void;
  off(signal: StopSignal, listener: () => void): void;
}

const PROCESS_IO: InterruptIo = {
  write: (text) => void process.stderr.write(text),
  exit: (code) => process.exit(code),
  on: (signal, listener) => void process.on(signal, listener),
  off: (signal, listener) => void process.off(signal, listener),
};

/** Watches for SIGINT/SIGTERM from construction until dispose(). */
export class Interruption {
  private readonly controller = new AbortController();
  private received: StopSignal | undefined;
  private tracker: ApplyTracker | undefined;
  private applyDone = false;
  private timer: NodeJS.Timeout | undefined;
  private readonly listeners: Record<StopSignal, () => void>;

  constructor(
    private readonly waitMs: number,
    private readonly io: InterruptIo = PROCESS_IO,
  ) {
    this.listeners = { SIGINT: () => this.interrupt('SIGINT'), SIGTERM: () => this.interrupt('SIGTERM') };
    io.on('SIGINT', this.listeners.SIGINT);
    io.on('SIGTERM', this.listeners.SIGTERM);
  }

  /** Aborted on the first signal during the apply: the apply engine starts no further change. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The exit code of the signal received, if any. */
  get exitCode(): number | undefined {
    return this.received === undefined ? undefined : SIGNAL_EXIT_CODES[this.received];
  }

  /** From now until applyFinished(), a signal stops the apply instead of the process. */
  applying(tracker: ApplyTracker): void {
    this.tracker = tracker;
  }

  /** The apply returned; after a signal, this prints the report (the caller exits with exitCode). */
  applyFinished(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    if (this.received !== undefined && this.tracker !== undefined) this.io.write(this.tracker.report(this.received, false));
    this.tracker = undefined;
    this.applyDone = true;
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.io.off('SIGINT', this.listeners.SIGINT);
    this.io.off('SIGTERM', this.listeners.SIGTERM);
  }

  /** What a signal does; also called for Ctrl+C read as a key at the confirmation prompt. */
  interrupt(signal: StopSignal): void {
    if (this.received !== undefined) {
      this.io.write(`${signal} again: exiting now. Changes in flight may still complete; run reconcile again, it converges.\n`);
      if (this.tracker !== undefined) this.io.write(this.tracker.report(this.received, true));
      this.io.exit(SIGNAL_EXIT_CODES[this.received]);
      return;
    }
    this.received = signal;
    const tracker = this.tracker;
    if (tracker === undefined) {
      this.io.write(
        this.applyDone
          ? `Interrupted by ${signal} after the apply had finished (its result is above).\n`
          : `Interrupted by ${signal} before any change was applied; nothing was changed.\n`,
      );
      this.io.exit(SIGNAL_EXIT_CODES[signal]);
      return;
    }
    this.io.write(
      `Interrupted by ${signal}: starting no further change; waiting up to ${Math.round(this.waitMs / 1000)} s for the changes in flight (${signal} again exits at once).\n`,
    );
    this.controller.abort(signal);
    this.timer = setTimeout(() => {
      this.io.write(`The changes in flight did not finish within ${Math.round(this.waitMs / 1000)} s.\n`);
      this.io.write(tracker.report(signal, true));
      this.io.exit(SIGNAL_EXIT_CODES[signal]);
    }, this.waitMs);
  }
}
