// Call accounting served at GET /_sandbox/stats: what a benchmark or reliability test needs
// to assert how many calls (and writes) a run made and which faults it met.
import type { ServiceName } from './service-name.js';

export interface SandboxStats {
  /** calls per operation name, all services together (ListTagsForResource of sso-admin and organizations add up) */
  calls: Record<string, number>;
  /** the same per service, unambiguous */
  callsByService: Record<ServiceName, Record<string, number>>;
  totalCalls: number;
  /** calls refused by the rate limit or by --max-outstanding (not injected faults) */
  throttled: number;
  faults: { throttle: number; '5xx': number; reset: number; lostAnswer: number; asyncFail: number; failOp: number; emptyPage: number };
  /** mutating calls that reached the service logic (not refused by a limit or a fault), successful or not */
  writes: number;
}

export function emptyStats(): SandboxStats {
  return {
    calls: {},
    callsByService: { 'sso-admin': {}, identitystore: {}, organizations: {}, cloudtrail: {} },
    totalCalls: 0,
    throttled: 0,
    faults: { throttle: 0, '5xx': 0, reset: 0, lostAnswer: 0, asyncFail: 0, failOp: 0, emptyPage: 0 },
    writes: 0,
  };
}

export function countCall(stats: SandboxStats, service: ServiceName, operation: string): void {
  stats.calls[operation] = (stats.calls[operation] ?? 0) + 1;
  const perService = stats.callsByService[service];
  perService[operation] = (perService[operation] ?? 0) + 1;
  stats.totalCalls++;
}
