// Delayed completion of asynchronous AWS requests (provisioning, assignment create/delete,
// account creation). Nothing runs on timers: every incoming call first settles the
// requests that are due, so state changes happen in a well-defined order.

interface Pending {
  dueAt: number;
  complete: () => void;
}

export class AsyncQueue {
  private pending: Pending[] = [];

  constructor(private readonly now: () => number = () => Date.now()) {}

  schedule(delayMs: number, complete: () => void): void {
    this.pending.push({ dueAt: this.now() + delayMs, complete });
  }

  /** Completes every request whose time has come, oldest first. */
  settle(): void {
    if (this.pending.length === 0) return;
    const now = this.now();
    const due = this.pending.filter((p) => p.dueAt <= now);
    if (due.length === 0) return;
    this.pending = this.pending.filter((p) => p.dueAt > now);
    due.sort((a, b) => a.dueAt - b.dueAt).forEach((p) => p.complete());
  }

  clear(): void {
    this.pending = [];
  }
}
