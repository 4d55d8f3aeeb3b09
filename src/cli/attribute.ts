// `plan --attribute`: who made each change in AWS. The plan's changes are the drift (the
// files are the truth), so for each one the tool looks for the CloudTrail management
// events that made the live side what it is, since `--attribute-since` (default: the 90
// days CloudTrail's Event history holds; give the time of the last apply to narrow it).
// Attribution never fails a plan: when CloudTrail cannot be read (no permission, an
// outage, throttled beyond the retry budget) the plan says so and is otherwise complete.
import type { AwsContext } from '../aws/context.js';
import { EVENT_HISTORY_DAYS, openEventHistory, type EventHistory, type TrailWindow } from '../aws/cloudtrail.js';
import { awsErrorName } from '../aws/errors.js';
import { SILENT_PROGRESS, type ProgressReporter } from '../aws/progress.js';
import type { LiveState } from '../model/live.js';
import type { TrailEvent } from '../model/trail-event.js';
import { attributeChange, cluesForAll, eventNamesToLookUp } from '../plan/attribution.js';
import type { Attributions, Plan } from '../plan/types.js';
import { UserError } from './command.js';
import type { AwsCliOptions } from './options.js';

const DAY_MS = 24 * 3600 * 1000;

/**
 * The start of the window: `Nd` (N days ago), a date (its start, UTC) or a date-time with
 * offset; default and earliest: 90 days ago, where the Event history ends.
 */
export function attributionWindow(since: string | undefined, now: Date): TrailWindow {
  const earliest = new Date(now.getTime() - EVENT_HISTORY_DAYS * DAY_MS);
  if (since === undefined) return { start: earliest, end: now };
  const days = /^(\d+)d$/.exec(since);
  const start = days
    ? new Date(now.getTime() - Number(days[1]) * DAY_MS)
    : /^\d{4}-\d{2}-\d{2}$/.test(since)
      ? new Date(`${since}T00:00:00Z`)
      : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(since)
        ? new Date(since)
        : undefined;
  if (start === undefined || Number.isNaN(start.getTime()))
    throw new UserError(`plan: --attribute-since must be N days ("30d"), a date (2026-11-01) or a date-time with offset, not "${since}"`);
  if (start > now) throw new UserError(`plan: --attribute-since ${since} is in the future`);
  return { start: start < earliest ? earliest : start, end: now };
}

/** Looks up the events the plan's changes could come from (one paced query per event name) and attributes each change. */
export async function attributePlan(
  plan: Plan,
  live: LiveState,
  history: EventHistory,
  window: TrailWindow,
  progress: ProgressReporter = SILENT_PROGRESS,
): Promise<Attributions> {
  const since = window.start.toISOString();
  const frame = { since, until: window.end.toISOString() };
  const clues = cluesForAll(plan.changes, live);
  const events: TrailEvent[] = [];
  try {
    // sequential: the Event history allows 2 lookups per second; the client paces them
    const names = eventNamesToLookUp(clues);
    for (const [done, eventName] of names.entries()) {
      progress.update('CloudTrail event names', done, names.length);
      events.push(...(await history.eventsNamed(eventName, window)));
    }
    if (names.length > 0) progress.update('CloudTrail event names', names.length, names.length);
  } catch (err) {
    const name = awsErrorName(err) ?? 'Error';
    const why = name === 'AccessDeniedException' ? 'no permission (cloudtrail:LookupEvents)' : name;
    return {
      ...frame,
      changes: [],
      note: `CloudTrail could not be read (${why}: ${err instanceof Error ? err.message : String(err)}); the changes are not attributed`,
    };
  }
  return { ...frame, changes: clues.map((c, i) => attributeChange(i, c, events, since)) };
}

/** Attributes the plan's changes through CloudTrail in the instance's region; never throws for an AWS failure. */
export async function attributeWithCloudTrail(
  ctx: AwsContext,
  aws: AwsCliOptions,
  plan: Plan,
  live: LiveState,
  window: TrailWindow,
  progress: ProgressReporter,
): Promise<Attributions> {
  const history = openEventHistory({ ...(aws.profile !== undefined ? { profile: aws.profile } : {}) }, ctx.region, ctx.stats);
  try {
    return await attributePlan(plan, live, history, window, progress);
  } finally {
    history.close();
  }
}
