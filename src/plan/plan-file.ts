// A saved plan (`plan --out plan.json`, read by `reconcile --plan`): stable JSON with
// sorted keys, and a reader that checks the format version and the shape before a
// single change is trusted. Errors name the file and the problem.
import type { JsonValue } from '../model/types.js';
import { asJson, prettyJson } from './canonical.js';
import { PLAN_FORMAT_VERSION, type Plan } from './types.js';

export function serializePlan(plan: Plan): string {
  return `${prettyJson(asJson(plan))}\n`;
}

type Json = { [key: string]: JsonValue };
type Check = (value: JsonValue | undefined) => boolean;

const isObject = (v: JsonValue | undefined): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const str: Check = (v) => typeof v === 'string';
const optStr: Check = (v) => v === undefined || typeof v === 'string';
const obj: Check = (v) => isObject(v);
const strArray: Check = (v) => Array.isArray(v) && v.every((x) => typeof x === 'string');
const attributes: Check = (v) => Array.isArray(v) && v.every((a) => isObject(a) && typeof a.field === 'string');
const principalType: Check = (v) => v === 'USER' || v === 'GROUP';
const reason: Check = (v) => v === 'updated' || v === 'stale';

/** Required (and optional) fields of each kind/action, by type check. */
const CHANGE_SHAPES: Record<string, Record<string, Check>> = {
  'user/create': { userName: str, after: obj },
  'user/update': { userName: str, attributes },
  'user/delete': { userName: str },
  'group/create': { name: str, description: optStr },
  'group/update': { name: str, attributes },
  'group/rename': { name: str, previousName: str },
  'group/delete': { name: str },
  'membership/create': { group: str, userName: str },
  'membership/delete': { group: str, userName: str },
  'permissionSet/create': { name: str, after: obj },
  'permissionSet/update': { name: str, attributes, after: obj },
  'permissionSet/delete': { name: str },
  'permissionSet/reprovision': { name: str, staleAccounts: strArray, reason },
  'assignment/create': { permissionSet: str, principalType, principal: str, accountId: str, accountName: optStr },
  'assignment/delete': { permissionSet: str, principalType, principal: str, accountId: str, accountName: optStr },
};

const SUMMARY_FIELDS = ['add', 'change', 'destroy'] as const;

/** The problem with a change, or undefined when it has a known shape. */
function changeProblem(change: JsonValue | undefined): string | undefined {
  if (!isObject(change)) return 'is not an object';
  const shape = CHANGE_SHAPES[`${String(change.kind)}/${String(change.action)}`];
  if (!shape) return `has an unknown kind/action "${String(change.kind)}/${String(change.action)}"`;
  const bad = Object.entries(shape).find(([field, check]) => !check(change[field]));
  return bad ? `(${String(change.kind)} ${String(change.action)}) has a missing or invalid "${bad[0]}"` : undefined;
}

function planProblem(data: JsonValue): string | undefined {
  if (!isObject(data)) return 'is not a JSON object';
  if (data.formatVersion !== PLAN_FORMAT_VERSION) {
    return `has plan format version ${JSON.stringify(data.formatVersion ?? null)}; this sso-gitops reads version ${PLAN_FORMAT_VERSION} (make the plan again with this version)`;
  }
  for (const field of ['createdAt', 'instanceArn', 'identityStoreId', 'liveChecksum'] as const) {
    if (typeof data[field] !== 'string') return `has a missing or invalid "${field}" (expected a string)`;
  }
  if (!/^[0-9a-f]{64}$/.test(String(data.liveChecksum))) return '"liveChecksum" is not a sha256 hex digest';
  const summary = data.summary;
  if (!isObject(summary) || !SUMMARY_FIELDS.every((f) => typeof summary[f] === 'number')) {
    return 'has a missing or invalid "summary" (expected add, change and destroy counts)';
  }
  if (!Array.isArray(data.refused) || !data.refused.every((r) => isObject(r) && typeof r.rule === 'string' && typeof r.message === 'string')) {
    return 'has a missing or invalid "refused" (expected a list of {rule, message})';
  }
  if (!strArray(data.warnings)) return 'has a missing or invalid "warnings" (expected a list of strings)';
  if (!Array.isArray(data.changes)) return 'has a missing or invalid "changes" (expected a list)';
  for (const [i, change] of data.changes.entries()) {
    const problem = changeProblem(change);
    if (problem) return `changes[${i}] ${problem}`;
  }
  return undefined;
}

export function parsePlanFile(text: string, file: string): Plan {
  let data: JsonValue;
  try {
    data = JSON.parse(text) as JsonValue;
  } catch (err) {
    throw new Error(`${file}: not a plan file: invalid JSON (${err instanceof Error ? err.message : String(err)})`, { cause: err });
  }
  const problem = planProblem(data);
  if (problem) throw new Error(`${file}: not a valid plan file: ${problem}`);
  return data as unknown as Plan;
}
