// The HTTP layer of the sandbox: AWS error shape on the wire, control routes, clean stop.
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../src/sandbox/server.js';

describe('sandbox HTTP server', () => {
  it('answers a request without a known X-Amz-Target with a JSON 1.1 UnknownOperationException', async () => {
    const sandbox = await startSandbox({ tps: 0, randomSeed: 1 });
    try {
      expect(sandbox.endpoint).toBe(`http://127.0.0.1:${sandbox.port}`);
      const res = await fetch(sandbox.endpoint, { method: 'POST', headers: { 'x-amz-target': 'AWSIdentityStore.Frobnicate' }, body: '{}' });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/x-amz-json-1.1');
      expect(await res.json()).toMatchObject({ __type: 'UnknownOperationException', message: expect.stringContaining('Frobnicate') });
    } finally {
      await sandbox.stop();
    }
  });

  it('serves the control API as plain JSON and applies configuration to the handle', async () => {
    const sandbox = await startSandbox({ tps: 20, randomSeed: 1 });
    try {
      const res = await fetch(`${sandbox.endpoint}/_sandbox/config`, { method: 'POST', body: JSON.stringify({ asyncMs: 75 }) });
      expect(res.status).toBe(200);
      expect(sandbox.world.settings.asyncMs).toBe(75);
      const bad = await fetch(`${sandbox.endpoint}/_sandbox/config`, { method: 'POST', body: '{"tps": "many"}' });
      expect(bad.status).toBe(400);
    } finally {
      await sandbox.stop();
    }
  });

  it('stops listening on stop(), and a second stop() is harmless', async () => {
    const sandbox = await startSandbox({ randomSeed: 1 });
    await sandbox.stop();
    await sandbox.stop();
    await expect(fetch(`${sandbox.endpoint}/_sandbox/health`)).rejects.toThrow();
  });
});
