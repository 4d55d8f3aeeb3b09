// Call accounting: how many operations were called and how many HTTP attempts they
// took (attempts - calls = retries). `--verbose` prints it; tests use it to pin the
// cost of a read (e.g. assignments ~ provisioned pairs, never accounts x sets).
import { compareStrings } from '../model/order.js';

export interface OperationStats {
  /** "identitystore ListUsers" */
  operation: string;
  calls: number;
  attempts: number;
  /** Attempts AWS answered with throttling (retried; the pacing slowed down for them). */
  throttled: number;
}

export class CallStats {
  private readonly byOperation = new Map<string, OperationStats>();

  recordCall(operation: string): void {
    this.entry(operation).calls += 1;
  }

  recordAttempt(operation: string): void {
    this.entry(operation).attempts += 1;
  }

  recordThrottled(operation: string): void {
    this.entry(operation).throttled += 1;
  }

  /** Sorted by operation name, in code-unit order (the same in every locale). */
  snapshot(): OperationStats[] {
    return [...this.byOperation.values()].map((s) => ({ ...s })).sort((a, b) => compareStrings(a.operation, b.operation));
  }

  totalCalls(): number {
    let n = 0;
    for (const s of this.byOperation.values()) n += s.calls;
    return n;
  }

  /** Calls of one operation, e.g. callsOf("sso-admin ListAccountAssignments"). */
  callsOf(operation: string): number {
    return this.byOperation.get(operation)?.calls ?? 0;
  }

  private entry(operation: string): OperationStats {
    let s = this.byOperation.get(operation);
    if (!s) {
      s = { operation, calls: 0, attempts: 0, throttled: 0 };
      this.byOperation.set(operation, s);
    }
    return s;
  }
}

/** Lines for `--verbose`: one per operation, then the total. */
export function formatCallStats(stats: OperationStats[]): string[] {
  const width = Math.max(0, ...stats.map((s) => s.operation.length));
  const lines = stats.map((s) => {
    const retries = s.attempts - s.calls;
    const throttled = s.throttled > 0 ? `, ${s.throttled} throttled` : '';
    return `  ${s.operation.padEnd(width)}  ${s.calls}${retries > 0 ? ` (+${retries} retries${throttled})` : ''}`;
  });
  const total = stats.reduce((n, s) => n + s.calls, 0);
  const throttled = stats.reduce((n, s) => n + s.throttled, 0);
  // Throttling means another client shares the quota (or --tps is above it): worth saying.
  return [
    'AWS calls:',
    ...lines,
    `  total  ${total}${throttled > 0 ? ` (${throttled} attempts throttled: the rate was lowered for them)` : ''}`,
  ];
}
