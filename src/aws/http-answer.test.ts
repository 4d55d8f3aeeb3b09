// The check runs inside a real SDK client against a local server, so the SDK's own
// deserializer and retry strategy decide what reaches it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ListInstancesCommand, SSOAdminClient } from '@aws-sdk/client-sso-admin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsCallError, EndpointAnswerError, awsCall } from './errors.js';
import { installEndpointAnswerCheck } from './http-answer.js';

type Answer = [status: number, contentType: string, body: string];

describe('answers that are not AWS answers', () => {
  let server: Server;
  let endpoint: string;
  let answer: Answer = [200, 'application/x-amz-json-1.1', '{}'];
  let requests = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        requests++;
        res.writeHead(answer[0], { 'content-type': answer[1] });
        res.end(answer[2]);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  async function call(next: Answer, maxAttempts = 1): Promise<unknown> {
    answer = next;
    requests = 0;
    const client = new SSOAdminClient({
      endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      maxAttempts,
    });
    installEndpointAnswerCheck(client);
    try {
      await awsCall('sso-admin', 'ListInstances', () => client.send(new ListInstancesCommand({})));
      return undefined;
    } catch (err) {
      return err;
    } finally {
      client.destroy();
    }
  }

  it.each<[string, Answer, RegExp]>([
    [
      'an HTML 500',
      [500, 'text/html', '<html>500</html>'],
      /^sso-admin ListInstances: HTTP 500 from http:\/\/127\.0\.0\.1:\d+ \(text\/html, not an AWS answer\)$/,
    ],
    [
      'an HTML page with 200 (a proxy login)',
      [200, 'text/html', '<html>login</html>'],
      /^sso-admin ListInstances: HTTP 200 from http:\/\/127\.0\.0\.1:\d+ \(text\/html, not an AWS answer\)$/,
    ],
    [
      'an empty 502',
      [502, 'text/plain', ''],
      /^sso-admin ListInstances: HTTP 502 from http:\/\/127\.0\.0\.1:\d+ \(text\/plain, not an AWS answer\)$/,
    ],
    [
      'JSON without an error type',
      [500, 'application/json', '{"foo":1}'],
      /^sso-admin ListInstances: HTTP 500 from http:\/\/127\.0\.0\.1:\d+$/,
    ],
  ])('%s is named by status and endpoint', async (_what, next, message) => {
    const err = await call(next);
    expect(err).toBeInstanceOf(AwsCallError);
    expect((err as Error).message).toMatch(message);
    expect((err as AwsCallError).httpStatus).toBe(next[0]);
  });

  it('leaves an AWS error as AWS named it', async () => {
    const err = await call([500, 'application/x-amz-json-1.1', '{"__type":"InternalServerException","Message":"boom"}']);
    expect((err as Error).message).toBe('sso-admin ListInstances failed: InternalServerException: boom');
  });

  it('keeps the SDK retrying a 5xx page, and not retrying a 200 page', async () => {
    expect(await call([503, 'text/html', '<html>busy</html>'], 2)).toBeInstanceOf(AwsCallError);
    expect(requests).toBe(2);
    expect(await call([200, 'text/html', '<html>login</html>'], 2)).toBeInstanceOf(AwsCallError);
    expect(requests).toBe(1);
  });

  it('names the answer also to callers that do not wrap it (the write path)', async () => {
    answer = [500, 'text/html', '<html/>'];
    const client = new SSOAdminClient({
      endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      maxAttempts: 1,
    });
    installEndpointAnswerCheck(client);
    await expect(client.send(new ListInstancesCommand({}))).rejects.toThrow(EndpointAnswerError);
    client.destroy();
  });
});
