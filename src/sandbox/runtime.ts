// The sandbox's mutable configuration and state behind one object: the World, the call
// accounting, the rate limiters and the fault injector. Both the HTTP control API and the
// in-process handle change the sandbox only through configure/reset/resetStats here.
import { FaultInjector, parseFaults } from './faults.js';
import { seededRandom } from './prng.js';
import { RateLimiter } from './rate-limiter.js';
import { emptyStats, type SandboxStats } from './stats.js';
import { World, type WorldSettings } from './state/world.js';

export interface SandboxOptions {
  /** 0 (default) picks a free port */
  port?: number;
  /** Identity Center requests per second per account, sso-admin and identitystore together; 0 = unlimited (default 20) */
  tps?: number;
  /** delay added to every AWS call (default 0) */
  latencyMs?: number;
  /** time until an async request (assignment, provisioning, account creation) completes (default 0) */
  asyncMs?: number;
  /** in-progress account-assignment requests per caller before ThrottlingException (default 10) */
  maxOutstanding?: number;
  /** e.g. "throttle=0.1,5xx=0.02,reset=0.01,async-fail=0.01,empty-page=0.2,fail-op=ListUsers" */
  faults?: string;
  /** seeds ids and injected faults, so a run can be replayed (default: from the clock) */
  randomSeed?: number;
}

/** The settings in effect; GET /_sandbox/config shows them. */
export interface SandboxConfig {
  tps: number;
  /** organizations has its own bucket: 10/s while Identity Center is limited, unlimited with tps 0 */
  organizationsTps: number;
  latencyMs: number;
  asyncMs: number;
  maxOutstanding: number;
  faults: string;
  randomSeed: number;
}

const ORGANIZATIONS_TPS = 10;
// CloudTrail LookupEvents: "limited to two per second, per account, per Region. If this
// limit is exceeded, a throttling error occurs." (CloudTrail API Reference, LookupEvents)
const CLOUDTRAIL_TPS = 2;

export const DEFAULTS: Omit<SandboxConfig, 'organizationsTps' | 'randomSeed'> = {
  tps: 20,
  latencyMs: 0,
  asyncMs: 0,
  maxOutstanding: 10,
  faults: '',
};

/** World ids and faults draw from separate generators: creating a user never shifts the fault sequence. */
const WORLD_SEED_SALT = 0x5eed;

export class SandboxRuntime {
  readonly config: SandboxConfig;
  readonly identityCenterLimiter: RateLimiter;
  readonly organizationsLimiter: RateLimiter;
  /** CloudTrail's own bucket per account and region: 2/s while Identity Center is limited, unlimited with tps 0 */
  readonly cloudTrailLimiter: RateLimiter;
  /** Operations every caller is denied (AccessDeniedException), as an IAM policy without them would: POST /_sandbox/denials */
  readonly deniedOperations = new Set<string>();
  readonly faults: FaultInjector;
  /** shared with every World, so configure() reaches the current one */
  private readonly worldSettings: WorldSettings;
  private currentWorld: World;
  private currentStats: SandboxStats = emptyStats();

  constructor(options: SandboxOptions = {}) {
    const tps = nonNegative('tps', options.tps ?? DEFAULTS.tps);
    this.config = {
      tps,
      organizationsTps: tps === 0 ? 0 : ORGANIZATIONS_TPS,
      latencyMs: nonNegative('latencyMs', options.latencyMs ?? DEFAULTS.latencyMs),
      asyncMs: nonNegative('asyncMs', options.asyncMs ?? DEFAULTS.asyncMs),
      maxOutstanding: nonNegative('maxOutstanding', options.maxOutstanding ?? DEFAULTS.maxOutstanding),
      faults: options.faults ?? DEFAULTS.faults,
      randomSeed: options.randomSeed ?? Date.now() % 2 ** 31,
    };
    this.identityCenterLimiter = new RateLimiter(this.config.tps);
    this.organizationsLimiter = new RateLimiter(this.config.organizationsTps);
    this.cloudTrailLimiter = new RateLimiter(tps === 0 ? 0 : CLOUDTRAIL_TPS);
    this.faults = new FaultInjector(parseFaults(this.config.faults), seededRandom(this.config.randomSeed), (counter) => {
      this.currentStats.faults[counter]++;
    });
    this.worldSettings = { asyncMs: this.config.asyncMs, maxOutstanding: this.config.maxOutstanding };
    this.currentWorld = this.newWorld();
  }

  get world(): World {
    return this.currentWorld;
  }

  get stats(): SandboxStats {
    return this.currentStats;
  }

  /** Changes settings at run time; a bad value throws before anything changes. */
  configure(changes: Partial<SandboxOptions>): void {
    const faults = changes.faults === undefined ? undefined : parseFaults(changes.faults);
    const next = { ...this.config };
    if (changes.tps !== undefined) {
      next.tps = nonNegative('tps', changes.tps);
      next.organizationsTps = next.tps === 0 ? 0 : ORGANIZATIONS_TPS;
    }
    if (changes.latencyMs !== undefined) next.latencyMs = nonNegative('latencyMs', changes.latencyMs);
    if (changes.asyncMs !== undefined) next.asyncMs = nonNegative('asyncMs', changes.asyncMs);
    if (changes.maxOutstanding !== undefined) next.maxOutstanding = nonNegative('maxOutstanding', changes.maxOutstanding);
    if (changes.randomSeed !== undefined) next.randomSeed = integer('randomSeed', changes.randomSeed);
    if (changes.faults !== undefined) next.faults = changes.faults;

    if (next.tps !== this.config.tps) {
      this.identityCenterLimiter.setRate(next.tps);
      this.organizationsLimiter.setRate(next.organizationsTps);
      this.cloudTrailLimiter.setRate(next.tps === 0 ? 0 : CLOUDTRAIL_TPS);
    }
    if (faults) this.faults.set(faults);
    if (changes.randomSeed !== undefined) this.faults.setRandom(seededRandom(next.randomSeed));
    Object.assign(this.config, next);
    this.worldSettings.asyncMs = next.asyncMs;
    this.worldSettings.maxOutstanding = next.maxOutstanding;
  }

  /** An empty world (no organizations) and full rate buckets; settings and stats stay. */
  reset(): void {
    this.currentWorld.queue.clear();
    this.currentWorld = this.newWorld();
    this.identityCenterLimiter.reset();
    this.organizationsLimiter.reset();
    this.cloudTrailLimiter.reset();
  }

  resetStats(): void {
    this.currentStats = emptyStats();
  }

  private newWorld(): World {
    return new World(seededRandom(this.config.randomSeed ^ WORLD_SEED_SALT), this.worldSettings, this.faults);
  }
}

function nonNegative(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    throw new Error(`${name} must be a number >= 0, got ${JSON.stringify(value)}`);
  return value;
}

function integer(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new Error(`${name} must be an integer, got ${JSON.stringify(value)}`);
  return value;
}
