// The sandbox against the AWS service models, for EVERY operation it serves: each answer
// has the output shape's required members and no others, enum values from the model's sets,
// lengths, ranges and patterns within bounds; every error is one the model lists for the
// operation; a request without its required members is refused; MaxResults is accepted at
// the model's bounds and refused outside them; a listing paged one item at a time yields
// the same items, with NextToken only while more remain. That covers the JSON 1.1 services
// the dispatcher serves (sso-admin, identitystore, organizations, cloudtrail) and IAM Access
// Analyzer's ValidatePolicy, which the server answers by its restJson1 HTTP binding.
//
// Why botocore's service-2.json (test/fixtures/models/) and not the SDK's own schemas: the
// static schemas in @aws-sdk/client-*/dist-cjs carry member names and how many are
// required, but drop enum values (an enum member is a plain string there), lengths, ranges
// and patterns, so they cannot check three of the five things this test must. botocore's
// files are generated from the same Smithy models and keep every trait. The SDK may be a
// few releases newer than the copy: a member only its schema knows is accepted by name.
import * as accessAnalyzerSdk from '@aws-sdk/client-accessanalyzer';
import * as cloudTrailSdk from '@aws-sdk/client-cloudtrail';
import * as identityStoreSdk from '@aws-sdk/client-identitystore';
import * as organizationsSdk from '@aws-sdk/client-organizations';
import * as ssoAdminSdk from '@aws-sdk/client-sso-admin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidatePolicy } from '../../src/sandbox/access-analyzer.js';
import { cloudTrailOperations } from '../../src/sandbox/handlers/cloudtrail.js';
import { identityStoreOperations } from '../../src/sandbox/handlers/identitystore.js';
import { organizationsOperations } from '../../src/sandbox/handlers/organizations.js';
import { ssoAdminOperations } from '../../src/sandbox/handlers/sso-admin.js';
import type { Json } from '../../src/sandbox/input.js';
import type { ModelledService as ServiceName } from './model-scenario.js';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { RawClient, runScenario, type CallRecord } from './model-scenario.js';
import { listMembers, loadModel, maxResultsBounds, pagingNames, shapeProblems, type ServiceModel } from './model-shapes.js';

const MODELS: Record<ServiceName, ServiceModel> = {
  'sso-admin': loadModel('sso-admin', ssoAdminSdk),
  identitystore: loadModel('identitystore', identityStoreSdk),
  organizations: loadModel('organizations', organizationsSdk),
  cloudtrail: loadModel('cloudtrail', cloudTrailSdk),
  accessanalyzer: loadModel('accessanalyzer', accessAnalyzerSdk),
};
/** The operations the sandbox serves, by service: the dispatcher's tables, and the restJson1 operations server.ts answers by path. */
const SERVED: Record<ServiceName, string[]> = {
  'sso-admin': Object.keys(ssoAdminOperations),
  identitystore: Object.keys(identityStoreOperations),
  organizations: Object.keys(organizationsOperations),
  cloudtrail: Object.keys(cloudTrailOperations),
  accessanalyzer: ['ValidatePolicy'],
};
const SERVICES = Object.keys(SERVED) as ServiceName[];
/**
 * The error each service answers for a request the model does not allow. CloudTrail models
 * no general validation error; LookupEvents (no required members) refuses a bad MaxResults
 * with InvalidMaxResultsException ("thrown if the limit specified is not valid", the model).
 */
const VALIDATION_ERROR: Record<ServiceName, string> = {
  'sso-admin': 'ValidationException',
  identitystore: 'ValidationException',
  organizations: 'InvalidInputException',
  cloudtrail: 'InvalidMaxResultsException',
  accessanalyzer: 'ValidationException',
};
/**
 * Listings that cannot hold two items in one organization, so they are not paged one item
 * at a time: one instance per organization, one root, a child has one parent.
 */
const SINGLE_ITEM_LISTINGS = new Set(['sso-admin ListInstances', 'organizations ListRoots', 'organizations ListParents']);

let sandbox: SandboxHandle;
let records: CallRecord[];
let probe: RawClient;

beforeAll(async () => {
  sandbox = await startSandbox({ tps: 0, randomSeed: 3, asyncMs: 0 });
  records = (await runScenario(sandbox.endpoint)).records;
  probe = new RawClient(sandbox.endpoint);
});

afterAll(async () => {
  await sandbox.stop();
});

