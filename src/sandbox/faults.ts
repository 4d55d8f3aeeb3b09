// Fault injection: `throttle=0.1,5xx=0.02,reset=0.01,lost-answer=0.01,async-fail=0.01,empty-page=0.2,fail-op=ListUsers`.
// Probabilities are drawn from the seeded generator, so a seed replays the same faults.
// fail-op (repeatable, or several names joined by '+') makes every call of that operation
// answer 500 — the deterministic "this listing fails" a reliability test needs.
import type { Random } from './prng.js';
import type { SandboxStats } from './stats.js';

/** The stats counter an injected fault is counted in. */
export type FaultCounter = keyof SandboxStats['faults'];

export interface FaultSpec {
  throttle: number;
  serverError: number;
  reset: number;
  /** the operation runs, then the connection drops: the write happened, its answer is lost */
  lostAnswer: number;
  asyncFail: number;
  /** organizations list calls: probability of an empty page that still carries NextToken */
  emptyPage: number;
  failOps: Set<string>;
}

export type CallFault = 'reset' | 'lost-answer' | 'fail-op' | '500' | '503' | 'throttle';

const PROBABILITY_KEYS: Record<string, keyof Omit<FaultSpec, 'failOps'>> = {
  throttle: 'throttle',
  '5xx': 'serverError',
  reset: 'reset',
  'lost-answer': 'lostAnswer',
  'async-fail': 'asyncFail',
  'empty-page': 'emptyPage',
};

export function noFaults(): FaultSpec {
  return { throttle: 0, serverError: 0, reset: 0, lostAnswer: 0, asyncFail: 0, emptyPage: 0, failOps: new Set() };
}

/** Parses a fault spec; an unknown key or a probability outside 0..1 is an Error naming it. */
export function parseFaults(spec: string | undefined): FaultSpec {
  const faults = noFaults();
  for (const part of (spec ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq).trim();
    const value = eq < 0 ? '' : part.slice(eq + 1).trim();
    if (key === 'fail-op') {
      const ops = value
        .split('+')
        .map((o) => o.trim())
        .filter(Boolean);
      if (ops.length === 0) throw new Error(`fault "${part}": fail-op needs an operation name, e.g. fail-op=ListUsers`);
      ops.forEach((op) => faults.failOps.add(op));
      continue;
    }
    const field = PROBABILITY_KEYS[key];
    if (!field)
      throw new Error(`fault "${part}": unknown kind "${key}" (known: ${[...Object.keys(PROBABILITY_KEYS), 'fail-op'].join(', ')})`);
    const p = Number(value);
    if (value === '' || !Number.isFinite(p) || p < 0 || p > 1)
      throw new Error(`fault "${part}": probability must be a number between 0 and 1`);
    faults[field] = p;
  }
  return faults;
}

const CALL_FAULT_COUNTERS: Record<CallFault, FaultCounter> = {
  reset: 'reset',
  'lost-answer': 'lostAnswer',
  'fail-op': 'failOp',
  '500': '5xx',
  '503': '5xx',
  throttle: 'throttle',
};

export class FaultInjector {
  constructor(
    private spec: FaultSpec,
    private random: Random,
    /** counts every fault injected, wherever it is drawn (server, async completion, listing) */
    private readonly record: (counter: FaultCounter) => void = () => {},
  ) {}

  set(spec: FaultSpec): void {
    this.spec = spec;
  }

  /** A new seed replays the fault sequence from its start. */
  setRandom(random: Random): void {
    this.random = random;
  }

  /** The fault for one AWS API call, if any. One draw per kind keeps replays stable. */
  forCall(operation: string): CallFault | undefined {
    const fault = this.drawCallFault(operation);
    if (fault !== undefined) this.record(CALL_FAULT_COUNTERS[fault]);
    return fault;
  }

  asyncFails(): boolean {
    return this.counted('asyncFail', this.draw(this.spec.asyncFail));
  }

  emptyPage(): boolean {
    return this.counted('emptyPage', this.draw(this.spec.emptyPage));
  }

  private drawCallFault(operation: string): CallFault | undefined {
    if (this.spec.failOps.has(operation)) return 'fail-op';
    if (this.draw(this.spec.reset)) return 'reset';
    if (this.draw(this.spec.lostAnswer)) return 'lost-answer';
    if (this.draw(this.spec.serverError)) return this.random() < 0.5 ? '500' : '503';
    if (this.draw(this.spec.throttle)) return 'throttle';
    return undefined;
  }

  private counted(counter: FaultCounter, injected: boolean): boolean {
    if (injected) this.record(counter);
    return injected;
  }

  private draw(p: number): boolean {
    return p > 0 && this.random() < p;
  }
}
