// What `plan --attribute` found, independent of the output format: for each change its
// headline and one phrase per CloudTrail event (who, when, from where), or the note
// saying why there is none. Text and markdown lay these out.
import { descriptorOf } from '../kinds/registry.js';
import type { AttributedEvent, Change, Plan } from '../plan/types.js';
import { describeChange } from './describe.js';

export interface AttributedChange {
  /** "+ assignment "Admin" for group "Admins" on prod (222233334444)" */
  headline: string;
  events: AttributedEvent[];
  note?: string;
}

export interface AttributionView {
  title: string;
  /** CloudTrail could not be read: the one thing to say */
  note?: string;
  changes: AttributedChange[];
}

/** Undefined when the plan was made without --attribute. */
export function attributionView(plan: Plan): AttributionView | undefined {
  const a = plan.attributions;
  if (a === undefined) return undefined;
  const changes = a.changes.flatMap((entry) => {
    const change = plan.changes[entry.change];
    if (change === undefined) return [];
    return [{ headline: changeHeadline(change), events: entry.events, ...(entry.note !== undefined ? { note: entry.note } : {}) }];
  });
  return { title: `Who changed it (CloudTrail, ${a.since} to ${a.until})`, ...(a.note !== undefined ? { note: a.note } : {}), changes };
}

function changeHeadline(c: Change): string {
  const [first] = describeChange(c);
  const prefix = descriptorOf(c).headlinePrefix;
  return `${first?.mark ?? '~'} ${prefix !== undefined ? `${prefix} ` : ''}${first?.text ?? ''}`;
}

/** Who: the principal ARN (or its type when CloudTrail gives none), and the session name of a role. */
export function who(e: AttributedEvent): string {
  const principal = e.principalArn ?? e.principalType;
  return e.sessionName !== undefined ? `${principal} (session ${e.sessionName})` : principal;
}

/** From where: the source IP, or the AWS service that made the call. */
export function fromWhere(e: AttributedEvent): string {
  if (e.sourceIp !== undefined) return e.viaService !== undefined ? `${e.sourceIp} via ${e.viaService}` : e.sourceIp;
  return e.viaService !== undefined ? `AWS service ${e.viaService}` : 'unknown';
}

/** "2026-11-01T10:00:00Z CreateAccountAssignment by arn:... (session mallory) from 203.0.113.7" */
export function eventPhrase(e: AttributedEvent): string {
  return `${e.time} ${e.eventName} by ${who(e)} from ${fromWhere(e)}`;
}
