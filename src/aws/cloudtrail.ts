// CloudTrail's Event history, read for `plan --attribute`: LookupEvents by event name over a
// time window, every page, each event's CloudTrailEvent record reduced to the plain
// TrailEvent the plan matches changes against (src/plan/attribution.ts).
//
// LookupEvents "is limited to two per second, per account, per Region. If this limit is
// exceeded, a throttling error occurs" (CloudTrail API Reference, LookupEvents): the client
// has its own adaptive pacing with a ceiling of 2/s (it does not share Identity Center's
// quota), the same retry strategy and call accounting as every other client, and may send
// nothing but LookupEvents (plan stays structurally read-only, read-only.ts).
// Pages hold at most 50 events ("Possible values are 1 through 50"); the Event history
// reaches back 90 days.
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import type { TrailEvent } from '../model/trail-event.js';
import { AdaptiveRate } from './adaptive-rate.js';
import type { CallStats } from './call-stats.js';
import { clientConfig, type ClientOptions } from './clients.js';
import { awsCall } from './errors.js';
import { installCallMiddleware } from './middleware.js';
import { WriteInReadOnlyModeError } from './read-only.js';

export const LOOKUP_EVENTS_TPS = 2;
export const LOOKUP_PAGE_SIZE = 50;
/** How far back the Event history reaches. */
export const EVENT_HISTORY_DAYS = 90;

export interface TrailWindow {
  start: Date;
  end: Date;
}

export interface EventHistory {
  /** Every event named `eventName` in the window, as CloudTrail lists them (newest first). */
  eventsNamed(eventName: string, window: TrailWindow): Promise<TrailEvent[]>;
  close(): void;
}

/** The Event history of `region` (the region the Identity Center calls were made in). */
export function openEventHistory(options: ClientOptions, region: string, stats: CallStats, jitter?: () => number): EventHistory {
  const rate = new AdaptiveRate(LOOKUP_EVENTS_TPS);
  const client = new CloudTrailClient(clientConfig(options, region, rate, jitter));
  installCallMiddleware(client, 'cloudtrail', rate, stats);
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'LookupEventsCommand') throw new WriteInReadOnlyModeError(context.commandName ?? 'UnknownCommand');
      return next(args);
    },
    { step: 'initialize', priority: 'high', name: 'ssoGitopsLookupOnly' },
  );
  return {
    async eventsNamed(eventName, window) {
      const events: TrailEvent[] = [];
      let nextToken: string | undefined;
      do {
        const page = await awsCall('cloudtrail', 'LookupEvents', () =>
          client.send(
            new LookupEventsCommand({
              LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: eventName }],
              StartTime: window.start,
              EndTime: window.end,
              MaxResults: LOOKUP_PAGE_SIZE,
              ...(nextToken !== undefined ? { NextToken: nextToken } : {}),
            }),
          ),
        );
        for (const e of page.Events ?? []) {
          const event = trailEvent(e.CloudTrailEvent, e.EventTime);
          if (event) events.push(event);
        }
        nextToken = page.NextToken;
      } while (nextToken !== undefined && nextToken !== '');
      return events;
    },
    close: () => client.destroy(),
  };
}

/** The fields of a CloudTrail record the plan uses; undefined for a record that is not JSON (skipped, not fatal). */
export function trailEvent(recordJson: string | undefined, eventTime: Date | undefined): TrailEvent | undefined {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(recordJson ?? '') as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (record === null || typeof record !== 'object') return undefined;
  const identity = (record.userIdentity ?? {}) as Record<string, unknown>;
  const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
  const arn = text(identity.arn);
  const principalType = text(identity.type) ?? 'Unknown';
  // arn:aws:sts::123456789012:assumed-role/RoleName/SessionName
  const sessionName = principalType === 'AssumedRole' && arn !== undefined ? arn.split('/').slice(2).join('/') || undefined : undefined;
  const time = text(record.eventTime) ?? eventTime?.toISOString();
  const optional = {
    principalArn: arn,
    sessionName,
    sourceIPAddress: text(record.sourceIPAddress),
    invokedBy: text(identity.invokedBy),
    errorCode: text(record.errorCode),
  };
  return {
    eventId: text(record.eventID) ?? '',
    eventName: text(record.eventName) ?? '',
    eventSource: text(record.eventSource) ?? '',
    time: time ?? '',
    principalType,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
    requestParameters: record.requestParameters ?? null,
    responseElements: record.responseElements ?? null,
  };
}
