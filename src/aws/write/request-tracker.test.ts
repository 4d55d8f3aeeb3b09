import { describe, expect, it, vi } from 'vitest';
import {
  RequestTracker,
  type AsyncStatus,
  type Pending,
  type RequestStatusSource,
  type GroupReads,
  type TrackerOptions,
} from './request-tracker.js';

const QUICK: TrackerOptions = {
  initialEstimateMs: 5,
  minGapMs: 1,
  groupWaitMs: 1,
  minEstimateMs: 1,
  maxEstimateMs: 50,
  timeoutMs: 2000,
};

/** What a request was for: the group (pair) whose read shows it. */
interface Subject {
  pair: string;
}

/**
 * An instance's requests of one kind, finished by the test. `hidden` requests are left out
 * of the IN_PROGRESS listing whatever their status (a lagging listing); `rows` is what the
 * evidence read shows — the goals in place, by request id.
 */
class FakeRequests implements RequestStatusSource, GroupReads<Subject> {
  readonly status = new Map<string, AsyncStatus>();
  readonly rows = new Set<string>();
  readonly hidden = new Set<string>();
  /** When false, a succeeded request's row does not show yet (an eventually consistent read). */
  rowsShow = true;
  listings = 0;
  describes = 0;
  evidenceReads = 0;
  listingError: Error | undefined;

  start(id: string): AsyncStatus {
    const s = { status: 'IN_PROGRESS', requestId: id };
    this.status.set(id, s);
    return { ...s };
  }
  finish(id: string, failureReason?: string): void {
    this.status.set(id, { status: failureReason ? 'FAILED' : 'SUCCEEDED', requestId: id, ...(failureReason ? { failureReason } : {}) });
    if (!failureReason && this.rowsShow) this.rows.add(id);
  }
  async inProgress(): Promise<ReadonlySet<string>> {
    this.listings++;
    if (this.listingError) throw this.listingError;
    return new Set(
      [...this.status.values()]
        .filter((s) => s.status === 'IN_PROGRESS' && !this.hidden.has(s.requestId as string))
        .map((s) => s.requestId as string),
    );
  }
  async describe(id: string): Promise<AsyncStatus> {
    this.describes++;
    return { ...(this.status.get(id) as AsyncStatus) };
  }
  groupOf(subject: Subject): string {
    return subject.pair;
  }
  async confirmed(requests: readonly Pending<Subject>[]): Promise<ReadonlySet<string>> {
    this.evidenceReads++;
    return new Set(requests.filter((r) => this.rows.has(r.requestId)).map((r) => r.requestId));
  }
}

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));
const onPair = (pair: string): Subject => ({ pair });