const key = (r: { service: ServiceName; operation: string }) => `${r.service} ${r.operation}`;
const succeeded = () => records.filter((r) => r.status === 200);
const errorType = (answer: Json) => (typeof answer.__type === 'string' ? answer.__type : '').replace(/^.*#/, '');

/** The items of a listing answer: its one list member, or undefined when it has none or several. */
function itemsOf(service: ServiceName, operation: string, answer: Json): unknown[] | undefined {
  const model = MODELS[service];
  const lists = listMembers(model, model.operations[operation]?.output?.shape);
  const [only] = lists;
  return lists.length === 1 && only !== undefined ? ((answer[only] as unknown[] | undefined) ?? []) : undefined;
}

const operationOf = (r: { service: ServiceName; operation: string }) => MODELS[r.service].operations[r.operation] ?? { name: r.operation };
/** The paging member names of a listing (MaxResults/NextToken, or maxResults/nextToken in restJson1). */
function pagingOf(r: { service: ServiceName; operation: string }): { maxResults: string; nextToken: string; outputToken: string } {
  return pagingNames(MODELS[r.service], operationOf(r)) ?? { maxResults: 'MaxResults', nextToken: 'NextToken', outputToken: 'NextToken' };
}

/** Every page of a listing at `pageSize`: the items in order and the number of pages. */
async function walk(record: CallRecord, pageSize: number): Promise<{ items: string[]; pages: number; problems: string[] }> {
  const items: string[] = [];
  const problems: string[] = [];
  const names = pagingOf(record);
  let token: unknown;
  let pages = 0;
  do {
    const body = { ...record.body, [names.maxResults]: pageSize, ...(token === undefined ? {} : { [names.nextToken]: token }) };
    const page = await probe.call(record.service, record.operation, body);
    if (page.status !== 200)
      return { items, pages, problems: [`${key(record)}: page ${pages + 1} failed: ${JSON.stringify(page.answer)}`] };
    const pageItems = itemsOf(record.service, record.operation, page.answer) ?? [];
    if (pageItems.length > pageSize) problems.push(`${key(record)}: a page of ${pageItems.length} items for MaxResults ${pageSize}`);
    items.push(...pageItems.map((i) => JSON.stringify(i)));
    token = page.answer[names.outputToken];
    pages++;
    if (pages > 1000) return { items, pages, problems: [`${key(record)}: more than 1000 pages`] };
  } while (token !== undefined);
  return { items, pages, problems };
}

describe('the sandbox against the AWS service models', () => {
  it('serves only operations the models define', () => {
    const unknown = SERVICES.flatMap((s) => SERVED[s].filter((op) => !MODELS[s].operations[op]).map((op) => `${s} ${op}`));
    expect(unknown).toEqual([]);
  });

  it('answers the restJson1 operations at the HTTP binding of the model', () => {
    const binding = MODELS.accessanalyzer.operations.ValidatePolicy?.http;
    expect(binding && isValidatePolicy(binding.method, binding.requestUri)).toBe(true);
    expect(MODELS.accessanalyzer.metadata.protocol).toBe('rest-json');
  });

  it('the scenario answers every served operation successfully at least once', () => {
    const served = SERVICES.flatMap((s) => SERVED[s].map((op) => `${s} ${op}`));
    const answered = new Set(succeeded().map(key));
    expect(served.filter((op) => !answered.has(op))).toEqual([]);
    expect(records.filter((r) => r.status !== 200).map((r) => `${key(r)}: ${JSON.stringify(r.answer)}`)).toEqual([]);
  });

  it('answers every call with the output shape of the model', () => {
    const problems = succeeded().flatMap((r) => {
      const output = MODELS[r.service].operations[r.operation]?.output?.shape;
      // an operation without output shape answers an empty object
      if (output === undefined) return Object.keys(r.answer).length === 0 ? [] : [`${key(r)}: answers members, the model has no output`];
      return shapeProblems(MODELS[r.service], output, r.answer, key(r));
    });
    expect(problems).toEqual([]);
  });

  it('refuses a request without its required members with an error the model lists, shaped as modelled', async () => {
    const problems: string[] = [];
    for (const service of SERVICES) {
      const model = MODELS[service];
      for (const operation of SERVED[service]) {
        const op = model.operations[operation];
        const input = op?.input === undefined ? undefined : model.shapes[op.input.shape];
        if (!op || (input?.required ?? []).length === 0) continue;
        const answer = await probe.call(service, operation, {});
        const type = errorType(answer.answer);
        if (answer.status === 200) problems.push(`${service} ${operation}: accepted a request without ${input?.required?.join(', ')}`);
        else if (type !== VALIDATION_ERROR[service])
          problems.push(`${service} ${operation}: ${type} instead of ${VALIDATION_ERROR[service]}`);
        else problems.push(...errorProblems(model, service, operation, answer.answer));
      }
    }
    expect(problems).toEqual([]);
  });

  it('accepts MaxResults at the model bounds and refuses one past them', async () => {
    const problems: string[] = [];
    const listings = new Map(succeeded().map((r) => [key(r), r]));
    let checked = 0;
    for (const record of listings.values()) {
      const bounds = maxResultsBounds(MODELS[record.service], operationOf(record));
      // a page size the model gives no range (ValidatePolicy's plain Integer) has no bounds to check
      if (!bounds?.modelled) continue;
      checked++;
      for (const [size, ok] of [
        [bounds.min, true],
        [bounds.max, true],
        [bounds.min - 1, false],
        [bounds.max + 1, false],
      ] as const) {
        const answer = await probe.call(record.service, record.operation, { ...record.body, [pagingOf(record).maxResults]: size });
        if ((answer.status === 200) !== ok)
          problems.push(`${key(record)}: MaxResults ${size} answered ${answer.status} ${JSON.stringify(answer.answer)}`);
        if (!ok && errorType(answer.answer) !== VALIDATION_ERROR[record.service]) {
          problems.push(`${key(record)}: MaxResults ${size} answered ${errorType(answer.answer)}`);
        }
      }
    }
    expect(problems).toEqual([]);
    const pagingOps = SERVICES.flatMap((s) =>
      SERVED[s].filter((op) => maxResultsBounds(MODELS[s], MODELS[s].operations[op] ?? { name: op })?.modelled),
    );
    expect(checked).toBe(pagingOps.length);
  });

  it('pages every listing one item at a time to the same items, NextToken only while more remain', async () => {
    const problems: string[] = [];
    const paged = new Set<string>();
    const pageable = new Set<string>();
    for (const record of succeeded()) {
      const bounds = maxResultsBounds(MODELS[record.service], operationOf(record));
      if (!bounds || itemsOf(record.service, record.operation, record.answer) === undefined) continue;
      pageable.add(key(record));
      const names = pagingOf(record);
      // the listing as it is now (the scenario changed things after recording it), in one page
      const now = await probe.call(record.service, record.operation, { ...record.body, [names.maxResults]: bounds.max });
      const all = itemsOf(record.service, record.operation, now.answer) ?? [];
      if (now.answer[names.outputToken] !== undefined)
        problems.push(`${key(record)}: a listing of ${all.length} items answered a NextToken`);
      if (all.length < 2) continue;
      const { items, pages, problems: walkProblems } = await walk(record, bounds.min);
      problems.push(...walkProblems);
      if (pages !== all.length) problems.push(`${key(record)}: ${all.length} items in ${pages} pages of ${bounds.min}`);
      expect(items, key(record)).toEqual(all.map((i) => JSON.stringify(i)));
      paged.add(key(record));
    }
    expect(problems).toEqual([]);
    const neverPaged = [...pageable].filter((op) => !paged.has(op) && !SINGLE_ITEM_LISTINGS.has(op));
    expect(neverPaged).toEqual([]);
  });

  it('refuses a NextToken it did not issue', async () => {
    const problems: string[] = [];
    for (const record of new Map(succeeded().map((r) => [key(r), r])).values()) {
      if (!maxResultsBounds(MODELS[record.service], operationOf(record))) continue;
      const answer = await probe.call(record.service, record.operation, {
        ...record.body,
        [pagingOf(record).nextToken]: 'bm90LWEtdG9rZW4',
      });
      if (answer.status === 200) problems.push(`${key(record)}: accepted a forged NextToken`);
      else problems.push(...errorProblems(MODELS[record.service], record.service, record.operation, answer.answer));
    }
    expect(problems).toEqual([]);
  });
});

/** An error answer must be one of the operation's modelled errors, its members those of the error's shape. */
function errorProblems(model: ServiceModel, service: ServiceName, operation: string, answer: Json): string[] {
  const type = errorType(answer);
  const modelled = (model.operations[operation]?.errors ?? []).map((e) => e.shape);
  if (!modelled.includes(type)) return [`${service} ${operation}: ${type} is not among its modelled errors ${modelled.join(', ')}`];
  // __type names the error; the JSON protocols read the message from `message` or `Message`
  // whether the error's shape models it or not: checked as a member only where it is modelled
  const shapeMembers = model.shapes[type]?.members ?? {};
  const members = Object.fromEntries(
    Object.entries(answer).filter(([name]) => name !== '__type' && ((name !== 'message' && name !== 'Message') || name in shapeMembers)),
  );
  return shapeProblems(model, type, members, `${service} ${operation} ${type}`);
}
