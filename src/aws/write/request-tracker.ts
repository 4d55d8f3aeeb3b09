// Waits for AWS's asynchronous requests of one kind (assignment creations, assignment
// deletions or provisionings) together. The SDK has no waiters for them, and one
// Describe…Status per request and poll costs a call out of the ~20/s that the requests
// themselves draw on. Two separate questions, answered by different reads:
//
//  1. Is AWS still running it? The List…Status operations answer for every request of the
//     instance at once (sso-admin model: ListAccountAssignmentCreationStatus "Lists the
//     status of the … account assignment creation requests for a specified IAM Identity
//     Center instance", filtered by OperationStatusFilter.Status), so one IN_PROGRESS
//     listing covers every request in flight. A request of ours no longer in it has left
//     IN_PROGRESS: its `finished` promise resolves, which frees its slot among AWS's
//     outstanding requests at once. Leaving IN_PROGRESS is NOT success: AWS documents
//     neither that the listing is consistent with Describe…Status nor how long FAILED
//     requests stay listed, so a lagging listing must never decide an outcome.
//  2. Did it succeed? Only positive evidence settles `outcome`: a read showing the goal in
//     place for a whole group of requests (GroupReads: for assignment creations, one
//     ListAccountAssignments of the (account, permission set) pair shows every assignment
//     of that pair), or the request's own Describe…Status answering SUCCEEDED. FAILED comes
//     from Describe…Status only, with AWS's FailureReason. A Describe that still answers
//     IN_PROGRESS (the listing was early) puts the request back to (1).
//
// A request alone in its group (every deletion and provisioning, and a creation alone on
// its pair) skips (1): it needs its own Describe to be confirmed anyway, so that Describe,
// sent when the learned duration has passed and again a growing fraction of it later while
// it answers IN_PROGRESS, is also what finds it finished. The listing pays only for groups.
//
// A request neither confirmed nor failed within `timeoutMs` fails as not confirmed: never
// reported applied without evidence.
//
// When to list: a request is due when the learned duration has passed since its answer; a
// listing comes when the earliest running request is due, but never sooner than half the
// learned duration (and `minGapMs`) after the previous one, so requests finishing close
// together share a listing. The duration is steered like a controller: a listing that
// finds every due request gone moves it earlier by a step that grows with each such listing
// in a row; one that finds a due request still running moves it later. A request is
// confirmed as soon as it has left IN_PROGRESS, concurrently with the listings (the rate
// limiter paces the reads), except that a group waits while a request of the same group
// still runs (its read would have to be repeated), for at most `groupWaitMs`.
export interface AsyncStatus {
  status: 'IN_PROGRESS' | 'SUCCEEDED' | 'FAILED' | (string & {});
  failureReason?: string;
  requestId?: string;
}

/** What the tracker reads from AWS for one request. */
export interface RequestStatusSource {
  /** One request's status, with its FailureReason (Describe…Status). */
  describe(requestId: string): Promise<AsyncStatus>;
}

/** A request awaiting confirmation, with what it was for. */
export interface Pending<S> {
  requestId: string;
  subject: S;
}

/** How requests that share a group are followed: one listing for every request in flight,
 *  and positive evidence of success for a whole group at once, cheaper than a Describe each. */
export interface GroupReads<S> {
  /** Requests of one group are confirmed by one read. */
  groupOf(subject: S): string;
  /** Ids of the requests of this kind that are IN_PROGRESS (every page of List…Status). */
  inProgress(): Promise<ReadonlySet<string>>;
  /** Ids among `requests` (one group, at least two) whose goal a read shows in place. Never
   *  infers success from an absence: an id not returned is described instead. */
  confirmed(requests: readonly Pending<S>[]): Promise<ReadonlySet<string>>;
}

export interface TrackerOptions {
  /** First guess of how long a request takes, before anything was observed. */
  initialEstimateMs: number;
  /** Least time between two IN_PROGRESS listings. */
  minGapMs: number;
  /** Longest a request that left IN_PROGRESS waits for the rest of its group to leave too. */
  groupWaitMs: number;
  /** Bounds of the learned duration. */
  minEstimateMs: number;
  maxEstimateMs: number;
  /** A request not confirmed this long after its answer fails as not confirmed. */
  timeoutMs: number;
}

