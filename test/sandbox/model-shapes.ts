// Checks a JSON answer against a shape of an AWS service model (botocore's service-2.json
// form; see test/fixtures/models/README.md for why that source and which copy). It reports
// what the model forbids: a required member missing, a member the model does not have, a
// wrong type, an enum value outside the set, a length, size or range out of bounds, a
// string that does not match its pattern.
import { readFileSync } from 'node:fs';

export interface MemberRef {
  shape: string;
}

export interface Shape {
  type: string;
  members?: Record<string, MemberRef>;
  required?: string[];
  member?: MemberRef;
  key?: MemberRef;
  value?: MemberRef;
  enum?: string[];
  min?: number;
  max?: number;
  pattern?: string;
  union?: boolean;
  document?: boolean;
  exception?: boolean;
}

export interface OperationModel {
  name: string;
  /** the HTTP binding (what restJson1 services are called by) */
  http?: { method: string; requestUri: string };
  input?: MemberRef;
  output?: MemberRef;
  errors?: MemberRef[];
}

export interface ServiceModel {
  metadata: { serviceId: string; targetPrefix?: string; protocol: string };
  operations: Record<string, OperationModel>;
  shapes: Record<string, Shape>;
  /**
   * The SDK client's exports, whose static schemas (`<Shape>$`) may be newer than the
   * botocore copy: a member botocore lacks but the SDK's schema of the same shape has is
   * accepted (by name only, its value unchecked), not reported.
   */
  sdk?: Record<string, unknown>;
}

const MODELS_DIR = new URL('../fixtures/models/', import.meta.url);

export function loadModel(
  name: 'sso-admin' | 'identitystore' | 'organizations' | 'cloudtrail' | 'accessanalyzer',
  sdk?: Record<string, unknown>,
): ServiceModel {
  const model = JSON.parse(readFileSync(new URL(`${name}.json`, MODELS_DIR), 'utf8')) as ServiceModel;
  return sdk === undefined ? model : { ...model, sdk };
}

const compiled = new Map<string, RegExp | null>();

/**
 * The model's pattern, anchored, with Unicode semantics (\p{L} and friends). Smithy patterns
 * are not implicitly anchored, but the services apply them to the whole value (the API
 * reference prints them as ^…$). Java-style escapes of plain characters (\_, \ , \- outside
 * a class), which a Unicode JavaScript regex refuses, lose their needless backslash; a
 * leading Java inline flag `(?s)` (CloudTrail's QueryStatement) becomes the `s` flag. A
 * pattern that still does not compile is skipped (model-shapes.test.ts checks none is).
 */
export function modelPattern(source: string): RegExp | null {
  let re = compiled.get(source);
  if (re === undefined) {
    const dotAll = source.startsWith('(?s)');
    const body = dotAll ? source.slice('(?s)'.length) : source;
    try {
      re = new RegExp(`^(?:${withoutNeedlessEscapes(body)})$`, dotAll ? 'us' : 'u');
    } catch {
      re = null;
    }
    compiled.set(source, re);
  }
  return re;
}

