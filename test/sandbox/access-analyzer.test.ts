// ValidatePolicy end to end through the SDK: the tool's Access Analyzer layer
// (src/aws/policy-validation.ts) against the sandbox's restJson1 answers, and against an
// endpoint that refuses the call as AWS does when the role lacks the permission.
import { AccessAnalyzerClient, ValidatePolicyCommand, ValidationException } from '@aws-sdk/client-accessanalyzer';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CallStats } from '../../src/aws/call-stats.js';
import { openPolicyValidator, validateIdentityPolicies, validateIdentityPolicy } from '../../src/aws/policy-validation.js';
import { answerValidatePolicy } from '../../src/sandbox/access-analyzer.js';
import { startTestSandbox, sandboxClientConfig, type TestSandbox } from '../helpers/sandbox.js';

const ACCOUNT = '111111111111';
/** Six grammar errors: more than the sandbox's default page of findings. */
const BROKEN = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'bad-sid', Effect: 'Permit', Action: 's3:*', NotAction: 'ec2:*', Principal: '*', Bogus: true }],
});
const RISKY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }] });

describe('Access Analyzer ValidatePolicy against the sandbox', () => {
  let sandbox: TestSandbox;
  let client: AccessAnalyzerClient;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    client = new AccessAnalyzerClient(sandbox.clientConfig(ACCOUNT));
  });

  afterAll(async () => {
    client?.destroy();
    await sandbox?.stop();
  });

  it('follows nextToken to every page of findings', async () => {
    const firstPage = await client.send(new ValidatePolicyCommand({ policyDocument: BROKEN, policyType: 'IDENTITY_POLICY' }));
    expect(firstPage.findings?.length).toBeLessThan(6);
    expect(firstPage.nextToken).toBeDefined();
    const all = await validateIdentityPolicy(client, BROKEN);
    expect(all.map((f) => f.issueCode)).toEqual([
      'UNSUPPORTED_PRINCIPAL',
      'INVALID_POLICY_ELEMENT',
      'UNSUPPORTED_SID',
      'INVALID_EFFECT',
      'UNSUPPORTED_ELEMENT_COMBINATION',
      'MISSING_RESOURCE',
    ]);
  });

  it('decodes a finding with its location path and span into plain plan data', async () => {
    const [finding] = await validateIdentityPolicy(client, RISKY);
    expect(finding).toMatchObject({
      findingType: 'SECURITY_WARNING',
      issueCode: 'PASS_ROLE_WITH_STAR_IN_RESOURCE',
      learnMoreLink: expect.stringContaining('pass-role-with-star-in-resource'),
      locations: [{ path: [{ key: 'Statement' }, { index: 0 }, { key: 'Resource' }] }],
    });
    const span = finding?.locations[0]?.span;
    expect(RISKY.slice(span?.start.offset, span?.end.offset)).toBe('"*"');
  });

  it('answers a request AWS would refuse with the modelled ValidationException', async () => {
    const refused = client.send(new ValidatePolicyCommand({ policyDocument: RISKY, policyType: 'NOT_A_TYPE' as 'IDENTITY_POLICY' }));
    await expect(refused).rejects.toBeInstanceOf(ValidationException);
  });
});

describe('Access Analyzer ValidatePolicy refused (AccessDeniedException)', () => {
  let server: Server;
  let endpoint: string;
  let calls = 0;

  beforeAll(async () => {
    // What AWS answers a role without access-analyzer:ValidatePolicy: 403 and the error type header.
    server = createServer((req, res) => {
      calls++;
      req.resume();
      res
        .writeHead(403, { 'content-type': 'application/json', 'x-amzn-errortype': 'AccessDeniedException' })
        .end(JSON.stringify({ message: 'User is not authorized to perform: access-analyzer:ValidatePolicy' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('reports the check as unavailable with AWS reason, not as a policy without findings', async () => {
    const client = new AccessAnalyzerClient(sandboxClientConfig(endpoint, ACCOUNT, 1));
    try {
      const result = await validateIdentityPolicies(client, [RISKY, BROKEN]);
      expect(result).toEqual({ kind: 'unavailable', reason: expect.stringContaining('AccessDeniedException') });
      expect(calls).toBeGreaterThan(0);
    } finally {
      client.destroy();
    }
  });
});

describe('Access Analyzer ValidatePolicy throttled (ThrottlingException)', () => {
  let server: Server;
  let endpoint: string;
  let throttleNext = 0;

  beforeAll(async () => {
    // Throttles the first calls as AWS does (429, the error type header), then answers as the sandbox.
    server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      req.on('end', () => {
        if (throttleNext > 0) {
          throttleNext--;
          res
            .writeHead(429, { 'content-type': 'application/json', 'x-amzn-errortype': 'ThrottlingException' })
            .end(JSON.stringify({ message: 'Rate exceeded' }));
          return;
        }
        const answer = answerValidatePolicy(new URL(req.url ?? '/', endpoint).searchParams, body);
        res.writeHead(answer.status, answer.headers).end(answer.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterEach(() => vi.unstubAllEnvs());

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('retries the throttled calls on the pacing of its own client and still gets every finding', async () => {
    vi.stubEnv('AWS_ENDPOINT_URL_ACCESSANALYZER', endpoint);
    vi.stubEnv('AWS_ACCESS_KEY_ID', ACCOUNT);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'sandbox-secret');
    throttleNext = 3;
    const stats = new CallStats();
    const validator = openPolicyValidator({}, 'us-east-1', { stats, jitter: () => 0 });
    try {
      const result = await validator.validate([RISKY]);
      expect(result.kind === 'checked' ? result.findings.get(RISKY)?.map((f) => f.issueCode) : result).toEqual([
        'PASS_ROLE_WITH_STAR_IN_RESOURCE',
      ]);
    } finally {
      validator.close();
    }
    const [validate] = stats.snapshot();
    expect(validate).toMatchObject({ operation: 'access-analyzer ValidatePolicy', calls: 1, attempts: 4, throttled: 3 });
  });
});
