// The sandbox's own control API under /_sandbox/ (plain JSON, no AWS protocol, no
// signature): health, stats, reset, run-time configuration, which customer managed
// policies exist in an account, and applications the API cannot create. Documented in src/sandbox/README.md.
import type { SandboxOptions, SandboxRuntime } from './runtime.js';
import { addApplication, type NewApplication } from './state/applications.js';
import type { PolicyReference } from './state/instance.js';

export const CONTROL_PREFIX = '/_sandbox/';

export interface ControlAnswer {
  status: number;
  body: unknown;
}

type Route = (runtime: SandboxRuntime, body: unknown) => ControlAnswer;

const ok = (body: unknown = { ok: true }): ControlAnswer => ({ status: 200, body });

const ROUTES: Record<string, Route> = {
  'GET health': () => ok({ status: 'ok' }),
  'GET stats': (runtime) => ok(runtime.stats),
  'POST stats/reset': (runtime) => {
    runtime.resetStats();
    return ok();
  },
  'POST reset': (runtime) => {
    runtime.reset();
    return ok();
  },
  'GET config': (runtime) => ok(runtime.config),
  'POST config': (runtime, body) => {
    runtime.configure(configChanges(body));
    return ok(runtime.config);
  },
  'POST policies': (runtime, body) => {
    const { accountId, policies } = policyDeclaration(body);
    runtime.world.declareCustomerManagedPolicies(accountId, policies);
    return ok();
  },
  /** Adds an application of any provider, as the console would: SAML ones cannot be created through the API. */
  'POST applications': (runtime, body) => {
    const { accountId, fields } = applicationSeed(body);
    const org = runtime.world.organizationOf(accountId);
    const instance = org === undefined ? undefined : runtime.world.instances.get(org.instanceArn);
    if (!instance) throw new Error(`account ${accountId} belongs to no organization with Identity Center`);
    const world = runtime.world;
    return ok({ applicationArn: addApplication(instance, (n) => world.hex(n), world.nowSeconds(), fields).ApplicationArn });
  },
  'POST denials': (runtime, body) => {
    const operations = deniedOperations(body);
    runtime.deniedOperations.clear();
    operations.forEach((op) => runtime.deniedOperations.add(op));
    return ok({ operations });
  },
};

/** Answers one control request; a bad body is 400 with {error}, an unknown route 404. */
export function handleControl(runtime: SandboxRuntime, method: string, path: string, bodyText: string): ControlAnswer {
  const route = ROUTES[`${method} ${path.slice(CONTROL_PREFIX.length).replace(/\/+$/, '')}`];
  if (!route) return { status: 404, body: { error: `no control route ${method} ${path}; known: ${Object.keys(ROUTES).join(', ')}` } };
  try {
    return route(runtime, bodyText.trim() === '' ? {} : JSON.parse(bodyText));
  } catch (err) {
    return { status: 400, body: { error: err instanceof Error ? err.message : String(err) } };
  }
}

const CONFIG_KEYS = ['tps', 'latencyMs', 'asyncMs', 'maxOutstanding', 'faults', 'randomSeed'] as const;

function configChanges(body: unknown): Partial<SandboxOptions> {
  const object = asObject(body, 'config');
  const unknown = Object.keys(object).filter((k) => !(CONFIG_KEYS as readonly string[]).includes(k));
  if (unknown.length > 0) throw new Error(`unknown config field(s) ${unknown.join(', ')}; known: ${CONFIG_KEYS.join(', ')}`);
  if (object.faults !== undefined && typeof object.faults !== 'string')
    throw new Error('faults must be a string such as "throttle=0.1,5xx=0.02"');
  // the numeric fields are checked by SandboxRuntime.configure
  return object;
}

function policyDeclaration(body: unknown): { accountId: string; policies: PolicyReference[] } {
  const object = asObject(body, 'policies');
  if (typeof object.accountId !== 'string' || !/^\d{12}$/.test(object.accountId))
    throw new Error('accountId must be a 12-digit account id');
  if (!Array.isArray(object.policies)) throw new Error('policies must be a list of {name, path}');
  const policies = object.policies.map((p: unknown, i: number) => {
    const entry = asObject(p, `policies[${i}]`);
    if (typeof entry.name !== 'string' || entry.name === '') throw new Error(`policies[${i}].name must be a non-empty string`);
    const path = entry.path ?? '/';
    if (typeof path !== 'string' || !/^\/(.*\/)?$/.test(path)) throw new Error(`policies[${i}].path must be "/" or "/a/b/"`);
    return { Name: entry.name, Path: path };
  });
  return { accountId: object.accountId, policies };
}

function applicationSeed(body: unknown): { accountId: string; fields: NewApplication } {
  const object = asObject(body, 'applications');
  if (typeof object.accountId !== 'string' || !/^\d{12}$/.test(object.accountId))
    throw new Error('accountId must be a 12-digit account id');
  if (typeof object.name !== 'string' || object.name === '') throw new Error('name must be a non-empty string');
  if (typeof object.providerArn !== 'string') throw new Error('providerArn must be an application provider ARN');
  if (object.assignmentRequired !== undefined && typeof object.assignmentRequired !== 'boolean')
    throw new Error('assignmentRequired must be true or false');
  if (object.description !== undefined && typeof object.description !== 'string') throw new Error('description must be a string');
  return {
    accountId: object.accountId,
    fields: {
      name: object.name,
      providerArn: object.providerArn,
      ...(object.assignmentRequired === undefined ? {} : { assignmentRequired: object.assignmentRequired }),
      ...(object.description === undefined ? {} : { description: object.description }),
    },
  };
}

/** {"operations":["LookupEvents"]}: every caller is denied these from now on; [] allows everything again. */
function deniedOperations(body: unknown): string[] {
  const { operations } = asObject(body, 'denials');
  if (!Array.isArray(operations) || !operations.every((op) => typeof op === 'string' && /^[A-Z][A-Za-z]+$/.test(op)))
    throw new Error('operations must be a list of operation names, e.g. ["LookupEvents"]');
  return operations as string[];
}

function asObject(value: unknown, what: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${what}: expected a JSON object`);
  return value as Record<string, unknown>;
}