function withoutNeedlessEscapes(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source.charAt(i);
    if (c === '\\' && i + 1 < source.length) {
      const next = source.charAt(i + 1);
      const meaningful = /[A-Za-z0-9^$\\.*+?()[\]{}|/]/.test(next) || (next === '-' && inClass);
      out += meaningful ? c + next : next;
      i++;
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    out += c;
  }
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every problem of `value` against shape `shapeName`; `at` names the position in messages. */
export function shapeProblems(model: ServiceModel, shapeName: string, value: unknown, at = '$'): string[] {
  const shape = model.shapes[shapeName];
  if (!shape) return [`${at}: the model has no shape ${shapeName}`];
  if (value === null) return [`${at}: null (the JSON protocol omits absent members)`];
  switch (shape.type) {
    case 'structure':
      return structureProblems(model, shapeName, shape, value, at);
    case 'list':
      return listProblems(model, shape, value, at);
    case 'map':
      return mapProblems(model, shape, value, at);
    case 'string':
      return stringProblems(shape, value, at);
    case 'integer':
    case 'long':
      return typeof value === 'number' && Number.isInteger(value) ? rangeProblems(shape, value, at) : [`${at}: not an integer`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${at}: not a boolean`];
    // JSON 1.1 sends timestamps as epoch seconds
    case 'timestamp':
      return typeof value === 'number' ? [] : [`${at}: a timestamp must be epoch seconds`];
    default:
      return [`${at}: shape type ${shape.type} is not checked here`];
  }
}

function structureProblems(model: ServiceModel, shapeName: string, shape: Shape, value: unknown, at: string): string[] {
  if (shape.document) return [];
  if (!isObject(value)) return [`${at}: not a structure`];
  const members = shape.members ?? {};
  const problems: string[] = [];
  for (const name of shape.required ?? []) if (value[name] === undefined) problems.push(`${at}.${name}: required member missing`);
  const present = Object.keys(value).filter((k) => value[k] !== undefined);
  if (shape.union && present.length !== 1) problems.push(`${at}: a union must set exactly one member, has ${present.length}`);
  for (const name of present) {
    const ref = members[name];
    if (!ref && sdkMemberNames(model, shapeName)?.includes(name)) continue;
    if (!ref) problems.push(`${at}.${name}: member not in the model`);
    else problems.push(...shapeProblems(model, ref.shape, value[name], `${at}.${name}`));
  }
  return problems;
}

function sizeProblems(shape: Shape, size: number, at: string, what: string): string[] {
  if (shape.min !== undefined && size < shape.min) return [`${at}: ${what} ${size} below the model's min ${shape.min}`];
  if (shape.max !== undefined && size > shape.max) return [`${at}: ${what} ${size} above the model's max ${shape.max}`];
  return [];
}

function listProblems(model: ServiceModel, shape: Shape, value: unknown, at: string): string[] {
  if (!Array.isArray(value)) return [`${at}: not a list`];
  const problems = sizeProblems(shape, value.length, at, 'length');
  value.forEach((item, i) => problems.push(...shapeProblems(model, shape.member?.shape ?? '', item, `${at}[${i}]`)));
  return problems;
}

function mapProblems(model: ServiceModel, shape: Shape, value: unknown, at: string): string[] {
  if (!isObject(value)) return [`${at}: not a map`];
  const problems = sizeProblems(shape, Object.keys(value).length, at, 'size');
  for (const [k, v] of Object.entries(value)) {
    problems.push(...shapeProblems(model, shape.key?.shape ?? '', k, `${at}{${k}}`));
    problems.push(...shapeProblems(model, shape.value?.shape ?? '', v, `${at}.${k}`));
  }
  return problems;
}

function stringProblems(shape: Shape, value: unknown, at: string): string[] {
  if (typeof value !== 'string') return [`${at}: not a string`];
  if (shape.enum && !shape.enum.includes(value)) return [`${at}: "${value}" is not one of ${shape.enum.join(', ')}`];
  // Smithy measures string length in Unicode scalar values
  const problems = sizeProblems(shape, [...value].length, at, 'length');
  const pattern = shape.pattern === undefined ? null : modelPattern(shape.pattern);
  if (pattern && !pattern.test(value)) problems.push(`${at}: "${value}" does not match the model's pattern ${shape.pattern}`);
  return problems;
}

function rangeProblems(shape: Shape, value: number, at: string): string[] {
  return sizeProblems(shape, value, at, 'value');
}

/**
 * Member names of a structure in the SDK's static schema: `Shape$` is
 * [3, namespace, name, traits, memberNames, memberSchemas, requiredCount?].
 */
export function sdkMemberNames(model: ServiceModel, shapeName: string): string[] | undefined {
  const schema = model.sdk?.[`${shapeName}$`];
  if (!Array.isArray(schema) || schema[0] !== 3 || !Array.isArray(schema[4])) return undefined;
  return schema[4].filter((n): n is string => typeof n === 'string');
}

/** Names of the list members of a structure: the results of a listing (for paging checks). */
export function listMembers(model: ServiceModel, shapeName: string | undefined): string[] {
  const shape = shapeName === undefined ? undefined : model.shapes[shapeName];
  return Object.entries(shape?.members ?? {})
    .filter(([, ref]) => model.shapes[ref.shape]?.type === 'list')
    .map(([name]) => name);
}

/** The member of a structure named `name` in any case: JSON 1.1 services say MaxResults, restJson1 ones often maxResults. */
const memberNamed = (shape: Shape | undefined, name: string): string | undefined =>
  Object.keys(shape?.members ?? {}).find((m) => m.toLowerCase() === name.toLowerCase());

/** How an operation pages, by the model: its page-size and token members (input), and the token member of its output. */
export function pagingNames(
  model: ServiceModel,
  op: OperationModel,
): { maxResults: string; nextToken: string; outputToken: string } | undefined {
  const input = op.input === undefined ? undefined : model.shapes[op.input.shape];
  const output = op.output === undefined ? undefined : model.shapes[op.output.shape];
  const maxResults = memberNamed(input, 'MaxResults');
  const nextToken = memberNamed(input, 'NextToken');
  const outputToken = memberNamed(output, 'NextToken');
  return maxResults && nextToken && outputToken ? { maxResults, nextToken, outputToken } : undefined;
}

/**
 * The MaxResults bounds of an operation's input, when it pages; `modelled` says whether the
 * model states a range at all (ValidatePolicy's maxResults is a plain Integer).
 */
export function maxResultsBounds(model: ServiceModel, op: OperationModel): { min: number; max: number; modelled: boolean } | undefined {
  const names = pagingNames(model, op);
  const input = op.input === undefined ? undefined : model.shapes[op.input.shape];
  const ref = names === undefined ? undefined : input?.members?.[names.maxResults];
  if (!ref) return undefined;
  const shape = model.shapes[ref.shape];
  return {
    min: shape?.min ?? 1,
    max: shape?.max ?? Number.MAX_SAFE_INTEGER,
    modelled: shape?.min !== undefined || shape?.max !== undefined,
  };
}
