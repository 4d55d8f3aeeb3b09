import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { packageVersion } from './version.js';

const scratch = mkdtempSync(join(tmpdir(), 'sso-gitops-version-unit-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function moduleUrl(...parts: string[]): URL {
  const dir = join(scratch, ...parts);
  mkdirSync(dir, { recursive: true });
  return pathToFileURL(join(dir, 'version.js'));
}

describe('packageVersion', () => {
  it("is this repository's package.json version for the source module", async () => {
    const own = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(await packageVersion()).toBe(own.version);
  });

  it('skips package.json files of other packages on the way up', async () => {
    const from = moduleUrl('node_modules', 'sso-gitops', 'dist', 'src', 'cli');
    writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'acme-identity', version: '5.0.0' }));
    writeFileSync(join(scratch, 'node_modules', 'sso-gitops', 'package.json'), JSON.stringify({ name: 'sso-gitops', version: '1.2.3' }));
    writeFileSync(join(scratch, 'node_modules', 'sso-gitops', 'dist', 'package.json'), JSON.stringify({ type: 'module' }));
    expect(await packageVersion(from)).toBe('1.2.3');
  });

  it('fails naming the module when no package.json of the tool is above it', async () => {
    const lone = mkdtempSync(join(tmpdir(), 'sso-gitops-lone-'));
    try {
      mkdirSync(join(lone, 'a'), { recursive: true });
      await expect(packageVersion(pathToFileURL(join(lone, 'a', 'version.js')))).rejects.toThrow(
        /no package\.json of sso-gitops above .*version\.js/,
      );
    } finally {
      rmSync(lone, { recursive: true, force: true });
    }
  });
});
