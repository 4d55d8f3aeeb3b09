// How the AWS layer reports progress while reading. The terminal/CI rendering lives in
// src/cli/progress.ts; the AWS layer only calls this interface.

export interface ProgressReporter {
  /** `done` of `total` units of `phase` ("assignments", "pairs") are finished. */
  update(phase: string, done: number, total?: number, unit?: string): void;
  /** A one-off note (e.g. which route a read takes). */
  note(message: string): void;
}

export const SILENT_PROGRESS: ProgressReporter = { update: () => undefined, note: () => undefined };

export interface StreamProgressOptions {
  /** A terminal gets one live line; anything else (CI logs) gets periodic lines. */
  isTTY: boolean;
  /** Minimum time between two periodic lines of one phase (non-TTY). */
  intervalMs?: number;
  now?: () => number;
}

/** Progress on a stream (stderr): never on stdout, which carries results. */
export function streamProgress(write: (text: string) => void, options: StreamProgressOptions): ProgressReporter & { finish(): void } {
  const interval = options.intervalMs ?? 5000;
  const now = options.now ?? Date.now;
  const lastLine = new Map<string, number>();
  let liveLine = false;
  const clearLive = () => {
    if (liveLine) write('\r\x1b[K');
    liveLine = false;
  };
  return {
    update(phase, done, total, unit) {
      const text = `${phase}: ${done}${total !== undefined ? `/${total}` : ''}${unit ? ` ${unit}` : ''}`;
      if (options.isTTY) {
        write(`\r\x1b[K${text}`);
        liveLine = true;
        return;
      }
      const finished = total !== undefined && done >= total;
      const last = lastLine.get(phase);
      if (finished || last === undefined || now() - last >= interval) {
        lastLine.set(phase, now());
        write(`${text}\n`);
      }
    },
    note(message) {
      clearLive();
      write(`${message}\n`);
    },
    finish: clearLive,
  };
}
