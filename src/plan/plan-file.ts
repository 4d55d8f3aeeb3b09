// A saved plan (`plan --out plan.json`, read by `reconcile --plan`): stable JSON with
// sorted keys, and a reader that validates the file against schema/plan.schema.json (the
// published format) before a single change is used. A saved plan is never trusted beyond
// that: reconcile plans again and applies only when the file's changes are exactly the
// fresh ones (savedPlanDifferences), with the fresh safety refusals.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import schema from '../../schema/plan.schema.json' with { type: 'json' };
import type { JsonValue } from '../model/types.js';
import { compareStrings } from '../model/order.js';
import { summarize } from './build.js';
import { asJson, canonicalJson, prettyJson } from './canonical.js';
import { PLAN_FORMAT_VERSION, type Change, type Plan } from './types.js';

/** A plan file that cannot be used; the message names the file and the JSON path of the problem. */
export class PlanFileError extends Error {
  readonly userFacing = true;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PlanFileError';
  }
}

export function serializePlan(plan: Plan): string {
  return `${prettyJson(asJson(plan))}\n`;
}

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  compiled ??= new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
  return compiled;
}

/** Errors that explain the real one are dropped: the "must match then" wrapper of each failed branch. */
function describeSchemaErrors(errors: readonly ErrorObject[]): string {
  const relevant = errors.filter((e) => e.keyword !== 'if' && !/\/(anyOf|oneOf)\/\d+\//.test(e.schemaPath));
  const shown = relevant.slice(0, 3).map(describeSchemaError);
  const more = relevant.length > shown.length ? ` (and ${relevant.length - shown.length} more)` : '';
  return `${shown.join('; ')}${more}`;
}

function describeSchemaError(e: ErrorObject): string {
  const at = e.instancePath === '' ? '/' : e.instancePath;
  const params = e.params as { missingProperty?: string; additionalProperty?: string };
  if (e.keyword === 'required') return `${at}: missing required field "${params.missingProperty ?? ''}"`;
  if (e.keyword === 'additionalProperties') return `${at}/${params.additionalProperty ?? ''}: unknown field`;
  if (e.keyword === 'anyOf' && /^\/changes\/\d+$/.test(e.instancePath)) return `${at}: unknown kind/action combination`;
  return `${at}: ${e.message ?? e.keyword}`;
}

export function parsePlanFile(text: string, file: string): Plan {
  let data: JsonValue;
  try {
    data = JSON.parse(text) as JsonValue;
  } catch (err) {
    throw new PlanFileError(`${file}: not a plan file: invalid JSON (${err instanceof Error ? err.message : String(err)})`, { cause: err });
  }
  const version = data !== null && typeof data === 'object' && !Array.isArray(data) ? data.formatVersion : undefined;
  if (version !== undefined && version !== PLAN_FORMAT_VERSION) {
    throw new PlanFileError(
      `${file}: not a valid plan file: /formatVersion: plan format version ${JSON.stringify(version)}; this sso-gitops reads version ${PLAN_FORMAT_VERSION} (make the plan again with this version)`,
    );
  }
  const validate = validator();
  if (!validate(data)) throw new PlanFileError(`${file}: not a valid plan file: ${describeSchemaErrors(validate.errors ?? [])}`);
  const plan = data as unknown as Plan;
  const counted = summarize(plan.changes);
  const { add, change, destroy } = plan.summary;
  if (counted.add !== add || counted.change !== change || counted.destroy !== destroy) {
    throw new PlanFileError(
      `${file}: not a valid plan file: /summary: says ${add} to add, ${change} to change, ${destroy} to destroy, but the changes are ` +
        `${counted.add} to add, ${counted.change} to change, ${counted.destroy} to destroy`,
    );
  }
  return plan;
}

export interface PlanDifferences {
  /** Changes in the saved plan that would not be planned now. */
  onlyInFile: Change[];
  /** Changes that would be planned now but are not in the saved plan. */
  onlyNow: Change[];
}

/** Changes compared as sorted-key JSON, as multisets (order is the apply step's business). */
export function savedPlanDifferences(saved: readonly Change[], fresh: readonly Change[]): PlanDifferences {
  const key = (c: Change) => canonicalJson(asJson(c));
  const remaining = new Map<string, number>();
  for (const c of fresh) remaining.set(key(c), (remaining.get(key(c)) ?? 0) + 1);
  const onlyInFile: Change[] = [];
  for (const c of saved) {
    const n = remaining.get(key(c)) ?? 0;
    if (n === 0) onlyInFile.push(c);
    else remaining.set(key(c), n - 1);
  }
  const onlyNow = fresh.filter((c) => {
    const n = remaining.get(key(c)) ?? 0;
    if (n === 0) return false;
    remaining.set(key(c), n - 1);
    return true;
  });
  const byKey = (a: Change, b: Change) => compareStrings(key(a), key(b));
  return { onlyInFile: onlyInFile.sort(byKey), onlyNow: onlyNow.sort(byKey) };
}
