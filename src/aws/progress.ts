// How the AWS layer reports progress while reading. The terminal/CI rendering lives in
// src/cli/progress.ts; the AWS layer only calls this interface.

export interface ProgressReporter {
  /** `done` of `total` units of `phase` ("assignments", "pairs") are finished. */
  update(phase: string, done: number, total?: number, unit?: string): void;
  /** A one-off note (e.g. which route a read takes). */
  note(message: string): void;
}

export const SILENT_PROGRESS: ProgressReporter = { update: () => undefined, note: () => undefined };
