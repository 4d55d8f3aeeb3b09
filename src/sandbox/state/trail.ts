// The sandbox's CloudTrail event history: one record per write the sandbox served, kept
// per account and region as CloudTrail's Event history is ("You can look up events that
// occurred in a Region within the last 90 days", CloudTrail API Reference, LookupEvents).
// Records are plain data; cloudtrail-event.ts builds them, handlers/cloudtrail.ts looks them up.

/** One LookupEvents `Resources` entry. */
export interface TrailResource {
  ResourceType: string;
  ResourceName: string;
}

export interface TrailRecord {
  eventId: string;
  eventName: string;
  eventSource: string;
  /** seconds since the epoch */
  eventTime: number;
  /** the account the event is recorded in (recipientAccountId) */
  account: string;
  region: string;
  accessKeyId: string;
  /** LookupEvents `Username`: "root", or the session name of an assumed role */
  username: string;
  readOnly: boolean;
  resources: TrailResource[];
  /** the CloudTrail record itself, served as the `CloudTrailEvent` JSON string */
  record: Record<string, unknown>;
}

export class Trail {
  private readonly records: TrailRecord[] = [];
  private sequence = 0;

  /** A fresh event id: uuid-shaped and counted, so that ids do not draw on the seeded generator the world's ids come from. */
  nextEventId(): string {
    this.sequence++;
    return `00000000-0000-4000-8000-${this.sequence.toString(16).padStart(12, '0')}`;
  }

  add(record: TrailRecord): void {
    this.records.push(record);
  }

  /** The events of one account and region, most recent first (as LookupEvents lists them). */
  eventsOf(account: string, region: string): TrailRecord[] {
    return this.records
      .filter((r) => r.account === account && r.region === region)
      .reverse()
      .sort((a, b) => b.eventTime - a.eventTime);
  }

  /** Every record, oldest first (tests). */
  all(): readonly TrailRecord[] {
    return this.records;
  }
}