export const DEFAULT_TRACKER_OPTIONS: TrackerOptions = {
  initialEstimateMs: 1000,
  minGapMs: 200,
  groupWaitMs: 2000,
  minEstimateMs: 50,
  maxEstimateMs: 20_000,
  timeoutMs: 15 * 60 * 1000,
};

/** One tracked request: `finished` when AWS no longer runs it, `outcome` once its result is known. */
export interface Tracked {
  finished: Promise<void>;
  outcome: Promise<void>;
}

/** Reads made, for tests and the benchmarks. */
export interface TrackerCalls {
  /** IN_PROGRESS listings (one per poll, whatever its pages). */
  inProgress: number;
  /** Group reads of GroupReads.confirmed. */
  evidence: number;
  describe: number;
}

/** Per listing in a row that found every due request gone, the estimate shrinks by this much more. */
const PROBE_STEP = 0.002;
const MAX_PROBE = 0.05;
/** A listing that found a due request still running moves the estimate this much later. */
const MISS_FACTOR = 1.05;
/** Listings come at least this fraction of the learned duration apart. */
const LISTING_GAP = 0.5;
/** A request a Describe found still running is described again this fraction of the estimate later, growing by RECHECK_GROWTH. */
const RECHECK = 0.15;
const RECHECK_GROWTH = 1.6;

interface Entry<S> {
  label: string;
  requestId: string;
  subject: S;
  answeredAt: number;
  /** When the IN_PROGRESS listing stopped showing it; undefined while it runs. */
  leftAt: number | undefined;
  /** A confirmation read is under way. */
  confirming: boolean;
  /** Describes made of it; before the first, it is due the learned duration after its answer. */
  checks: number;
  /** When it is described again after a Describe found it still IN_PROGRESS. */
  nextCheckAt: number;
  markFinished: () => void;
  succeed: () => void;
  fail: (err: Error) => void;
}

export class RequestTracker<S = undefined> {
  private estimate: number;
  private streak = 0;
  private readonly entries = new Map<string, Entry<S>>();
  private lastPoll = -Infinity;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  readonly calls: TrackerCalls = { inProgress: 0, evidence: 0, describe: 0 };

  constructor(
    private readonly source: RequestStatusSource,
    private readonly options: TrackerOptions = DEFAULT_TRACKER_OPTIONS,
    private readonly groups?: GroupReads<S>,
  ) {
    this.estimate = options.initialEstimateMs;
  }

  estimateMs(): number {
    return this.estimate;
  }

  /**
   * Tracks the request that `first` (the start call's status) names. A status already final
   * settles at once; FAILED rejects `outcome` with the FailureReason. `finished` never rejects.
   */
  track(label: string, first: AsyncStatus, subject: S): Tracked {
    if (first.status === 'SUCCEEDED') return { finished: Promise.resolve(), outcome: Promise.resolve() };
    if (first.status === 'FAILED') return { finished: Promise.resolve(), outcome: Promise.reject(failure(label, first)) };
    const requestId = first.requestId;
    if (requestId === undefined) {
      const err = new Error(`${label}: AWS answered ${first.status} without a RequestId to follow`);
      return { finished: Promise.resolve(), outcome: Promise.reject(err) };
    }
    let markFinished!: () => void;
    const finished = new Promise<void>((r) => (markFinished = r));
    let succeed!: () => void;
    let fail!: (err: Error) => void;
    const outcome = new Promise<void>((resolve, reject) => {
      succeed = resolve;
      fail = reject;
    });
    this.entries.set(requestId, {
      label,
      requestId,
      subject,
      answeredAt: Date.now(),
      leftAt: undefined,
      confirming: false,
      checks: 0,
      nextCheckAt: Infinity,
      markFinished,
      succeed,
      fail,
    });
    this.wake?.();
    this.loop ??= this.run().finally(() => (this.loop = undefined));
    return { finished, outcome };
  }

