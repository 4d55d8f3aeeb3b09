// AWS lets only a few account-assignment requests (creations and deletions together) be in
// progress at once (IAM Identity Center user guide, Quotas; docs/aws-behaviour.md). A slot
// is taken before the request is sent and given back the moment AWS no longer runs it
// (RequestTracker's `finished`), not when its outcome has been confirmed: confirming can
// wait, a slot left idle is throughput lost.
export class OutstandingSlots {
  private free: number;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly size: number) {
    if (!(Number.isInteger(size) && size > 0)) throw new Error(`outstanding request slots must be a whole number above 0, got ${size}`);
    this.free = size;
  }

  /** Resolves with a release function once a slot is free; waiters are served in order. */
  async take(): Promise<() => void> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((r) => this.waiting.push(r));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    };
  }
}