describe('RequestTracker', () => {
  it('settles a request whose start call already answered SUCCEEDED without reading anything', async () => {
    const source = new FakeRequests();
    const t = new RequestTracker(source, QUICK).track('create', { status: 'SUCCEEDED', requestId: 'r' }, undefined);
    await expect(t.outcome).resolves.toBeUndefined();
    expect(source.listings + source.describes).toBe(0);
  });

  it('rejects at once with the FailureReason when the start call answered FAILED', async () => {
    const t = new RequestTracker(new FakeRequests(), QUICK).track('create', { status: 'FAILED', failureReason: 'no such role' }, undefined);
    await expect(t.outcome).rejects.toThrow('create FAILED: no such role');
  });

  it('refuses to follow an IN_PROGRESS answer without a RequestId', async () => {
    const t = new RequestTracker(new FakeRequests(), QUICK).track('create', { status: 'IN_PROGRESS' }, undefined);
    await expect(t.outcome).rejects.toThrow('without a RequestId');
  });

  it('confirms the requests of one group with one evidence read, and shares listings between all requests in flight', async () => {
    const source = new FakeRequests();
    const tracker = new RequestTracker(source, { ...QUICK, minGapMs: 20 }, source);
    const ids = Array.from({ length: 10 }, (_, i) => `r-${i}`);
    const tracked = ids.map((id) => tracker.track(id, source.start(id), onPair('a|ps')));
    await tick(10);
    ids.forEach((id) => source.finish(id));
    await Promise.all(tracked.map((t) => t.outcome));
    expect(source.describes).toBe(0);
    expect(source.evidenceReads).toBe(1);
    expect(source.listings).toBeLessThan(ids.length);
  });

  it('follows a request alone in its group by its own Describe, without listings: it needs that Describe anyway', async () => {
    const source = new FakeRequests();
    const tracker = new RequestTracker(source, QUICK, source);
    const t = tracker.track('only', source.start('only'), onPair('a|ps'));
    source.finish('only');
    await expect(t.outcome).resolves.toBeUndefined();
    expect(source.evidenceReads).toBe(0);
    expect(source.listings).toBe(0);
    expect(source.describes).toBe(1);
  });

  it('describes a request alone in its group again, later, while it is still running', async () => {
    const source = new FakeRequests();
    const tracker = new RequestTracker(source, QUICK, source);
    const t = tracker.track('slow', source.start('slow'), onPair('p'));
    await tick(30);
    expect(source.describes).toBeGreaterThanOrEqual(2);
    source.finish('slow', 'quota of roles per account reached');
    await expect(t.outcome).rejects.toThrow('slow FAILED: quota of roles per account reached');
  });

  it('confirms by Describe when the evidence read does not show a succeeded request yet', async () => {
    const source = new FakeRequests();
    source.rowsShow = false;
    const tracker = new RequestTracker(source, QUICK, source);
    const a = tracker.track('a', source.start('a'), onPair('p'));
    const b = tracker.track('b', source.start('b'), onPair('p'));
    source.finish('a');
    source.finish('b');
    await Promise.all([a.outcome, b.outcome]);
    expect(source.describes).toBe(2);
  });

  it('never reports a failed request applied, though no listing ever showed it running or failed', async () => {
    // the IN_PROGRESS listing lags (never shows it), no FAILED listing is read at all:
    // absence is no evidence, so the request is described and its failure reported
    const source = new FakeRequests();
    const tracker = new RequestTracker(source, QUICK, source);
    source.hidden.add('bad');
    const ok = tracker.track('ok', source.start('ok'), onPair('p'));
    const bad = tracker.track('bad', source.start('bad'), onPair('p'));
    source.finish('ok');
    source.finish('bad', 'Received a 404 status error: Policy Deny does not exist in account 222222222222');
    await expect(ok.outcome).resolves.toBeUndefined();
    await expect(bad.outcome).rejects.toThrow('bad FAILED: Received a 404 status error: Policy Deny does not exist');
  });

  it('settles a partly failed group: the shown requests succeed, the others get the reason Describe gives', async () => {
    const source = new FakeRequests();
    const tracker = new RequestTracker(source, QUICK, source);
    const ids = ['g-1', 'g-2', 'g-3'];
    const tracked = ids.map((id) => tracker.track(id, source.start(id), onPair('p')));
    source.finish('g-1');
    source.finish('g-2', 'quota of roles per account reached');
    source.finish('g-3');
    const results = await Promise.allSettled(tracked.map((t) => t.outcome));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toContain('g-2 FAILED: quota of roles per account reached');
    expect(source.describes).toBe(1);
  });

  it('follows a request again when the listing omitted it while it was still running', async () => {
    const source = new FakeRequests();
    const tracker = new RequestTracker(source, QUICK, source);
    source.hidden.add('r');
    const t = tracker.track('r', source.start('r'), onPair('p'));
    const other = tracker.track('other', source.start('other'), onPair('p')); // two of a group: followed by the listing
    let settled = false;
    void t.outcome.then(
      () => (settled = true),
      () => (settled = true),
    );
    await t.finished; // the slot was given back on the listing's word …
    await tick(30);
    expect(settled).toBe(false); // … but Describe still answers IN_PROGRESS: no outcome yet
    expect(source.describes).toBeGreaterThanOrEqual(1);
    source.finish('r');
    source.finish('other');
    await expect(t.outcome).resolves.toBeUndefined();
    await expect(other.outcome).resolves.toBeUndefined();
  });

  it('frees the slot of a request when it leaves the listing, and confirms it once the rest of its group has left too, with one read', async () => {
    const source = new FakeRequests();
    const tracker = new RequestTracker(source, { ...QUICK, groupWaitMs: 1000 }, source);
    const a = tracker.track('a', source.start('a'), onPair('p'));
    const b = tracker.track('b', source.start('b'), onPair('p'));
    source.finish('a');
    let confirmed = false;
    void a.outcome.then(() => (confirmed = true));
    await a.finished;
    await tick(20);
    expect(confirmed).toBe(false); // b of the same pair still runs: one read later serves both
    source.finish('b');
    await Promise.all([a.outcome, b.outcome]);
    expect(source.evidenceReads).toBe(1);
    expect(source.describes).toBe(0);
  });

  it('confirms a request after groupWaitMs even while a request of its group still runs', async () => {
    const source = new FakeRequests();
    const tracker = new RequestTracker(source, { ...QUICK, groupWaitMs: 30 }, source);
    const a = tracker.track('a', source.start('a'), onPair('p'));
    const b = tracker.track('b', source.start('b'), onPair('p'));
    source.finish('a');
    await expect(a.outcome).resolves.toBeUndefined();
    expect(source.status.get('b')?.status).toBe('IN_PROGRESS');
    source.finish('b');
    await expect(b.outcome).resolves.toBeUndefined();
  });

  it('does not take a brand-new request for finished because a listing does not show it yet', async () => {
    const source = new FakeRequests();
    const tracker = new RequestTracker(source, { ...QUICK, initialEstimateMs: 40, minGapMs: 1 }, source);
    const old = tracker.track('old', source.start('old'), onPair('p'));
    await tick(45);
    // 'young' is absent from every listing (never started at the source) while 'old' keeps polling
    let youngFinished = false;
    const young = tracker.track('young', { status: 'IN_PROGRESS', requestId: 'young' }, onPair('p'));
    void young.finished.then(() => (youngFinished = true));
    const listingsBefore = source.listings;
    await tick(5);
    expect(source.listings).toBeGreaterThan(listingsBefore);
    expect(youngFinished).toBe(false);
    source.finish('old');
    source.finish('young');
    await Promise.all([old.outcome, young.outcome]);
  });

  it('fails every request it follows when a listing fails (after the SDK retries), naming the cause', async () => {
    const source = new FakeRequests();
    source.listingError = new Error('AccessDenied: sso:ListAccountAssignmentCreationStatus');
    const tracker = new RequestTracker(source, QUICK, source);
    const a = tracker.track('a', source.start('a'), onPair('p'));
    const b = tracker.track('b', source.start('b'), onPair('p'));
    await expect(a.outcome).rejects.toThrow('a: could not read its status: AccessDenied');
    await expect(b.outcome).rejects.toThrow('b: could not read its status');
    await expect(a.finished).resolves.toBeUndefined();
  });

  it('gives up on a request still IN_PROGRESS after the timeout, as not confirmed', async () => {
    const source = new FakeRequests();
    const t = new RequestTracker(source, { ...QUICK, timeoutMs: 30 }).track('provision', source.start('p'), undefined);
    await expect(t.outcome).rejects.toThrow(/provision: not confirmed after 0 s \(still IN_PROGRESS\)/);
  });

  it('reports a request as not confirmed when it left the listing but Describe never gave a final status in time', async () => {
    const source = new FakeRequests();
    source.hidden.add('r'); // the listing never shows it; Describe keeps answering IN_PROGRESS
    const t = new RequestTracker(source, { ...QUICK, timeoutMs: 40 }, source).track('create', source.start('r'), onPair('p'));
    await expect(t.outcome).rejects.toThrow(/create: not confirmed after/);
  });

  it('lists no more often than every half learned duration, however many requests are due', async () => {
    const source = new FakeRequests();
    const tracker = new RequestTracker(source, { ...QUICK, initialEstimateMs: 20, minEstimateMs: 20, maxEstimateMs: 20 }, source);
    const tracked = ['a', 'b', 'c'].map((id) => tracker.track(id, source.start(id), onPair('p')));
    await tick(120);
    // due from 20 ms on, then at most one listing per 10 ms: 11 at the very most
    expect(source.listings).toBeLessThanOrEqual(11);
    ['a', 'b', 'c'].forEach((id) => source.finish(id));
    await Promise.all(tracked.map((t) => t.outcome));
  });

  it('leaves no timer pending once every request is settled, so the process can exit', async () => {
    vi.useFakeTimers();
    try {
      const source = new FakeRequests();
      const tracker = new RequestTracker(source, { ...QUICK, timeoutMs: 900_000 }, source);
      const a = tracker.track('a', source.start('a'), onPair('p'));
      const b = tracker.track('b', source.start('b'), onPair('p'));
      source.finish('a');
      source.finish('b');
      await vi.advanceTimersByTimeAsync(50);
      await Promise.all([a.outcome, b.outcome]);
      await vi.advanceTimersByTimeAsync(1);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  describe('learning when to poll', () => {
    it('moves later when a poll finds a due request still running, earlier while polls find them done', async () => {
      const source = new FakeRequests();
      const tracker = new RequestTracker(source, { ...QUICK, initialEstimateMs: 10 });
      const late = tracker.track('late', source.start('late'), undefined);
      await tick(30);
      expect(tracker.estimateMs()).toBeGreaterThan(10);
      source.finish('late');
      await late.outcome;

      const grown = tracker.estimateMs();
      for (let i = 0; i < 5; i++) {
        const id = `quick-${i}`;
        const t = tracker.track(id, source.start(id), undefined);
        source.finish(id);
        await t.outcome;
      }
      expect(tracker.estimateMs()).toBeLessThan(grown);
    });
  });
});