  private async run(): Promise<void> {
    while (this.entries.size > 0) {
      const now = Date.now();
      const running = [...this.entries.values()].filter((e) => e.leftAt === undefined && !e.confirming);
      // A request alone in its group gains nothing from the listing: it needs its own
      // Describe to be confirmed anyway, so that Describe is also what finds it finished.
      const sizes = this.groupSizes();
      const solo = running.filter((e) => sizes.get(this.groupOf(e)) === 1);
      const listed = running.filter((e) => sizes.get(this.groupOf(e)) !== 1);
      const pollAt = listed.length === 0 ? Infinity : Math.max(this.lastPoll + this.listingGapMs(), this.earliestDue(listed));
      const dueSolo = solo.filter((e) => this.dueAt(e) <= now);
      const soloAt = Math.min(...solo.map((e) => this.dueAt(e)));
      const { ready, nextReadyAt } = this.readyGroups(running, now);
      // confirmations run beside the listings: a slow round of reads must not hold up the
      // listing that frees the next slots
      if (ready.length > 0 || dueSolo.length > 0) this.confirmInBackground([...ready, ...dueSolo.map((e) => [e])]);
      const at = Math.min(pollAt, dueSolo.length > 0 ? Infinity : soloAt, nextReadyAt, this.nextTimeout());
      if (at > now) {
        await this.sleepUntil(at);
        continue; // a request tracked or a confirmation finished meanwhile may have moved the schedule
      }
      if (pollAt <= now) {
        try {
          await this.poll(listed);
        } catch (err) {
          this.failAll(err instanceof Error ? err : new Error(String(err)));
        }
      }
      this.timeOut();
    }
  }

  private earliestDue(running: readonly Entry<S>[]): number {
    return Math.min(...running.map((e) => e.answeredAt)) + this.estimate;
  }

  /**
   * Least time between two listings: half the learned duration (at least minGapMs). With
   * about `slots` requests finishing per learned duration, that bounds the listings to
   * 2 / slots per request (0.2 at AWS's 10): measured on M, listings at most every 200 ms
   * cost 0.54 per request, a quarter of the request rate, in a migration bound by that rate.
   */
  private listingGapMs(): number {
    return Math.max(this.options.minGapMs, this.estimate * LISTING_GAP);
  }

  private dueAt(e: Entry<S>): number {
    return e.checks === 0 ? e.answeredAt + this.estimate : e.nextCheckAt;
  }

  private groupSizes(): Map<string, number> {
    const sizes = new Map<string, number>();
    for (const e of this.entries.values()) sizes.set(this.groupOf(e), (sizes.get(this.groupOf(e)) ?? 0) + 1);
    return sizes;
  }

  private nextTimeout(): number {
    return Math.min(...[...this.entries.values()].map((e) => e.answeredAt)) + this.options.timeoutMs + 1;
  }

  private groupOf(e: Entry<S>): string {
    return this.groups === undefined ? e.requestId : this.groups.groupOf(e.subject);
  }

  /** Groups of requests that left IN_PROGRESS and may be confirmed now, and when the next
   *  waiting group may be. */
  private readyGroups(running: readonly Entry<S>[], now: number): { ready: Entry<S>[][]; nextReadyAt: number } {
    const busy = new Set(running.map((e) => this.groupOf(e)));
    const groups = new Map<string, Entry<S>[]>();
    for (const e of this.entries.values()) {
      if (e.leftAt === undefined || e.confirming) continue;
      const key = this.groupOf(e);
      groups.set(key, [...(groups.get(key) ?? []), e]);
    }
    const ready: Entry<S>[][] = [];
    let nextReadyAt = Infinity;
    for (const [key, members] of groups) {
      const readyAt = busy.has(key) ? Math.min(...members.map((e) => e.leftAt ?? now)) + this.options.groupWaitMs : now;
      if (readyAt <= now) ready.push(members);
      else nextReadyAt = Math.min(nextReadyAt, readyAt);
    }
    return { ready, nextReadyAt };
  }

  private confirmInBackground(groups: readonly Entry<S>[][]): void {
    for (const group of groups) for (const e of group) e.confirming = true;
    void Promise.all(groups.map((g) => this.confirm(g)))
      .catch((err: unknown) => this.failAll(err instanceof Error ? err : new Error(String(err))))
      .finally(() => {
        for (const group of groups) for (const e of group) e.confirming = false;
        this.wake?.();
      });
  }

