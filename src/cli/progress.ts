// Progress on stderr, so stdout stays clean for results (`plan --format json > plan.json`).
// On a terminal: one live line rewritten in place. Elsewhere (CI logs): a line when a
// phase starts and then at most one every few seconds per phase, so logs stay short.
import type { ProgressReporter } from '../aws/progress.js';

export interface ProgressSink {
  isTTY?: boolean;
  write(text: string): unknown;
}

const CI_INTERVAL_MS = 5000;

export class StderrProgress implements ProgressReporter {
  private lastPrinted = new Map<string, number>();
  private liveLine = false;

  constructor(
    private readonly sink: ProgressSink = process.stderr,
    private readonly now: () => number = Date.now,
  ) {}

  update(phase: string, done: number, total?: number, unit?: string): void {
    // Units are plural nouns ("accounts"); a bare count of one takes the singular
    // ("organization: 1 account"), while "1/3 accounts" counts against the total.
    const noun = unit && total === undefined && done === 1 ? unit.replace(/s$/, '') : unit;
    const text = `${phase}: ${done}${total !== undefined ? `/${total}` : ''}${noun ? ` ${noun}` : ''}`;
    if (this.sink.isTTY) {
      this.sink.write(`\r\x1b[2K${text}`);
      this.liveLine = true;
      return;
    }
    const last = this.lastPrinted.get(phase);
    const finished = total !== undefined && done >= total;
    if (last === undefined || finished || this.now() - last >= CI_INTERVAL_MS) {
      this.sink.write(`${text}\n`);
      this.lastPrinted.set(phase, this.now());
    }
  }

  note(message: string): void {
    this.endLine();
    this.sink.write(`${message}\n`);
  }

  /** Ends the live line before other stderr output. */
  endLine(): void {
    if (this.liveLine) {
      this.sink.write('\r\x1b[2K');
      this.liveLine = false;
    }
  }
}
