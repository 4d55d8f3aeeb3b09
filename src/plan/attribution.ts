// Who made a drifted change: which CloudTrail management events could have produced the
// live side of each plan change, and which of the events read match it. Pure: the events
// come from src/aws (LookupEvents by event name), the ids from the live state.
//
// CloudTrail names Identity Center objects by id, never by the names the plan uses, and
// LookupEvents can filter on one attribute only. So the tool asks for the few event names
// the plan's changes could come from (EventName lookups, paced to 2/s) and matches
// requestParameters / responseElements to the ids of the live objects:
// - an assignment: permissionSetArn + targetId (account) + principalId (user or group id);
// - a membership: groupId + memberId.userId (CreateGroupMembership);
// - a user / group: userId / groupId (UpdateUser, UpdateGroup; responseElements of CreateUser/CreateGroup);
// - a permission set: permissionSetArn (the per-attribute sso-admin calls; CreatePermissionSet's answer).
// What no longer exists live has no id left to match: a user, group, permission set or
// membership deleted behind the tool's back cannot be attributed (DeleteUser names only
// the user id, DeleteGroupMembership only the membership id); the plan says so.
import { descriptorOf } from '../kinds/registry.js';
import type { LiveState } from '../model/live.js';
import type { TrailEvent } from '../model/trail-event.js';
import type { ChangeClues, LiveIds } from './attribution-clues.js';
import type { AttributedEvent, Change, ChangeAttribution } from './types.js';

/** Most events shown per change (the newest). */
export const MAX_EVENTS_PER_CHANGE = 5;

/** The events that could have made the live side of `change` what it is (each kind's
 *  descriptor knows its own: src/kinds/<kind>/attribution.ts). */
export function cluesFor(change: Change, live: LiveState): ChangeClues {
  return cluesWith(change, liveIds(live), live);
}

/** The clues of every change, with the live ids indexed once (not once per change). */
export function cluesForAll(changes: readonly Change[], live: LiveState): ChangeClues[] {
  const ids = liveIds(live);
  return changes.map((c) => cluesWith(c, ids, live));
}

function cluesWith(change: Change, ids: LiveIds, live: LiveState): ChangeClues {
  return descriptorOf(change).attributionClues(change, ids, live);
}

/** The distinct event names to look up for these changes, sorted (one LookupEvents query each). */
export function eventNamesToLookUp(clues: readonly ChangeClues[]): string[] {
  const names = new Set(clues.flatMap((c) => ('clues' in c ? c.clues.map((k) => k.eventName) : [])));
  return [...names].sort();
}

/** The successful events among `events` that match one of the clues, newest first, at most MAX_EVENTS_PER_CHANGE. */
export function matchingEvents(clues: ChangeClues, events: readonly TrailEvent[]): AttributedEvent[] {
  if (!('clues' in clues)) return [];
  return events
    .filter((e) => e.errorCode === undefined && clues.clues.some((c) => c.eventName === e.eventName && fieldsMatch(c.fields, e)))
    .sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : 0))
    .slice(0, MAX_EVENTS_PER_CHANGE)
    .map(attributedEvent);
}

/** The attribution of one change: its events, or a note saying why there are none. */
export function attributeChange(index: number, clues: ChangeClues, events: readonly TrailEvent[], since: string): ChangeAttribution {
  if (!('clues' in clues)) return { change: index, events: [], note: `not attributable: ${clues.unattributable}` };
  const found = matchingEvents(clues, events);
  if (found.length > 0) return { change: index, events: found };
  return {
    change: index,
    events: [],
    note: `no CloudTrail event since ${since} (older than that, not delivered yet, or made before this window)`,
  };
}

function fieldsMatch(fields: Record<string, string>, event: TrailEvent): boolean {
  return Object.entries(fields).every(([path, value]) => {
    const [where, ...rest] = path.split('.');
    const root = where === 'request' ? event.requestParameters : event.responseElements;
    return valueAt(root, rest) === value;
  });
}

function valueAt(root: unknown, path: string[]): unknown {
  let at = root;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

const IP_ADDRESS = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*)$/;

/** Who, when and from where: sourceIPAddress is an IP, or the name of the AWS service that called. */
function attributedEvent(e: TrailEvent): AttributedEvent {
  const fromIp = e.sourceIPAddress !== undefined && IP_ADDRESS.test(e.sourceIPAddress);
  const viaService = e.invokedBy ?? (fromIp ? undefined : e.sourceIPAddress);
  return {
    time: e.time,
    eventName: e.eventName,
    eventSource: e.eventSource,
    eventId: e.eventId,
    principalType: e.principalType,
    ...(e.principalArn !== undefined ? { principalArn: e.principalArn } : {}),
    ...(e.sessionName !== undefined ? { sessionName: e.sessionName } : {}),
    ...(fromIp && e.sourceIPAddress !== undefined ? { sourceIp: e.sourceIPAddress } : {}),
    ...(viaService !== undefined ? { viaService } : {}),
  };
}

function liveIds(live: LiveState): LiveIds {
  return {
    users: new Map(live.users.map((u) => [u.userName, u.id])),
    groups: new Map(live.groups.map((g) => [g.name, g.id])),
    permissionSets: new Map(live.permissionSets.map((p) => [p.name, p.arn])),
  };
}