  private async sleepUntil(at: number): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await new Promise<void>((resolve) => {
      this.wake = resolve;
      // whole milliseconds: Date.now() has no finer grain, so a fraction would never elapse
      timer = setTimeout(resolve, Math.ceil(at - Date.now()));
    });
    // a timer left pending (woken early, up to the timeout ahead) would keep the process alive
    clearTimeout(timer);
    this.wake = undefined;
  }

  private async poll(running: readonly Entry<S>[]): Promise<void> {
    if (this.groups === undefined) return; // every request is then alone in its group: never listed
    const sentAt = Date.now();
    this.lastPoll = sentAt;
    this.calls.inProgress++;
    const inProgress = await this.groups.inProgress();
    let due = 0;
    let dueRunning = 0;
    for (const e of running) {
      const age = sentAt - e.answeredAt;
      const isDue = age >= this.estimate;
      if (isDue) due++;
      // a listing may not show a request just started yet: only a due one is taken as gone
      if (inProgress.has(e.requestId) || age < this.estimate / 2) {
        if (isDue) dueRunning++;
        continue;
      }
      e.leftAt = sentAt;
      e.markFinished();
    }
    this.learn(due, dueRunning);
  }

  private learn(due: number, dueRunning: number): void {
    if (due === 0) return;
    const { minEstimateMs, maxEstimateMs } = this.options;
    if (dueRunning > 0) {
      this.streak = 0;
      this.estimate = Math.min(maxEstimateMs, this.estimate * MISS_FACTOR);
    } else {
      this.streak++;
      this.estimate = Math.max(minEstimateMs, this.estimate * (1 - Math.min(MAX_PROBE, PROBE_STEP * this.streak)));
    }
  }

  /** Settles what a group read shows succeeded, and describes the rest (concurrently: the rate limiter paces them). */
  private async confirm(group: readonly Entry<S>[]): Promise<void> {
    let rest = group;
    if (this.groups !== undefined && group.length > 1) {
      this.calls.evidence++;
      const shown = await this.groups.confirmed(group.map(({ requestId, subject }) => ({ requestId, subject })));
      for (const e of group) if (shown.has(e.requestId)) this.settle(e);
      rest = group.filter((e) => !shown.has(e.requestId));
    }
    await Promise.all(rest.map((e) => this.describe(e)));
  }

  private async describe(e: Entry<S>): Promise<void> {
    this.calls.describe++;
    const firstOfRunning = e.checks === 0 && e.leftAt === undefined;
    e.checks++;
    const status = await this.source.describe(e.requestId);
    const final = status.status === 'SUCCEEDED' || status.status === 'FAILED';
    if (firstOfRunning) this.learn(1, final ? 0 : 1);
    if (status.status === 'SUCCEEDED') this.settle(e);
    else if (status.status === 'FAILED') this.settle(e, failure(e.label, status));
    else {
      e.leftAt = undefined; // still running (a listing was early): follow it again
      // later checks come a fraction of the learned duration apart, growing
      const { minGapMs, maxEstimateMs } = this.options;
      e.nextCheckAt = Date.now() + Math.min(maxEstimateMs, Math.max(minGapMs, this.estimate * RECHECK * RECHECK_GROWTH ** (e.checks - 1)));
    }
  }

  private settle(e: Entry<S>, err?: Error): void {
    this.entries.delete(e.requestId);
    e.markFinished();
    if (err === undefined) e.succeed();
    else e.fail(err);
  }

  private failAll(err: Error): void {
    for (const e of [...this.entries.values()]) this.settle(e, new Error(`${e.label}: could not read its status: ${err.message}`));
  }

  private timeOut(): void {
    const now = Date.now();
    const seconds = Math.round(this.options.timeoutMs / 1000);
    for (const e of [...this.entries.values()]) {
      if (now - e.answeredAt <= this.options.timeoutMs) continue;
      const seen = e.leftAt === undefined ? 'still IN_PROGRESS' : 'finished, but neither SUCCEEDED nor FAILED could be confirmed';
      this.settle(e, new Error(`${e.label}: not confirmed after ${seconds} s (${seen}); the next plan shows whether it was applied`));
    }
  }
}

function failure(label: string, status: AsyncStatus): Error {
  return new Error(`${label} FAILED: ${status.failureReason ?? 'AWS gave no FailureReason'}`);
}
