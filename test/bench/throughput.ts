// Assignment throughput seen from the sandbox: a sampler of the CreateAccountAssignment
// count while a command runs. The creation rate between the first and the last creation is
// the rate assignments complete at (a new one can only start when an outstanding one has
// finished), without guessing how long the command's reads took.
import type { SandboxHandle } from '../../src/sandbox/server.js';

const SAMPLE_MS = 200;

export interface ThroughputSampler {
  /** assignments per second between the first and the last creation; undefined below two */
  stop(): number | undefined;
}

export function sampleAssignmentCreations(sandbox: SandboxHandle): ThroughputSampler {
  let first: { at: number; count: number } | undefined;
  let last: { at: number; count: number } | undefined;
  const sample = () => {
    const count = sandbox.stats().calls.CreateAccountAssignment ?? 0;
    const at = performance.now();
    if (count > 0 && first === undefined) first = { at, count };
    if (last === undefined || count > last.count) last = { at, count };
  };
  const timer = setInterval(sample, SAMPLE_MS);
  return {
    stop() {
      clearInterval(timer);
      sample();
      if (!first || !last || last.count - first.count < 2 || last.at <= first.at) return undefined;
      return (last.count - first.count) / ((last.at - first.at) / 1000);
    },
  };
}

/**
 * What the limits allow: maxOutstanding requests per asyncMs, and at least one call (the
 * create) per assignment at tps — one status listing covers every request in flight.
 */
export function assignmentThroughputLimit(settings: { tps: number; asyncMs: number; maxOutstanding: number }): number {
  return Math.min(settings.maxOutstanding / (settings.asyncMs / 1000), settings.tps);
}
