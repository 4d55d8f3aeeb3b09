// The writers as the tests of their write paths build them: conflicts retried three times
// without waiting, asynchronous requests followed by trackers whose every delay is a few
// milliseconds, and every call answered by the test (sdk-answers.ts).
import type { ConcreteAssignment } from '../../../apply/port.js';
import { withConflictRetry, type ConflictRetryOptions } from '../../conflict-retry.js';
import { OutstandingSlots } from '../outstanding-slots.js';
import { assignmentCreationGroups, requestStatusSources } from '../request-status-sources.js';
import { RequestTracker, type TrackerOptions } from '../request-tracker.js';
import { SsoAdminWriter, type AsyncRequests } from '../sso-admin-writer.js';
import { scripted, ssoAdminAnswering } from './sdk-answers.js';

const THREE_QUICK_ATTEMPTS: ConflictRetryOptions = {
  maxAttempts: 3,
  baseDelayMs: 1,
  maxDelayMs: 1,
  sleep: async () => {},
  random: () => 0,
};

/** Conflicts retried three times, at once. */
export const quickRetry = <T>(label: string, fn: () => Promise<T>) => withConflictRetry(fn, label, THREE_QUICK_ATTEMPTS);

const QUICK: TrackerOptions = {
  initialEstimateMs: 2,
  minGapMs: 1,
  groupWaitMs: 1,
  minEstimateMs: 1,
  maxEstimateMs: 10,
  timeoutMs: 1000,
};

const INSTANCE = 'arn:aws:sso:::instance/ssoins-1';

function quickRequests(client: Parameters<typeof requestStatusSources>[0]): AsyncRequests {
  const sources = requestStatusSources(client, INSTANCE);
  return {
    creations: new RequestTracker(sources.creation, QUICK, assignmentCreationGroups(client, INSTANCE)),
    deletions: new RequestTracker<ConcreteAssignment>(sources.deletion, QUICK),
    provisionings: new RequestTracker(sources.provisioning, QUICK),
    assignmentSlots: new OutstandingSlots(10),
  };
}

/** An SsoAdminWriter whose client answers from `script`, and the calls it made. */
export function ssoAdminWriterAnswering(script: Parameters<typeof scripted>[0]) {
  const { client, calls } = ssoAdminAnswering(scripted(script));
  return { writer: new SsoAdminWriter(client, INSTANCE, quickRetry, quickRequests(client), [0, 0]), calls };
}
