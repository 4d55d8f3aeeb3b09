// cloudtrail (CloudTrail_20131101.LookupEvents): the Event history of the caller's account
// in the caller's region, as the CloudTrail API Reference describes LookupEvents:
// - LookupAttributes "can contain only one item"; keys AccessKeyId, EventId, EventName,
//   EventSource, ReadOnly, ResourceName, ResourceType, Username;
// - StartTime/EndTime inclusive, a start after the end is InvalidTimeRangeException;
//   events "within the last 90 days";
// - MaxResults 1..50, default 50 (InvalidMaxResultsException otherwise);
// - NextToken "must be passed in with the same parameters" (InvalidNextTokenException);
// - events sorted most recent first;
// - EventCategory "insight" only returns Insights events, which the sandbox has none of.
// The rate limit (2 requests per second per account per region) is the dispatcher's.
import { AwsError } from '../errors.js';
import type { Input } from '../input.js';
import { read, type CallContext, type OperationTable } from '../router-types.js';
import type { TrailRecord } from '../state/trail.js';

export const LOOKUP_ATTRIBUTE_KEYS = [
  'AccessKeyId',
  'EventId',
  'EventName',
  'EventSource',
  'ReadOnly',
  'ResourceName',
  'ResourceType',
  'Username',
] as const;
type AttributeKey = (typeof LOOKUP_ATTRIBUTE_KEYS)[number];

const MAX_RESULTS = 50;
const HISTORY_SECONDS = 90 * 24 * 3600;

interface Query {
  attribute?: { key: AttributeKey; value: string };
  start: number;
  end: number;
  insight: boolean;
}

export const cloudTrailOperations: OperationTable = {
  LookupEvents: read((ctx) => {
    const query = lookupQuery(ctx);
    const size = maxResults(ctx.input);
    // the parameters as sent (not the defaults filled in from the clock, which move between pages)
    const scope = JSON.stringify(['LookupAttributes', 'StartTime', 'EndTime', 'EventCategory'].map((m) => ctx.input.raw(m) ?? null));
    const offset = decodeNextToken(ctx.input.optString('NextToken'), scope);
    const region = ctx.identity?.region ?? 'us-east-1';
    const matching = query.insight ? [] : ctx.world.trail.eventsOf(ctx.caller, region).filter((r) => matches(r, query));
    const page = matching.slice(offset, offset + size);
    const more = offset + size < matching.length;
    return {
      Events: page.map(lookupEvent),
      ...(more ? { NextToken: Buffer.from(JSON.stringify({ o: offset + size, s: scope }), 'utf8').toString('base64url') } : {}),
    };
  }),
};

function lookupQuery(ctx: CallContext): Query {
  const { input } = ctx;
  const attributes = input.optList('LookupAttributes') ?? [];
  if (attributes.length > 1) throw new AwsError('InvalidLookupAttributesException', 'You cannot specify more than one lookup attribute.');
  const attribute = attributes.length === 1 ? lookupAttribute(attributes[0]) : undefined;
  const now = ctx.world.nowSeconds();
  const start = timestamp(input, 'StartTime') ?? now - HISTORY_SECONDS;
  const end = timestamp(input, 'EndTime') ?? now;
  if (start > end) throw new AwsError('InvalidTimeRangeException', 'Start time must be before end time.');
  const category = input.optString('EventCategory');
  if (category !== undefined && category !== 'insight')
    throw new AwsError('InvalidEventCategoryException', `Event category ${category} is not valid. Valid values: insight.`);
  return {
    ...(attribute ? { attribute } : {}),
    // older than 90 days is out of the Event history, whatever StartTime says
    start: Math.max(start, now - HISTORY_SECONDS),
    end,
    insight: category === 'insight',
  };
}

function lookupAttribute(value: unknown): { key: AttributeKey; value: string } {
  const entry = (value ?? {}) as { AttributeKey?: unknown; AttributeValue?: unknown };
  if (typeof entry.AttributeKey !== 'string' || !(LOOKUP_ATTRIBUTE_KEYS as readonly string[]).includes(entry.AttributeKey))
    throw new AwsError('InvalidLookupAttributesException', `Lookup attribute key must be one of ${LOOKUP_ATTRIBUTE_KEYS.join(', ')}.`);
  if (typeof entry.AttributeValue !== 'string' || entry.AttributeValue.length < 1 || entry.AttributeValue.length > 2000)
    throw new AwsError('InvalidLookupAttributesException', 'Lookup attribute value must be 1 to 2000 characters.');
  return { key: entry.AttributeKey as AttributeKey, value: entry.AttributeValue };
}

/** A timestamp member: the JSON 1.1 protocol sends epoch seconds (a number, possibly fractional). */
function timestamp(input: Input, name: string): number | undefined {
  const value = input.raw(name);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new AwsError('InvalidTimeRangeException', `${name} must be a timestamp.`);
  return value;
}

function maxResults(input: Input): number {
  const value = input.raw('MaxResults');
  if (value === undefined || value === null) return MAX_RESULTS;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_RESULTS)
    throw new AwsError('InvalidMaxResultsException', `MaxResults must be between 1 and ${MAX_RESULTS}.`);
  return value;
}

function decodeNextToken(token: string | undefined, scope: string): number {
  if (token === undefined) return 0;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown; s?: unknown };
    if (typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0 && parsed.s === scope) return parsed.o;
  } catch {
    // garbage: answered below like a token of other parameters
  }
  throw new AwsError('InvalidNextTokenException', 'A token that is not valid was provided, or the parameters changed between calls.');
}

function matches(record: TrailRecord, query: Query): boolean {
  if (record.eventTime < query.start || record.eventTime > query.end) return false;
  const attribute = query.attribute;
  if (!attribute) return true;
  switch (attribute.key) {
    case 'AccessKeyId':
      return record.accessKeyId === attribute.value;
    case 'EventId':
      return record.eventId === attribute.value;
    case 'EventName':
      return record.eventName === attribute.value;
    case 'EventSource':
      return record.eventSource === attribute.value;
    case 'ReadOnly':
      return String(record.readOnly) === attribute.value;
    case 'ResourceName':
      return record.resources.some((r) => r.ResourceName === attribute.value);
    case 'ResourceType':
      return record.resources.some((r) => r.ResourceType === attribute.value);
    case 'Username':
      return record.username === attribute.value;
  }
}

function lookupEvent(record: TrailRecord): Record<string, unknown> {
  return {
    EventId: record.eventId,
    EventName: record.eventName,
    ReadOnly: String(record.readOnly),
    AccessKeyId: record.accessKeyId,
    EventTime: record.eventTime,
    EventSource: record.eventSource,
    Username: record.username,
    Resources: record.resources,
    CloudTrailEvent: JSON.stringify(record.record),
  };
}
